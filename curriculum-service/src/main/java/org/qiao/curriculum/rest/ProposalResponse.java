package org.qiao.curriculum.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.Proposal;
import org.qiao.curriculum.domain.ProposalStatus;

@Schema(name = "Proposal")
public record ProposalResponse(
    UUID id,
    UUID trainingOrderId,
    UUID coursePlanId,
    String majorCode,
    int capacity,
    String summary,
    ProposalStatus status,
    Integer awardedCapacity,
    Instant submittedAt,
    Instant withdrawnAt,
    Instant updatedAt,
    long version) {

  static ProposalResponse of(Proposal p) {
    return new ProposalResponse(
        p.id,
        p.trainingOrderId,
        p.coursePlanId,
        p.majorCode,
        p.capacity,
        p.summary,
        p.status,
        p.awardedCapacity,
        p.submittedAt,
        p.withdrawnAt,
        p.updatedAt,
        p.version);
  }
}
