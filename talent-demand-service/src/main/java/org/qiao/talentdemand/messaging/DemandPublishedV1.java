package org.qiao.talentdemand.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.qiao.talentdemand.domain.Demand;

/**
 * Data of {@code qiao.demand.published.v1}; schema:
 * contracts/schemas/qiao.demand.published.v1.json.
 */
public record DemandPublishedV1(
    UUID demandId,
    String enterpriseId,
    String title,
    String occupationCode,
    List<String> majorCodes,
    List<Skill> skills,
    int headcount,
    String city,
    LocalDate validThrough,
    String status,
    long version,
    Instant publishedAt) {

  public static final String TYPE = "qiao.demand.published.v1";

  public record Skill(String name, boolean essential, int level) {}

  static DemandPublishedV1 of(Demand d) {
    return new DemandPublishedV1(
        d.id,
        d.enterpriseId,
        d.title,
        d.occupationCode,
        d.majorCodes,
        d.skills.stream().map(s -> new Skill(s.name(), s.essential(), s.level())).toList(),
        d.headcount,
        d.city,
        d.validThrough,
        d.status.name(),
        d.version,
        d.publishedAt);
  }
}
