package org.qiao.talentdemand.domain;

/** A university's proposal as the order sees it: received, awarded, or rejected on arrival. */
public enum ProposalStatus {
  RECEIVED,
  AWARDED,
  REJECTED
}
