package org.qiao.matching.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A training order (订单式培养) as talent-demand-service published it. */
@Entity
@Table(name = "training_order_view")
public class TrainingOrderView extends PanacheEntityBase
    implements VersionedView<TrainingOrderView> {

  /** Still taking awards: open, or contracted for part of its headcount. */
  public static final java.util.List<String> AWARDABLE = java.util.List.of("OPEN", "CONTRACTED");

  @Id
  @Column(name = "training_order_id")
  public UUID trainingOrderId;

  @Column(name = "enterprise_id", nullable = false)
  public UUID enterpriseId;

  @Column(name = "enterprise_code", nullable = false)
  public String enterpriseCode;

  @Column(nullable = false)
  public String title;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "major_codes", nullable = false)
  public List<String> majorCodes;

  @Column(nullable = false)
  public int headcount;

  @Column(name = "cohort_year", nullable = false)
  public int cohortYear;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<DemandView.RequiredSkill> skills;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "target_universities", nullable = false)
  public List<String> targetUniversities;

  @Column(nullable = false)
  public String status;

  @Column(name = "awarded_capacity", nullable = false)
  public int awardedCapacity;

  @Column(name = "source_version", nullable = false)
  public long sourceVersion;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** Headcount not yet awarded to an institution. */
  public int openHeadcount() {
    return Math.max(0, headcount - awardedCapacity);
  }

  @Override
  public long sourceVersion() {
    return sourceVersion;
  }

  @Override
  public void replaceWith(TrainingOrderView newer) {
    enterpriseId = newer.enterpriseId;
    enterpriseCode = newer.enterpriseCode;
    title = newer.title;
    majorCodes = newer.majorCodes;
    headcount = newer.headcount;
    cohortYear = newer.cohortYear;
    skills = newer.skills;
    targetUniversities = newer.targetUniversities;
    status = newer.status;
    awardedCapacity = newer.awardedCapacity;
    sourceVersion = newer.sourceVersion;
    updatedAt = newer.updatedAt;
  }
}
