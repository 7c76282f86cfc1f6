package org.qiao.talentdemand.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.Demand;
import org.qiao.talentdemand.domain.DemandStatus;

@Schema(name = "Demand")
public record DemandResponse(
    UUID id,
    String enterpriseId,
    String title,
    String occupationCode,
    List<String> majorCodes,
    List<DemandRequest.Skill> skills,
    int headcount,
    String city,
    LocalDate validThrough,
    DemandStatus status,
    Instant createdAt,
    Instant publishedAt,
    long version) {

  static DemandResponse of(Demand d) {
    return new DemandResponse(
        d.id,
        d.enterpriseId,
        d.title,
        d.occupationCode,
        d.majorCodes,
        d.skills.stream()
            .map(s -> new DemandRequest.Skill(s.name(), s.essential(), s.level()))
            .toList(),
        d.headcount,
        d.city,
        d.validThrough,
        d.status,
        d.createdAt,
        d.publishedAt,
        d.version);
  }
}
