package org.qiao.talentdemand.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A student's "do not contact me" to one enterprise: its invitations to them answer 404. */
@Entity
@Table(name = "student_block")
public class StudentBlock extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "student_id", nullable = false)
  public String studentId;

  @Column(name = "enterprise_id", nullable = false)
  public UUID enterpriseId;

  @Column(name = "blocked_at", nullable = false)
  public Instant blockedAt;

  protected StudentBlock() {}

  public static StudentBlock of(UUID id, String studentId, UUID enterpriseId, Instant now) {
    StudentBlock b = new StudentBlock();
    b.id = id;
    b.studentId = studentId;
    b.enterpriseId = enterpriseId;
    b.blockedAt = now;
    return b;
  }

  public static Optional<StudentBlock> find(String studentId, UUID enterpriseId) {
    return find("studentId = ?1 and enterpriseId = ?2", studentId, enterpriseId)
        .firstResultOptional();
  }
}
