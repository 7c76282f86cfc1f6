package org.qiao.curriculum.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One read of a student's contact card by the enterprise a grant named (ADR 0015). */
@Entity
@Table(name = "disclosure")
public class Disclosure extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "grant_id", nullable = false)
  public UUID grantId;

  @Column(name = "application_id", nullable = false)
  public UUID applicationId;

  /** The student's pseudonymous id. */
  @Column(name = "student_id", nullable = false)
  public String studentId;

  @Column(name = "enterprise_credit_code", nullable = false)
  public String enterpriseCreditCode;

  @Column(name = "enterprise_name", nullable = false)
  public String enterpriseName;

  @Column(name = "read_at", nullable = false)
  public Instant readAt;

  protected Disclosure() {}

  public static Disclosure of(UUID id, ContactGrant g, Instant at) {
    Disclosure d = new Disclosure();
    d.id = id;
    d.grantId = g.id;
    d.applicationId = g.applicationId;
    d.studentId = g.studentId;
    d.enterpriseCreditCode = g.enterpriseCreditCode;
    d.enterpriseName = g.enterpriseName;
    d.readAt = at;
    return d;
  }
}
