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

/**
 * One version of a course plan or programme as curriculum-service published it. A version is in
 * force from {@code publishedAt} until {@code endedAt} (superseded by the next or retired), which
 * is what a gap report "since a date" compares against.
 */
@Entity
@Table(name = "course_plan_view")
public class CoursePlanView extends PanacheEntityBase implements VersionedView<CoursePlanView> {

  public static final String PUBLISHED = "PUBLISHED";

  @Id
  @Column(name = "course_plan_id")
  public UUID coursePlanId;

  @Column(name = "line_id", nullable = false)
  public UUID lineId;

  @Column(name = "plan_version", nullable = false)
  public int planVersion;

  @Column(name = "institution_id", nullable = false)
  public UUID institutionId;

  @Column(name = "institution_code", nullable = false)
  public String institutionCode;

  @Column(name = "institution_name", nullable = false)
  public String institutionName;

  /** MAJOR (a university's or college's major) or PROGRAMME (a training provider's). */
  @Column(nullable = false)
  public String kind;

  @Column(nullable = false)
  public String title;

  @Column(name = "major_code")
  public String majorCode;

  @Column(name = "cohort_year")
  public Integer cohortYear;

  @Column(name = "programme_seats")
  public Integer programmeSeats;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<PlanSkill> skills;

  @Column(nullable = false)
  public String status;

  /** Places already promised to training orders this plan was awarded in. */
  @Column(name = "contracted_capacity", nullable = false)
  public int contractedCapacity;

  @Column(name = "published_at")
  public Instant publishedAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  @Column(name = "source_version", nullable = false)
  public long sourceVersion;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** Whether this version was the one in force at an instant. */
  public boolean inForceAt(Instant at) {
    return publishedAt != null
        && !publishedAt.isAfter(at)
        && (endedAt == null || endedAt.isAfter(at));
  }

  @Override
  public long sourceVersion() {
    return sourceVersion;
  }

  @Override
  public void replaceWith(CoursePlanView newer) {
    lineId = newer.lineId;
    planVersion = newer.planVersion;
    institutionId = newer.institutionId;
    institutionCode = newer.institutionCode;
    institutionName = newer.institutionName;
    kind = newer.kind;
    title = newer.title;
    majorCode = newer.majorCode;
    cohortYear = newer.cohortYear;
    programmeSeats = newer.programmeSeats;
    skills = newer.skills;
    status = newer.status;
    contractedCapacity = newer.contractedCapacity;
    publishedAt = newer.publishedAt;
    // A version ends once; a later event about it (a contract recorded months later) keeps that
    // end.
    endedAt = endedAt != null ? endedAt : newer.endedAt;
    sourceVersion = newer.sourceVersion;
    updatedAt = newer.updatedAt;
  }
}
