package org.qiao.matching.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.qiao.matching.domain.ranking.Degree;
import org.qiao.matching.domain.ranking.Profile;

/**
 * A consented student's matchable profile as curriculum-service published it, under the
 * pseudonymous id only. An older version never overwrites a newer one.
 */
@Entity
@Table(name = "student_profile")
public class StudentProfile extends PanacheEntityBase implements VersionedView<StudentProfile> {

  @Id
  @Column(name = "student_id")
  public String studentId;

  @Column(name = "institution_id", nullable = false)
  public java.util.UUID institutionId;

  @Column(name = "institution_code", nullable = false)
  public String institutionCode;

  @Column(name = "major_code", nullable = false)
  public String majorCode;

  @Column(nullable = false)
  public String degree;

  @Column(name = "graduation_year", nullable = false)
  public int graduationYear;

  @Column(name = "cohort_year")
  public Integer cohortYear;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<HeldSkill> skills;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "preferred_cities", nullable = false)
  public List<String> preferredCities;

  @Column(name = "source_version", nullable = false)
  public long sourceVersion;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** Takes over a newer state of the same student. */
  @Override
  public long sourceVersion() {
    return sourceVersion;
  }

  @Override
  public void replaceWith(StudentProfile newer) {
    institutionId = newer.institutionId;
    institutionCode = newer.institutionCode;
    majorCode = newer.majorCode;
    degree = newer.degree;
    graduationYear = newer.graduationYear;
    cohortYear = newer.cohortYear;
    skills = newer.skills;
    preferredCities = newer.preferredCities;
    sourceVersion = newer.sourceVersion;
    updatedAt = newer.updatedAt;
  }

  /** What ranking knows of the student: held skills and the ones mentors verified. */
  public Profile toProfile(Collection<String> verifiedSkillKeys) {
    Set<String> held = skills.stream().map(HeldSkill::key).collect(Collectors.toSet());
    return new Profile(
        studentId,
        institutionCode,
        majorCode,
        Degree.valueOf(degree),
        graduationYear,
        Set.copyOf(preferredCities),
        held,
        Set.copyOf(verifiedSkillKeys));
  }
}
