package org.qiao.curriculum.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qiao.curriculum.domain.Consent;
import org.qiao.curriculum.domain.Degree;
import org.qiao.curriculum.domain.ErasedStudent;
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.domain.PersonalData;
import org.qiao.curriculum.domain.Student;
import org.qiao.curriculum.domain.StudentProfile;
import org.qiao.curriculum.messaging.CurriculumEvents;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.http.Versions;
import org.qiao.kit.problem.Problem;
import org.qiao.kit.problem.ProblemException;

/**
 * Students of an institution: the institution reads and changes only its own; a student (role
 * student, sub = pseudonymous id, org = institution code) reads their own record and decides on
 * consent. Anyone else gets 404.
 */
@ApplicationScoped
public class StudentService {

  private final StudentRecords records;
  private final ContactGrantService grants;
  private final CurriculumEvents events;
  private final Callers callers;
  private final EntityManager em;
  private final Idempotency idempotency;
  private final Clock clock;

  StudentService(
      StudentRecords records,
      ContactGrantService grants,
      CurriculumEvents events,
      Callers callers,
      EntityManager em,
      Idempotency idempotency,
      Clock clock) {
    this.records = records;
    this.grants = grants;
    this.events = events;
    this.callers = callers;
    this.em = em;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  /** Adds one student; a student number the institution already has is a 409. */
  @Transactional
  public Student create(PersonalData person, StudentProfile profile, Consent consent) {
    Institution i = callers.institution();
    if (Student.count("institutionId = ?1 and studentNumber = ?2", i.id, person.studentNumber())
        > 0) {
      throw ProblemException.conflict(
          "Student number " + person.studentNumber() + " exists; change it with PUT");
    }
    return stored(
        i,
        records.store(
            i,
            List.of(new StudentRecords.Statement(0, person, profile, consent)),
            new CourseSkills(i.id)));
  }

  /** Restates a student's personal data and profile (consent is the student's to change). */
  @Transactional
  public Student update(
      UUID id, long expectedVersion, PersonalData person, StudentProfile profile) {
    Institution i = callers.institution();
    Student s = ofInstitution(id, i);
    Versions.check(expectedVersion, s.version);
    if (!s.studentNumber.equals(person.studentNumber())) {
      throw ProblemException.invalidField(
          "studentNumber", "cannot change; it identifies the record");
    }
    return stored(
        i,
        records.store(
            i,
            List.of(new StudentRecords.Statement(0, person, profile, null)),
            new CourseSkills(i.id)));
  }

  private static Student stored(Institution i, StudentRecords.Result r) {
    if (!r.errors().isEmpty()) {
      StudentRecords.RowError e = r.errors().get(0);
      throw new ProblemException(
          400,
          "validation",
          "Invalid request",
          e.field() + ": " + e.reason(),
          List.of(new Problem.FieldError(e.field(), e.reason())));
    }
    return r.stored().get(0L);
  }

  /** The caller's view of a student: their institution, or the student themself. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Student get(UUID id) {
    Student s = Student.findById(id);
    if (s == null || !readable(s)) {
      throw ProblemException.notFound("student " + id);
    }
    return s;
  }

  /** The acting student's own record. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Student me() {
    return Student.byPseudonym(callers.subject())
        .filter(this::readable)
        .orElseThrow(() -> ProblemException.notFound("student " + callers.subject()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Student> list(
      Integer graduationYear,
      String majorCode,
      Degree degree,
      Boolean consent,
      UUID cursor,
      int limit) {
    Institution i = callers.institution();
    return KeysetQuery.from("student")
        .and("institution_id = ?", i.id)
        .andIfPresent("graduation_year = ?", graduationYear)
        .andIfPresent("major_code = ?", majorCode)
        .andIfPresent("degree = ?", degree == null ? null : degree.name())
        .andIfPresent("consent_given = ?", consent)
        .page(em, Student.class, cursor, limit, s -> s.id);
  }

  /** The student consents to matching under a version of the consent text. */
  @Transactional
  public Student giveConsent(UUID id, long expectedVersion, String textVersion) {
    Student s = ownRecord(id);
    Versions.check(expectedVersion, s.version);
    Consent c = new Consent(true, textVersion, clock.instant());
    s.giveConsent(c.textVersion(), c.at());
    records.republish(s, institutionOf(s));
    return s;
  }

  /** The student, or their institution at the student's request, withdraws consent. */
  @Transactional
  public Student withdrawConsent(UUID id, long expectedVersion) {
    Student s = callers.isStudent() ? ownRecord(id) : ofInstitution(id, callers.institution());
    Versions.check(expectedVersion, s.version);
    s.withdrawConsent(clock.instant());
    records.republish(s, institutionOf(s));
    return s;
  }

  /**
   * Erases the record (PIPL art. 47): the row with the personal data is deleted, not blanked; only
   * the pseudonymous id is kept, so the student is not imported again. If anything about the
   * student was published, every other service is told to forget the pseudonymous id.
   */
  @Transactional
  public void erase(UUID id, long expectedVersion) {
    Student s = callers.isStudent() ? ownRecord(id) : ofInstitution(id, callers.institution());
    Versions.check(expectedVersion, s.version);
    Institution i = institutionOf(s);
    Instant now = clock.instant();
    if (s.isPublished()) {
      events.forgotten(s.pseudonymousId, i, CurriculumEvents.ForgetReason.ERASED, now);
    }
    // Its contact grants end at once, and what was recorded about them here goes with the record.
    grants.forget(s.pseudonymousId, true, now);
    ErasedStudent.of(s.pseudonymousId, now).persist();
    // Stored answers to retried requests may hold the record too: they go with it.
    idempotency.forgetRepliesMentioning(List.of(s.id.toString()));
    s.delete();
  }

  /** When the student resumed seeking work, as announced. */
  public record JobSeeking(String pseudonymousId, Instant resumedAt) {}

  /**
   * A hired student says they seek work again: matching-service ranks them again
   * (qiao.student.job-seeking-resumed.v1). Only a consented student is known to matching; anyone
   * else is refused, so the event never names a student who did not consent.
   */
  @Transactional
  public JobSeeking resumeJobSeeking() {
    Student s = me();
    if (!s.consentGiven) {
      throw new ProblemException(
          409,
          "not-consented",
          "Conflict",
          "Consent to matching first (POST /api/v1/students/{id}/consent): only then are you"
              + " ranked for demands",
          List.of());
    }
    Instant now = clock.instant();
    events.jobSeekingResumed(s.pseudonymousId, now);
    return new JobSeeking(s.pseudonymousId, now);
  }

  private boolean readable(Student s) {
    if (callers.isStudent()) {
      return s.pseudonymousId.equals(callers.subject())
          && institutionOf(s).code.equals(callers.org());
    }
    return callers.isInstitution()
        && Institution.byCode(callers.org()).map(i -> i.id.equals(s.institutionId)).orElse(false);
  }

  private Student ownRecord(UUID id) {
    Student s = Student.findById(id);
    if (s == null || !callers.isStudent() || !readable(s)) {
      throw ProblemException.notFound("student " + id);
    }
    return s;
  }

  private static Student ofInstitution(UUID id, Institution i) {
    Student s = Student.findById(id);
    if (s == null || !s.institutionId.equals(i.id)) {
      throw ProblemException.notFound("student " + id);
    }
    return s;
  }

  private static Institution institutionOf(Student s) {
    return Institution.findById(s.institutionId);
  }
}
