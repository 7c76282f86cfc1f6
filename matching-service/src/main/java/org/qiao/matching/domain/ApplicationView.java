package org.qiao.matching.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An application (one student, one demand) as talent-demand-service published it: enough to tell an
 * enterprise, beside a ranking, whom it already invited or who applied. The student is null once
 * forgotten; the row stays as the version guard.
 */
@Entity
@Table(name = "application_view")
public class ApplicationView extends PanacheEntityBase implements VersionedView<ApplicationView> {

  @Id
  @Column(name = "application_id")
  public UUID applicationId;

  @Column(name = "demand_id", nullable = false)
  public UUID demandId;

  @Column(name = "enterprise_id", nullable = false)
  public UUID enterpriseId;

  @Column(name = "enterprise_code", nullable = false)
  public String enterpriseCode;

  @Column(name = "student_id")
  public String studentId;

  /** ENTERPRISE (an invitation) or STUDENT (an application). */
  @Column(name = "started_by", nullable = false)
  public String startedBy;

  @Column(nullable = false)
  public String status;

  @Column(name = "source_version", nullable = false)
  public long sourceVersion;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Override
  public long sourceVersion() {
    return sourceVersion;
  }

  @Override
  public void replaceWith(ApplicationView newer) {
    demandId = newer.demandId;
    enterpriseId = newer.enterpriseId;
    enterpriseCode = newer.enterpriseCode;
    studentId = newer.studentId;
    startedBy = newer.startedBy;
    status = newer.status;
    sourceVersion = newer.sourceVersion;
    updatedAt = newer.updatedAt;
  }
}
