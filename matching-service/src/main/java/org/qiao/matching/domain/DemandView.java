package org.qiao.matching.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.qiao.kit.codes.DivisionCodes;
import org.qiao.matching.domain.ranking.Degree;
import org.qiao.matching.domain.ranking.DemandCriteria;

/**
 * Matching's own copy of a published demand, built from talent-demand events (never read from that
 * service's database). {@code sourceVersion} is the demand's version in its home service; an older
 * state never overwrites a newer one.
 */
@Entity
@Table(name = "demand_view")
public class DemandView extends PanacheEntityBase implements VersionedView<DemandView> {

  @Id
  @Column(name = "demand_id")
  public UUID demandId;

  @Column(name = "enterprise_id", nullable = false)
  public UUID enterpriseId;

  /** The enterprise's credit code: the {@code org} claim of the tokens that own the demand. */
  @Column(name = "enterprise_code")
  public String enterpriseCode;

  @Column(name = "enterprise_name", nullable = false)
  public String enterpriseName;

  @Column(nullable = false)
  public String title;

  @Column(name = "occupation_code", nullable = false)
  public String occupationCode;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "major_codes", nullable = false)
  public List<String> majorCodes;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<RequiredSkill> skills;

  /** Null: any degree. */
  @Column(name = "minimum_degree")
  public String minimumDegree;

  @Column(nullable = false)
  public int headcount;

  @Column(name = "filled_count", nullable = false)
  public int filledCount;

  @Column(nullable = false)
  public String city;

  @Column(name = "valid_through")
  public LocalDate validThrough;

  @Column(nullable = false)
  public String status;

  @Column(name = "source_version", nullable = false)
  public long sourceVersion;

  @Column(name = "published_at")
  public Instant publishedAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** A skill as the demand requires it: essential (requirement) or optional (bonus), level 1–5. */
  public record RequiredSkill(String name, boolean essential, int level) {

    /**
     * Skill key → whether essential, in the list's order: a skill named twice counts once, as
     * essential if it is essential anywhere; names without letters are left out.
     */
    public static Map<String, Boolean> essentialByKey(
        List<RequiredSkill> skills, SkillVocabulary vocabulary) {
      Map<String, Boolean> byKey = new LinkedHashMap<>();
      for (RequiredSkill s : skills) {
        String key = vocabulary.keyOf(s.name());
        if (key != null) {
          byKey.merge(key, s.essential(), Boolean::logicalOr);
        }
      }
      return byKey;
    }
  }

  public static DemandView of(
      UUID demandId,
      UUID enterpriseId,
      String enterpriseCode,
      String enterpriseName,
      String title,
      String occupationCode,
      List<String> majorCodes,
      String minimumDegree,
      List<RequiredSkill> skills,
      int headcount,
      int filledCount,
      String city,
      LocalDate validThrough,
      String status,
      long sourceVersion,
      Instant publishedAt) {
    DemandView v = new DemandView();
    v.demandId = demandId;
    v.enterpriseId = enterpriseId;
    v.enterpriseCode = enterpriseCode;
    v.enterpriseName = enterpriseName;
    v.title = title;
    v.occupationCode = occupationCode;
    v.majorCodes = List.copyOf(majorCodes);
    v.minimumDegree = minimumDegree;
    v.skills = List.copyOf(skills);
    v.headcount = headcount;
    v.filledCount = filledCount;
    v.city = city;
    v.validThrough = validThrough;
    v.status = status;
    v.sourceVersion = sourceVersion;
    v.publishedAt = publishedAt;
    return v;
  }

  @Override
  public long sourceVersion() {
    return sourceVersion;
  }

  /** Takes over a newer state of the same demand, with the time matching learned it. */
  @Override
  public void replaceWith(DemandView newer) {
    enterpriseId = newer.enterpriseId;
    enterpriseCode = newer.enterpriseCode;
    enterpriseName = newer.enterpriseName;
    title = newer.title;
    occupationCode = newer.occupationCode;
    majorCodes = newer.majorCodes;
    minimumDegree = newer.minimumDegree;
    skills = newer.skills;
    headcount = newer.headcount;
    filledCount = newer.filledCount;
    city = newer.city;
    validThrough = newer.validThrough;
    status = newer.status;
    sourceVersion = newer.sourceVersion;
    publishedAt = newer.publishedAt;
    updatedAt = newer.updatedAt;
  }

  /** Whether the demand was ever published; a draft (even a closed one) stays private. */
  public boolean wasPublished() {
    return publishedAt != null && !"DRAFT".equals(status);
  }

  /**
   * Whether students can still be matched to it: published, not filled, and valid through today
   * (China's calendar date).
   */
  public boolean isOpen(LocalDate today) {
    return "PUBLISHED".equals(status)
        && filledCount < headcount
        && (validThrough == null || !validThrough.isBefore(today));
  }

  /** Positions still to fill. */
  public int openHeadcount() {
    return Math.max(0, headcount - filledCount);
  }

  /**
   * The demand as ranking reads it: skill names as vocabulary keys, its city, its degree floor; a
   * graduation year the enterprise asks for is a further hard constraint.
   */
  public DemandCriteria criteria(SkillVocabulary vocabulary, Integer graduationYear) {
    List<String> essential = new ArrayList<>();
    List<String> optional = new ArrayList<>();
    for (RequiredSkill s : skills) {
      String key = vocabulary.keyOf(s.name());
      if (key != null) {
        (s.essential() ? essential : optional).add(key);
      }
    }
    return new DemandCriteria(
        essential,
        optional,
        majorCodes,
        minimumDegree == null ? null : Degree.valueOf(minimumDegree),
        Set.of(cityKey()),
        graduationYear);
  }

  /**
   * The demand's city as students' preferences name it: a city-level GB/T 2260 code. Demands carry
   * the city as the enterprise typed it; a name the kit does not know as exactly one code is kept
   * as it is, so only students preferring no city pass it (ADR 0012).
   */
  public String cityKey() {
    String code = DivisionCodes.cityCode(city);
    return code == null ? city : code;
  }

  /** The demand's city-level code, or null when its typed city is not a known one. */
  public String cityCode() {
    return DivisionCodes.cityCode(city);
  }
}
