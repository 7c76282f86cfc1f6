package org.qiao.talentdemand.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.Challenge;
import org.qiao.talentdemand.domain.ChallengeStatus;

@Schema(name = "Challenge")
public record ChallengeResponse(
    UUID id,
    UUID enterpriseId,
    String title,
    String description,
    List<String> disciplineCodes,
    List<SkillDto> skills,
    Integer budgetMin,
    Integer budgetMax,
    LocalDate deadline,
    ChallengeStatus status,
    int interestCount,
    UUID selectedInterestId,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  static ChallengeResponse of(Challenge c) {
    return new ChallengeResponse(
        c.id,
        c.enterpriseId,
        c.title,
        c.description,
        c.disciplineCodes,
        SkillDto.of(c.skills),
        c.budgetMin,
        c.budgetMax,
        c.deadline,
        c.status,
        c.interestCount,
        c.selectedInterestId,
        c.createdAt,
        c.updatedAt,
        c.version);
  }
}
