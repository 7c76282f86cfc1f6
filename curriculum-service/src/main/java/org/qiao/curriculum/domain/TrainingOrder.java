package org.qiao.curriculum.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * This service's copy of an enterprise's training order (订单式培养), kept from talent-demand-service's
 * events: what institutions read to decide whether to propose. {@link #version} is the order's own
 * version, so a redelivered or older event never overwrites a newer state.
 */
@Entity
@Table(name = "training_order")
public class TrainingOrder extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "enterprise_credit_code", nullable = false)
  public String enterpriseCreditCode;

  @Column(name = "enterprise_name", nullable = false)
  public String enterpriseName;

  @Column(nullable = false)
  public String title;

  public String description;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "major_codes", nullable = false)
  public List<String> majorCodes;

  @Column(nullable = false)
  public int headcount;

  @Column(name = "cohort_year", nullable = false)
  public int cohortYear;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<OrderSkill> skills;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "target_universities", nullable = false)
  public List<String> targetUniversities;

  @Column(name = "proposal_deadline", nullable = false)
  public LocalDate proposalDeadline;

  /** OPEN, CONTRACTED, FULFILLED or CANCELLED, as talent-demand-service names them. */
  @Column(nullable = false)
  public String status;

  @Column(name = "awarded_capacity", nullable = false)
  public int awardedCapacity;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<OrderAward> awards;

  @Column(nullable = false)
  public long version;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public TrainingOrder() {}

  public boolean isOpenTo(String institutionCode) {
    return targetUniversities.isEmpty() || targetUniversities.contains(institutionCode);
  }

  /** Takes proposals: open (or contracted with headcount left) until its deadline. */
  public boolean takesProposals(LocalDate today) {
    return ("OPEN".equals(status) || "CONTRACTED".equals(status))
        && awardedCapacity < headcount
        && !today.isAfter(proposalDeadline);
  }

  public boolean isFinished() {
    return "FULFILLED".equals(status) || "CANCELLED".equals(status);
  }
}
