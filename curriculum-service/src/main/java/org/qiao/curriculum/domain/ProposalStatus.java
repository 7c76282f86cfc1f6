package org.qiao.curriculum.domain;

/**
 * submitted → withdrawn (by the institution, before the deadline) | awarded → fulfilled |
 * cancelled; submitted → closed when the order ends without awarding it. Awards, fulfilment and
 * cancellation are the enterprise's, and arrive as talent-demand-service's events.
 */
public enum ProposalStatus {
  SUBMITTED,
  WITHDRAWN,
  AWARDED,
  FULFILLED,
  CANCELLED,
  CLOSED
}
