package org.qiao.curriculum.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An application of a student known here, as talent-demand-service last published it (ADR 0014):
 * who started it, its status and its version, so that a late or redelivered event never undoes a
 * newer one, and so that a grant is released only by the student's own step.
 */
@Entity
@Table(name = "known_application")
public class KnownApplication extends PanacheEntityBase {

  /** Statuses after which nothing more happens to an application. */
  public static final Set<String> ENDED =
      Set.of("HIRED", "DECLINED", "WITHDRAWN", "REJECTED", "EXPIRED");

  /**
   * Statuses of an invitation (started by the enterprise) that only follow the student's
   * acceptance. WITHDRAWN does not say whether the student had accepted, so it releases nothing.
   */
  private static final Set<String> ACCEPTED_BY_STUDENT =
      Set.of("ACCEPTED", "INTERVIEWING", "OFFERED", "HIRED", "REJECTED");

  @Id public UUID id;

  @Column(name = "student_id", nullable = false)
  public String studentId;

  @Column(name = "started_by", nullable = false)
  public String startedBy;

  @Column(nullable = false)
  public String status;

  @Column(nullable = false)
  public long version;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  protected KnownApplication() {}

  public static KnownApplication of(UUID id, String studentId) {
    KnownApplication a = new KnownApplication();
    a.id = id;
    a.studentId = studentId;
    a.version = -1;
    return a;
  }

  /** Takes the state of an event unless this one is as new or newer; whether it took it. */
  public boolean follow(String startedBy, String status, long version, Instant updatedAt) {
    if (version <= this.version) {
      return false;
    }
    this.startedBy = startedBy;
    this.status = status;
    this.version = version;
    this.updatedAt = updatedAt;
    return true;
  }

  public boolean isEnded() {
    return ENDED.contains(status);
  }

  /**
   * Whether the student took a step towards the enterprise: they applied (any status of an
   * application they started), or they accepted its invitation. An unanswered, declined or expired
   * invitation releases nothing.
   */
  public boolean showsStudentConsent() {
    return "STUDENT".equals(startedBy) || ACCEPTED_BY_STUDENT.contains(status);
  }
}
