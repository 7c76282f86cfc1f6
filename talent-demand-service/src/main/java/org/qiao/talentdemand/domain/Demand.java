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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A talent demand (人才需求清单) of one enterprise, with its lifecycle rules. */
@Entity
@Table(name = "demand")
public class Demand extends PanacheEntityBase {

  @Id public UUID id;

  /** The owning enterprise: its credit code, as in the caller's {@code org} claim. */
  @Column(name = "enterprise_id", nullable = false)
  public String enterpriseId;

  @Column(nullable = false)
  public String title;

  @Column(name = "occupation_code", nullable = false)
  public String occupationCode;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "major_codes", nullable = false)
  public List<String> majorCodes;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<DemandSkill> skills;

  @Column(nullable = false)
  public int headcount;

  @Column(nullable = false)
  public String city;

  @Column(name = "valid_through")
  public LocalDate validThrough;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DemandStatus status;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "published_at")
  public Instant publishedAt;

  @Version public long version;

  protected Demand() {}

  /** A new draft; every value is checked by its own rule before the demand exists. */
  public static Demand draft(
      UUID id,
      String enterpriseId,
      String title,
      String occupationCode,
      List<String> majorCodes,
      List<DemandSkill> skills,
      int headcount,
      String city,
      LocalDate validThrough,
      Instant now) {
    if (headcount < 1) {
      throw new DomainViolation("headcount", "must be at least 1");
    }
    if (validThrough != null && !validThrough.isAfter(LocalDate.ofInstant(now, Shanghai.ZONE))) {
      throw new DomainViolation("validThrough", "must be in the future");
    }
    Demand d = new Demand();
    d.id = id;
    d.enterpriseId = enterpriseId;
    d.title = title.strip();
    d.occupationCode = occupationCode;
    d.majorCodes = List.copyOf(majorCodes);
    d.skills = List.copyOf(skills);
    d.headcount = headcount;
    d.city = city.strip();
    d.validThrough = validThrough;
    d.status = DemandStatus.DRAFT;
    d.createdAt = now;
    return d;
  }

  public void publish(Instant now) {
    if (status != DemandStatus.DRAFT) {
      throw new IllegalTransition("demand", status, "published");
    }
    status = DemandStatus.PUBLISHED;
    publishedAt = now;
  }

  public boolean isOwnedBy(String org) {
    return enterpriseId.equals(org);
  }
}
