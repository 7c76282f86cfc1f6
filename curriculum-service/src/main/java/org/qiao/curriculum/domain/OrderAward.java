package org.qiao.curriculum.domain;

import java.time.Instant;
import java.util.UUID;

/** One award of a training order, as talent-demand-service published it. */
public record OrderAward(UUID proposalId, String universityCode, int capacity, Instant awardedAt) {}
