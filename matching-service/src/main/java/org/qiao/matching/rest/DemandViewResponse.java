package org.qiao.matching.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.matching.domain.DemandView;

@Schema(name = "PublishedDemand", description = "A published demand as matching knows it")
public record DemandViewResponse(
    UUID id,
    UUID enterpriseId,
    String enterpriseName,
    String title,
    String occupationCode,
    List<String> majorCodes,
    List<Skill> skills,
    int headcount,
    int filledCount,
    String city,
    LocalDate validThrough,
    String status,
    Instant publishedAt) {

  @Schema(name = "RequiredSkill")
  public record Skill(String name, boolean essential, int level) {}

  static DemandViewResponse of(DemandView v) {
    return new DemandViewResponse(
        v.demandId,
        v.enterpriseId,
        v.enterpriseName,
        v.title,
        v.occupationCode,
        v.majorCodes,
        v.skills.stream().map(s -> new Skill(s.name(), s.essential(), s.level())).toList(),
        v.headcount,
        v.filledCount,
        v.city,
        v.validThrough,
        v.status,
        v.publishedAt);
  }
}
