package org.qiao.matching.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The tombstone of a forgotten student: only the pseudonymous id, why and when (ADR 0009). Erasure
 * is final; after a withdrawal only a profile published after it brings the student back, so a late
 * or replayed profile from before the withdrawal never does.
 */
@Entity
@Table(name = "forgotten_student")
public class ForgottenStudent extends PanacheEntityBase {

  /** Why curriculum-service said forget ({@code reason} of qiao.student.forgotten.v1). */
  public enum Reason {
    CONSENT_WITHDRAWN,
    ERASED;

    /** An unknown or missing reason counts as erasure: the safe reading. */
    public static Reason of(String reason) {
      return "CONSENT_WITHDRAWN".equals(reason) ? CONSENT_WITHDRAWN : ERASED;
    }
  }

  @Id
  @Column(name = "student_id")
  public String studentId;

  @Column(name = "forgotten_at", nullable = false)
  public Instant forgottenAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Reason reason;

  /** The highest profile version known when the student was forgotten (0: none). */
  @Column(name = "last_version", nullable = false)
  public long lastVersion;

  protected ForgottenStudent() {}

  public static ForgottenStudent of(String studentId, Reason reason, Instant at, long lastVersion) {
    ForgottenStudent f = new ForgottenStudent();
    f.studentId = studentId;
    f.reason = reason;
    f.forgottenAt = at;
    f.lastVersion = lastVersion;
    return f;
  }

  /**
   * Takes in another forget of the same student (a second withdrawal, a replay, or erasure after a
   * withdrawal): erasure stays erasure, and the latest time and version count.
   */
  public void forgetAgain(Reason again, Instant at, long version) {
    if (again == Reason.ERASED) {
      reason = Reason.ERASED;
    }
    if (at.isAfter(forgottenAt)) {
      forgottenAt = at;
    }
    lastVersion = Math.max(lastVersion, version);
  }

  /**
   * Whether a profile event brings the student back: never after erasure; after a withdrawal only
   * when it was published after it, i.e. it is newer than every version known before (a replay of
   * an old one is not) and carries a consent given after the withdrawal.
   */
  public boolean isEndedBy(long profileVersion, Instant consentGivenAt) {
    return reason == Reason.CONSENT_WITHDRAWN
        && profileVersion > lastVersion
        && consentGivenAt != null
        && consentGivenAt.isAfter(forgottenAt);
  }
}
