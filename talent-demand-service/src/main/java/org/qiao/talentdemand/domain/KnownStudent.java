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
   * Takes in a published profile; returns the student, new or changed.
   *
   * @param consentGivenAt when the consent the profile was published under was given
   */
  public static KnownStudent profilePublished(
      String pseudonymousId, long version, Instant consentGivenAt) {
    KnownStudent s = findById(pseudonymousId);
    if (s == null) {
      s = new KnownStudent();
      s.pseudonymousId = pseudonymousId;
      s.version = version;
      s.persist();
      return s;
    }
    if (s.forgottenReason != null && s.isEndedBy(version, consentGivenAt)) {
      s.forgottenReason = null;
      s.forgottenAt = null;
    }
    s.version = Math.max(s.version, version);
    return s;
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
