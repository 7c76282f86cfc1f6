package org.qiao.talentdemand.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A talent demand (人才需求清单) of one enterprise and its lifecycle: draft → published → filled | closed
 * | expired. Every transition is checked here; an illegal one is a 409.
 */
@Entity
@Table(name = "demand")
public class Demand extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "enterprise_id", nullable = false)
  public UUID enterpriseId;

  @Column(nullable = false)
  public String title;

  public String description;

  @Column(name = "occupation_code", nullable = false)
  public String occupationCode;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "major_codes", nullable = false)
  public List<String> majorCodes;

  @Enumerated(EnumType.STRING)
  @Column(name = "minimum_degree")
  public Degree minimumDegree;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<SkillRequirement> skills;

  @Column(nullable = false)
  public int headcount;

  @Column(name = "filled_count", nullable = false)
  public int filledCount;

  @Column(nullable = false)
  public String city;

  @Column(name = "salary_min")
  public Integer salaryMin;

  @Column(name = "salary_max")
  public Integer salaryMax;

  @Enumerated(EnumType.STRING)
  @Column(name = "employment_type", nullable = false)
  public EmploymentType employmentType;

  @Column(name = "start_date")
  public LocalDate startDate;

  @Column(name = "valid_through", nullable = false)
  public LocalDate validThrough;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DemandStatus status;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "published_at")
  public Instant publishedAt;

  @Version public long version;

  protected Demand() {}

  public static Demand draft(UUID id, UUID enterpriseId, DemandDetails details, Instant now) {
    Demand d = new Demand();
    d.id = id;
    d.enterpriseId = enterpriseId;
    d.status = DemandStatus.DRAFT;
    d.createdAt = now;
    d.apply(details, now);
    return d;
  }

  /** Changes what the demand says; a published demand stays published. */
  public void revise(DemandDetails details, LocalDate today, Instant now) {
    IllegalTransition.unlessIn(
        EnumSet.of(DemandStatus.DRAFT, DemandStatus.PUBLISHED), status, "demand", "revised");
    if (filledCount > 0 && details.headcount() <= filledCount) {
      throw new DomainViolation(
          "headcount",
          "must exceed the "
              + filledCount
              + " already hired (record the last hires to fill the demand)");
    }
    if (status == DemandStatus.PUBLISHED) {
      requireOpenOn(details.validThrough(), today);
    }
    apply(details, now);
  }

  public void publish(LocalDate today, Instant now) {
    IllegalTransition.unlessIn(EnumSet.of(DemandStatus.DRAFT), status, "demand", "published");
    requireOpenOn(validThrough, today);
    status = DemandStatus.PUBLISHED;
    publishedAt = now;
    updatedAt = now;
  }

  /** Counts hires against the headcount; reaching it fills the demand. Returns true if it did. */
  public boolean recordHires(int count, Instant now) {
    IllegalTransition.unlessIn(EnumSet.of(DemandStatus.PUBLISHED), status, "demand", "given hires");
    if (count < 1) {
      throw new DomainViolation("count", "must be at least 1");
    }
    if (filledCount + count > headcount) {
      throw new IllegalTransition(
          "Only " + (headcount - filledCount) + " of the headcount " + headcount + " are open");
    }
    filledCount += count;
    updatedAt = now;
    if (filledCount == headcount) {
      status = DemandStatus.FILLED;
      return true;
    }
    return false;
  }

  public void close(Instant now) {
    IllegalTransition.unlessIn(
        EnumSet.of(DemandStatus.DRAFT, DemandStatus.PUBLISHED), status, "demand", "closed");
    status = DemandStatus.CLOSED;
    updatedAt = now;
  }

  /** A published demand expires the day after its valid-through date. */
  public boolean isDueToExpire(LocalDate today) {
    return status == DemandStatus.PUBLISHED && validThrough.isBefore(today);
  }

  public void expire(LocalDate today, Instant now) {
    IllegalTransition.unlessIn(EnumSet.of(DemandStatus.PUBLISHED), status, "demand", "expired");
    if (!isDueToExpire(today)) {
      throw new IllegalTransition("The demand is valid through " + validThrough);
    }
    status = DemandStatus.EXPIRED;
    updatedAt = now;
  }

  public boolean isOwnedBy(UUID enterprise) {
    return enterpriseId.equals(enterprise);
  }

  /**
   * A demand that was never published (a draft, or a draft closed unpublished) is private to its
   * enterprise; once published it is visible to every caller.
   */
  public boolean isVisibleTo(UUID enterprise) {
    return publishedAt != null || isOwnedBy(enterprise);
  }

  private static void requireOpenOn(LocalDate validThrough, LocalDate today) {
    if (validThrough.isBefore(today)) {
      throw new DomainViolation("validThrough", "must not be in the past");
    }
  }

  private void apply(DemandDetails d, Instant now) {
    title = d.title();
    description = d.description();
    occupationCode = d.occupationCode();
    majorCodes = d.majorCodes();
    minimumDegree = d.minimumDegree();
    skills = d.skills();
    headcount = d.headcount();
    city = d.city();
    salaryMin = d.salaryMin();
    salaryMax = d.salaryMax();
    employmentType = d.employmentType();
    startDate = d.startDate();
    validThrough = d.validThrough();
    updatedAt = now;
  }
}
