package org.qiao.curriculum.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The student's permission, given by applying or by accepting an invitation, for one enterprise to
 * read their contact card for one application (ADR 0015). It ends {@link #AFTER_END} after the
 * application ended, at once when the student revokes it or is forgotten.
 */
@Entity
@Table(name = "contact_grant")
public class ContactGrant extends PanacheEntityBase {

  /** How long an enterprise may still reach the student after the application ended. */
  public static final Duration AFTER_END = Duration.ofDays(30);

  /** Whether a grant is readable now, and if not, why. */
  public enum State {
    ACTIVE,
    ENDED,
    REVOKED
  }

  @Id public UUID id;

  @Column(name = "application_id", nullable = false, unique = true)
  public UUID applicationId;

  /** The student's pseudonymous id. */
  @Column(name = "student_id", nullable = false)
  public String studentId;

  @Column(name = "enterprise_id", nullable = false)
  public UUID enterpriseId;

  @Column(name = "enterprise_credit_code", nullable = false)
  public String enterpriseCreditCode;

  @Column(name = "enterprise_name", nullable = false)
  public String enterpriseName;

  @Column(name = "granted_at", nullable = false)
  public Instant grantedAt;

  /** Null while the application is open. */
  @Column(name = "ends_at")
  public Instant endsAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  @Version public long version;

  protected ContactGrant() {}

  public static ContactGrant grant(
      UUID id,
      UUID applicationId,
      String studentId,
      UUID enterpriseId,
      String enterpriseCreditCode,
      String enterpriseName,
      Instant at) {
    ContactGrant g = new ContactGrant();
    g.id = id;
    g.applicationId = applicationId;
    g.studentId = studentId;
    g.enterpriseId = enterpriseId;
    g.enterpriseCreditCode = enterpriseCreditCode;
    g.enterpriseName = enterpriseName;
    g.grantedAt = at;
    return g;
  }

  /** The application ended at {@code endedAt}: the grant lasts {@link #AFTER_END} more. */
  public void applicationEnded(Instant endedAt) {
    endBy(endedAt.plus(AFTER_END));
  }

  /** Ends the grant by {@code at} at the latest (an earlier end stays). */
  public void endBy(Instant at) {
    if (endsAt == null || at.isBefore(endsAt)) {
      endsAt = at;
    }
  }

  /** The student revokes it; a second revocation changes nothing. Whether this one did. */
  public boolean revoke(Instant at) {
    if (revokedAt != null) {
      return false;
    }
    revokedAt = at;
    return true;
  }

  public State state(Instant now) {
    if (revokedAt != null) {
      return State.REVOKED;
    }
    return endsAt != null && !now.isBefore(endsAt) ? State.ENDED : State.ACTIVE;
  }

  public boolean isActive(Instant now) {
    return state(now) == State.ACTIVE;
  }

  public static Optional<ContactGrant> ofApplication(UUID applicationId) {
    return find("applicationId", applicationId).firstResultOptional();
  }
}
