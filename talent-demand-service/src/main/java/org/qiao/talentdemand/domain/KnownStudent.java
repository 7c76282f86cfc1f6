package org.qiao.talentdemand.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A student curriculum-service published a consented profile of, by pseudonymous id only; or, once
 * forgotten, their tombstone (ADR 0009): erasure is final, and after a withdrawal only a profile
 * published after it (newer version, consent given after the withdrawal) makes them contactable
 * again, so a late or replayed profile never does.
 */
@Entity
@Table(name = "known_student")
public class KnownStudent extends PanacheEntityBase {

  /** Why curriculum-service said forget ({@code reason} of qiao.student.forgotten.v1). */
  public enum ForgetReason {
    CONSENT_WITHDRAWN,
    ERASED;

    /** An unknown or missing reason counts as erasure: the safe reading. */
    public static ForgetReason of(String reason) {
      return "CONSENT_WITHDRAWN".equals(reason) ? CONSENT_WITHDRAWN : ERASED;
    }
  }

  @Id
  @Column(name = "pseudonymous_id")
  public String pseudonymousId;

  /** The highest profile version known, forgotten or not. */
  @Column(nullable = false)
  public long version;

  /** The institution's code, from the profile (pseudonymous attributes only; ADR 0009). */
  @Column(name = "institution_code")
  public String institutionCode;

  @Column(name = "major_code")
  public String majorCode;

  public String degree;

  @Column(name = "graduation_year")
  public Integer graduationYear;

  @Enumerated(EnumType.STRING)
  @Column(name = "forgotten_reason")
  public ForgetReason forgottenReason;

  @Column(name = "forgotten_at")
  public Instant forgottenAt;

  protected KnownStudent() {}

  /** Whether an enterprise may invite the student (blocks aside). */
  public static boolean isContactable(String pseudonymousId) {
    KnownStudent s = findById(pseudonymousId);
    return s != null && s.forgottenReason == null;
  }

  /**
   * What a published profile says that placements need: where the student studies, what, to which
   * degree, graduating when; and the consent it was published under.
   *
   * @param consentGivenAt when the consent the profile was published under was given
   */
  public record Profile(
      long version,
      Instant consentGivenAt,
      String institutionCode,
      String majorCode,
      String degree,
      Integer graduationYear) {}

  /**
   * Takes in a published profile, given the stored student ({@code stored}, null when there is
   * none); returns the student, new or changed.
   */
  public static KnownStudent profilePublished(
      KnownStudent stored, String pseudonymousId, Profile p) {
    KnownStudent s = stored;
    if (s == null) {
      s = new KnownStudent();
      s.pseudonymousId = pseudonymousId;
      s.version = p.version();
      s.persist();
    } else if (s.forgottenReason != null && s.isEndedBy(p.version(), p.consentGivenAt())) {
      s.forgottenReason = null;
      s.forgottenAt = null;
    }
    // The newest profile's attributes count; a late, older one changes nothing.
    if (p.version() >= s.version && s.forgottenReason == null) {
      s.institutionCode = p.institutionCode();
      s.majorCode = p.majorCode();
      s.degree = p.degree();
      s.graduationYear = p.graduationYear();
    }
    s.version = Math.max(s.version, p.version());
    return s;
  }

  /** Whether a placement can say who was placed (profiles from before placements may lack it). */
  public boolean hasProfileAttributes() {
    return institutionCode != null && majorCode != null && degree != null && graduationYear != null;
  }

  /** Forgets the student (again): erasure stays erasure, and the latest time counts. */
  public static KnownStudent forget(String pseudonymousId, ForgetReason reason, Instant at) {
    KnownStudent s = findById(pseudonymousId);
    if (s == null) {
      s = new KnownStudent();
      s.pseudonymousId = pseudonymousId;
      s.persist();
    }
    if (s.forgottenReason != ForgetReason.ERASED) {
      s.forgottenReason = reason;
    }
    // A tombstone keeps no attributes of the person.
    s.institutionCode = null;
    s.majorCode = null;
    s.degree = null;
    s.graduationYear = null;
    if (s.forgottenAt == null || at.isAfter(s.forgottenAt)) {
      s.forgottenAt = at;
    }
    return s;
  }

  /** A withdrawal ends only on a newer profile whose consent is later than the withdrawal. */
  private boolean isEndedBy(long profileVersion, Instant consentGivenAt) {
    return forgottenReason == ForgetReason.CONSENT_WITHDRAWN
        && profileVersion > version
        && consentGivenAt != null
        && consentGivenAt.isAfter(forgottenAt);
  }
}
