package org.qiao.curriculum.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qiao.curriculum.domain.Consent;
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.domain.PersonalData;
import org.qiao.curriculum.domain.Pseudonym;
import org.qiao.curriculum.domain.Pseudonyms;
import org.qiao.curriculum.domain.Student;
import org.qiao.curriculum.domain.StudentProfile;
import org.qiao.curriculum.messaging.CurriculumEvents;
import org.qiao.kit.db.CopyRows;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;

/**
 * Stores what a registrar states about students (one through the API, thousands from an import),
 * upserting by student number, and decides per student whether the published profile changed: only
 * then an event, and only for consented profiles. Runs in the caller's transaction.
 */
@ApplicationScoped
public class StudentRecords {

  private final CurriculumEvents events;
  private final ContactGrantService grants;
  private final Pseudonyms pseudonyms;
  private final EntityManager em;
  private final Clock clock;
  private final ObjectMapper json;

  StudentRecords(
      CurriculumEvents events,
      ContactGrantService grants,
      Pseudonyms pseudonyms,
      EntityManager em,
      Clock clock,
      ObjectMapper json) {
    this.json = json;
    this.events = events;
    this.grants = grants;
    this.pseudonyms = pseudonyms;
    this.em = em;
    this.clock = clock;
  }

  /** One student as stated, from row {@code row} of a file (or 0 for a single request). */
  public record Statement(long row, PersonalData person, StudentProfile profile, Consent consent) {}

  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /** Why a row was not stored; {@code field} is the request field / import column. */
  public record RowError(long row, String field, String reason) {}

  public record Result(
      Map<Long, Student> stored,
      Map<Long, Outcome> outcomes,
      List<RowError> errors,
      int published,
      int forgotten) {}

  @Transactional(Transactional.TxType.MANDATORY)
  public Result store(Institution institution, List<Statement> rows, CourseSkills courseSkills) {
    Instant now = clock.instant();
    // Each student's pseudonyms under every key, derived once: for the erasure list and, for a new
    // student, the current key's id.
    Map<String, List<Pseudonym>> pseudonymsOf = new HashMap<>();
    for (Statement r : rows) {
      String number = r.person().studentNumber();
      pseudonymsOf.put(number, pseudonyms.underEveryKey(institution.code, number));
    }
    Set<String> erased = erased(pseudonymsOf);
    Map<String, Student> existing = existing(institution, rows);
    Map<Long, Student> stored = new HashMap<>();
    Map<Long, Outcome> outcomes = new HashMap<>();
    List<RowError> errors = new ArrayList<>();
    List<Student> touched = new ArrayList<>();
    List<Student> created = new ArrayList<>();
    for (Statement r : rows) {
      String number = r.person().studentNumber();
      if (erased.contains(number)) {
        errors.add(
            new RowError(
                r.row(),
                "studentNumber",
                "this student's record was erased on request; it is not imported again"));
        continue;
      }
      CourseSkills.Derived derived;
      try {
        derived = courseSkills.of(r.profile());
      } catch (ProblemException e) {
        errors.add(new RowError(r.row(), "passedCourses", e.getMessage()));
        continue;
      }
      Student s = existing.get(number);
      Outcome outcome;
      try {
        if (s == null) {
          // Written below with the chunk's other new students in one COPY, not persisted one by
          // one.
          s =
              Student.enrol(
                  Ids.newId(clock),
                  institution.id,
                  pseudonyms.current(pseudonymsOf.get(number)),
                  r.person(),
                  now);
          s.restate(
              r.person(), r.profile(), derived.coursePlanId(), derived.skills(), r.consent(), now);
          existing.put(number, s);
          created.add(s);
          outcome = Outcome.CREATED;
        } else {
          outcome =
              s.restate(
                      r.person(),
                      r.profile(),
                      derived.coursePlanId(),
                      derived.skills(),
                      r.consent(),
                      now)
                  ? Outcome.UPDATED
                  : Outcome.UNCHANGED;
        }
      } catch (ProblemException e) {
        // A consent the rules refuse (ConsentDecision): the row is not stored, the record (if
        // any) stays as it was. The reason names the field, never the cell's value.
        errors.add(new RowError(r.row(), fieldOf(e), reasonOf(e)));
        continue;
      }
      stored.put(r.row(), s);
      outcomes.put(r.row(), outcome);
      if (outcome != Outcome.UNCHANGED) {
        touched.add(s);
      }
    }
    List<Student> publish = new ArrayList<>();
    List<Student> forget = new ArrayList<>();
    for (Student s : touched) {
      switch (s.reconcile(events.fingerprint(s, institution))) {
        case PUBLISH -> publish.add(s);
        case FORGET -> forget.add(s);
        case NONE -> {}
      }
    }
    em.flush();
    insert(created);
    events.profilesPublished(publish, institution);
    for (Student s : forget) {
      grants.forget(s.pseudonymousId, false, now);
      events.forgotten(
          s.pseudonymousId, institution, CurriculumEvents.ForgetReason.CONSENT_WITHDRAWN, now);
    }
    return new Result(stored, outcomes, errors, publish.size(), forget.size());
  }

  /** Re-evaluates one student after a change made elsewhere (consent given or withdrawn). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void republish(Student s, Institution institution) {
    Student.Publication p = s.reconcile(events.fingerprint(s, institution));
    em.flush();
    switch (p) {
      case PUBLISH -> events.profilePublished(s, institution);
      case FORGET -> {
        Instant now = clock.instant();
        grants.forget(s.pseudonymousId, false, now);
        events.forgotten(
            s.pseudonymousId, institution, CurriculumEvents.ForgetReason.CONSENT_WITHDRAWN, now);
      }
      case NONE -> {}
    }
  }

  /**
   * New students in one COPY (columns as mapped on {@link Student}; version 0 as Hibernate would
   * start it). They stay outside the persistence context: nothing in the chunk changes them again.
   */
  private void insert(List<Student> created) {
    CopyRows rows =
        CopyRows.into(
            "student",
            "id",
            "institution_id",
            "pseudonymous_id",
            "pseudonym_key_id",
            "name",
            "student_number",
            "phone",
            "email",
            "major_code",
            "degree",
            "graduation_year",
            "cohort_year",
            "declared_skills",
            "passed_courses",
            "course_skills",
            "course_plan_id",
            "preferred_cities",
            "consent_given",
            "consent_text_version",
            "consent_changed_at",
            "consent_decided_by",
            "published_fingerprint",
            "created_at",
            "updated_at",
            "version");
    for (Student s : created) {
      rows.row(
          s.id,
          s.institutionId,
          s.pseudonymousId,
          s.pseudonymKeyId,
          s.name,
          s.studentNumber,
          s.phone,
          s.email,
          s.majorCode,
          s.degree,
          s.graduationYear,
          s.cohortYear,
          json(s.declaredSkills),
          json(s.passedCourses),
          json(s.courseSkills),
          s.coursePlanId,
          json(s.preferredCities),
          s.consentGiven,
          s.consentTextVersion,
          s.consentChangedAt,
          s.consentDecidedBy,
          s.publishedFingerprint,
          s.createdAt,
          s.updatedAt,
          s.version);
    }
    rows.writeTo(em);
  }

  private static String fieldOf(ProblemException e) {
    return e.errors().isEmpty() ? "row" : e.errors().get(0).field();
  }

  private static String reasonOf(ProblemException e) {
    return e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
  }

  private String json(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a profile list did not encode", e);
    }
  }

  /** The student numbers whose pseudonym, under any key, is on the erasure list. */
  private Set<String> erased(Map<String, List<Pseudonym>> pseudonymsOf) {
    Map<String, String> numberByPseudonym = new HashMap<>();
    pseudonymsOf.forEach((number, ids) -> ids.forEach(p -> numberByPseudonym.put(p.id(), number)));
    Set<String> erased = new HashSet<>();
    if (numberByPseudonym.isEmpty()) {
      return erased;
    }
    List<String> hits =
        em.createQuery(
                "select e.pseudonymousId from ErasedStudent e where e.pseudonymousId in ?1",
                String.class)
            .setParameter(1, numberByPseudonym.keySet())
            .getResultList();
    hits.forEach(h -> erased.add(numberByPseudonym.get(h)));
    return erased;
  }

  private Map<String, Student> existing(Institution institution, List<Statement> rows) {
    List<String> numbers = rows.stream().map(r -> r.person().studentNumber()).toList();
    Map<String, Student> out = new HashMap<>();
    if (numbers.isEmpty()) {
      return out;
    }
    Student.<Student>list("institutionId = ?1 and studentNumber in ?2", institution.id, numbers)
        .forEach(s -> out.put(s.studentNumber, s));
    return out;
  }
}
