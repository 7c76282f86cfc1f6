package org.qiao.matching.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A hire (qiao.placement.recorded.v1): pseudonymous attributes only. The student is null once
 * forgotten; the placement still counts, naming nobody.
 */
@Entity
@Table(name = "placement")
public class Placement extends PanacheEntityBase {

  @Id
  @Column(name = "placement_id")
  public UUID placementId;

  @Column(name = "demand_id", nullable = false)
  public UUID demandId;

  @Column(name = "student_id")
  public String studentId;

  @Column(name = "institution_code", nullable = false)
  public String institutionCode;

  @Column(name = "major_code", nullable = false)
  public String majorCode;

  @Column(nullable = false)
  public String degree;

  @Column(name = "graduation_year", nullable = false)
  public int graduationYear;

  @Column(name = "occupation_code", nullable = false)
  public String occupationCode;

  @Column(name = "enterprise_id", nullable = false)
  public UUID enterpriseId;

  public String industry;

  @Column(name = "division_code", nullable = false)
  public String divisionCode;

  @Column(name = "salary_band", nullable = false)
  public String salaryBand;

  @Column(name = "start_date", nullable = false)
  public LocalDate startDate;

  @Column(name = "days_to_offer", nullable = false)
  public int daysToOffer;

  @Column(name = "hired_at", nullable = false)
  public Instant hiredAt;
}
