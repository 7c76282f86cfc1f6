package org.qiao.curriculum.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.qiao.kit.problem.Rules;

/**
 * A student or graduate of an institution: personal data (only here), a matchable profile, and
 * consent. Other services know the student only by {@link #pseudonymousId}.
 */
@Entity
@Table(name = "student")
public class Student extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "institution_id", nullable = false)
  public UUID institutionId;

  @Column(name = "pseudonymous_id", nullable = false, unique = true)
  public String pseudonymousId;

  @Column(name = "pseudonym_key_id", nullable = false)
  public String pseudonymKeyId;

  // Personal data.
  @Column(nullable = false)
  public String name;

  @Column(name = "student_number", nullable = false)
  public String studentNumber;

  public String phone;
  public String email;

  // Profile.
  @Column(name = "major_code", nullable = false)
  public String majorCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Degree degree;

  @Column(name = "graduation_year", nullable = false)
  public int graduationYear;

  @Column(name = "cohort_year")
  public Integer cohortYear;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "declared_skills", nullable = false)
  public List<String> declaredSkills;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "passed_courses", nullable = false)
  public List<String> passedCourses;

  /** Skills of the passed courses of the plan the student studied under, at the plan's levels. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "course_skills", nullable = false)
  public List<SkillLevel> courseSkills;

  @Column(name = "course_plan_id")
  public UUID coursePlanId;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "preferred_cities", nullable = false)
  public List<String> preferredCities;

  // Consent.
  @Column(name = "consent_given", nullable = false)
  public boolean consentGiven;

  @Column(name = "consent_text_version")
  public String consentTextVersion;

  @Column(name = "consent_changed_at")
  public Instant consentChangedAt;

  /** Who made the decision on record; null while nobody has decided. */
  @Enumerated(EnumType.STRING)
  @Column(name = "consent_decided_by")
  public ConsentDecision.Party consentDecidedBy;

  /** Digest of the profile last published; null while nothing about the student is published. */
  @Column(name = "published_fingerprint")
  public String publishedFingerprint;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  protected Student() {}

  public static Student enrol(
      UUID id, UUID institutionId, Pseudonym pseudonym, PersonalData person, Instant now) {
    Student s = new Student();
    s.id = id;
    s.institutionId = institutionId;
    s.pseudonymousId = pseudonym.id();
    s.pseudonymKeyId = pseudonym.keyId();
    s.studentNumber = person.studentNumber();
    s.declaredSkills = List.of();
    s.passedCourses = List.of();
    s.courseSkills = List.of();
    s.preferredCities = List.of();
    s.createdAt = now;
    s.setPersonalData(person, now);
    return s;
  }

  /** The student number identifies the record in its institution and never changes. */
  public void setPersonalData(PersonalData person, Instant now) {
    if (!person.studentNumber().equals(studentNumber)) {
      throw Rules.invalid("studentNumber", "cannot change; it identifies the record");
    }
    name = person.name();
    phone = person.phone();
    email = person.email();
    updatedAt = now;
  }

  public void setProfile(
      StudentProfile profile, UUID planId, List<SkillLevel> fromCourses, Instant now) {
    majorCode = profile.majorCode();
    degree = profile.degree();
    graduationYear = profile.graduationYear();
    cohortYear = profile.cohortYear();
    declaredSkills = profile.declaredSkills();
    passedCourses = profile.passedCourses();
    preferredCities = profile.preferredCities();
    coursePlanId = planId;
    courseSkills = List.copyOf(fromCourses);
    updatedAt = now;
  }

  /**
   * Brings the record to what a registrar states (an import row or a PUT); consent only when it is
   * stated, and then as {@link ConsentDecision#institutionStates} allows. Nothing is touched when
   * nothing differs, and nothing at all when the stated consent is refused.
   *
   * @return whether anything changed
   */
  public boolean restate(
      PersonalData person,
      StudentProfile profile,
      UUID planId,
      List<SkillLevel> fromCourses,
      Consent consent,
      Instant now) {
    // Decided first: a refused statement (a consent time in the future) leaves the record as it is.
    ConsentDecision decision =
        consent == null ? consentDecision() : consentDecision().institutionStates(consent, now);
    boolean changed = false;
    if (!person.equals(personalData())) {
      setPersonalData(person, now);
      changed = true;
    }
    // A record just enrolled has no profile yet.
    if (majorCode == null
        || !profile.equals(profile())
        || !java.util.Objects.equals(planId, coursePlanId)
        || !fromCourses.equals(courseSkills)) {
      setProfile(profile, planId, fromCourses, now);
      changed = true;
    }
    if (!decision.equals(consentDecision())) {
      record(decision);
      updatedAt = now;
      changed = true;
    }
    return changed;
  }

  public StudentProfile profile() {
    return new StudentProfile(
        majorCode,
        degree,
        graduationYear,
        cohortYear,
        declaredSkills,
        passedCourses,
        preferredCities);
  }

  public PersonalData personalData() {
    return new PersonalData(name, studentNumber, phone, email);
  }

  public Consent consent() {
    return new Consent(consentGiven, consentTextVersion, consentChangedAt);
  }

  public ConsentDecision consentDecision() {
    return new ConsentDecision(
        consentGiven, consentTextVersion, consentChangedAt, consentDecidedBy);
  }

  /** The student consents (their own decision: no import reverses it). */
  public void giveConsent(String textVersion, Instant at) {
    record(consentDecision().studentConsents(textVersion, at));
    updatedAt = at;
  }

  /**
   * The student withdraws (themself, or through their institution at their request): no import
   * gives the consent back, only the student can.
   */
  public void withdrawConsent(Instant at) {
    record(consentDecision().studentWithdraws(at));
    updatedAt = at;
  }

  private void record(ConsentDecision d) {
    consentGiven = d.given();
    consentTextVersion = d.textVersion();
    consentChangedAt = d.at();
    consentDecidedBy = d.by();
  }

  /** What the outbox should say after a change: publish the profile, forget it, or nothing. */
  public enum Publication {
    PUBLISH,
    FORGET,
    NONE
  }

  /**
   * Decides, from consent and the digest of the profile as it would now be published, whether an
   * event is due, and records the decision. Only consented profiles are ever published; a change
   * that leaves the published profile as it was publishes nothing.
   */
  public Publication reconcile(String fingerprint) {
    if (consentGiven) {
      if (fingerprint.equals(publishedFingerprint)) {
        return Publication.NONE;
      }
      publishedFingerprint = fingerprint;
      return Publication.PUBLISH;
    }
    if (publishedFingerprint != null) {
      publishedFingerprint = null;
      return Publication.FORGET;
    }
    return Publication.NONE;
  }

  public boolean isPublished() {
    return publishedFingerprint != null;
  }

  public static Optional<Student> byPseudonym(String pseudonymousId) {
    return find("pseudonymousId", pseudonymousId).firstResultOptional();
  }
}
