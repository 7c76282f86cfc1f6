package org.qiao.talentdemand.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.TrainingOrder;
import org.qiao.talentdemand.domain.TrainingOrderStatus;

@Schema(name = "TrainingOrder")
public record TrainingOrderResponse(
    UUID id,
    UUID enterpriseId,
    String title,
    String description,
    List<String> majorCodes,
    int headcount,
    int cohortYear,
    List<SkillDto> skills,
    List<String> targetUniversities,
    LocalDate proposalDeadline,
    String fundingNote,
    TrainingOrderStatus status,
    int awardedCapacity,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  static TrainingOrderResponse of(TrainingOrder o) {
    return new TrainingOrderResponse(
        o.id,
        o.enterpriseId,
        o.title,
        o.description,
        o.majorCodes,
        o.headcount,
        o.cohortYear,
        SkillDto.of(o.skills),
        o.targetUniversities,
        o.proposalDeadline,
        o.fundingNote,
        o.status,
        o.awardedCapacity,
        o.createdAt,
        o.updatedAt,
        o.version);
  }
}
