package org.qiao.talentdemand.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.Proposal;
import org.qiao.talentdemand.domain.ProposalStatus;

@Schema(
    name = "Proposal",
    description = "A university's proposal, as curriculum-service announced it")
public record ProposalResponse(
    UUID id,
    UUID trainingOrderId,
    String universityCode,
    String universityName,
    UUID coursePlanId,
    String summary,
    int capacity,
    ProposalStatus status,
    String rejectionReason,
    Integer awardedCapacity,
    Instant submittedAt,
    Instant awardedAt,
    Instant withdrawnAt) {

  static ProposalResponse of(Proposal p) {
    return new ProposalResponse(
        p.id,
        p.trainingOrderId,
        p.universityCode,
        p.universityName,
        p.coursePlanId,
        p.summary,
        p.capacity,
        p.status,
        p.rejectionReason,
        p.awardedCapacity,
        p.submittedAt,
        p.awardedAt,
        p.withdrawnAt);
  }
}
