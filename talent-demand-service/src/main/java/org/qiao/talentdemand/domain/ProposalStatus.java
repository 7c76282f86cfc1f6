package org.qiao.talentdemand.domain;

/**
 * A university's proposal as the order sees it: received, awarded, rejected on arrival, or
 * withdrawn by the university (then it can no longer be awarded).
 */
public enum ProposalStatus {
  RECEIVED,
  AWARDED,
  REJECTED,
  WITHDRAWN
}
