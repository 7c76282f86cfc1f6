package org.qiao.talentdemand.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a demand for an occupation typically asks: a starting point for a small firm without HR
 * staff. Reference data, loaded from a file at start-up and editable by an admin.
 */
@Entity
@Table(name = "demand_template")
public class DemandTemplate extends PanacheEntityBase {

  @Id
  @Column(name = "occupation_code")
  public String occupationCode;

  @Column(name = "occupation_name", nullable = false)
  public String occupationName;

  @Column(nullable = false)
  public String industry;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<SkillRequirement> skills;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "major_codes", nullable = false)
  public List<String> majorCodes;

  @Enumerated(EnumType.STRING)
  @Column(name = "minimum_degree")
  public Degree minimumDegree;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public DemandTemplate() {}

  public void replaceWith(
      String occupationCode,
      String occupationName,
      String industry,
      List<SkillRequirement> skills,
      List<String> majorCodes,
      Degree minimumDegree,
      Instant now) {
    this.occupationCode = Codes.occupation("occupationCode", occupationCode);
    if (occupationName == null || occupationName.isBlank()) {
      throw new DomainViolation("occupationName", "must not be blank");
    }
    this.occupationName = occupationName.strip();
    this.industry = industry == null ? "" : industry.strip();
    this.skills = SkillRequirement.distinct(skills);
    this.majorCodes = Codes.majors("majorCodes", majorCodes);
    this.minimumDegree = minimumDegree;
    this.updatedAt = now;
  }
}
