package org.qiao.curriculum.domain;

import java.time.Instant;
import java.util.UUID;

/** The plan was awarded in a training order (订单班): which order, how many students, its state. */
public record PlanContract(
    UUID trainingOrderId,
    UUID proposalId,
    String enterpriseName,
    int capacity,
    Instant awardedAt,
    ProposalStatus status) {}
