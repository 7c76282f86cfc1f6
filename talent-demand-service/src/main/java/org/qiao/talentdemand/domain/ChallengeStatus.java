package org.qiao.talentdemand.domain;

/** open → matched (an interest selected) → closed; open → closed. */
public enum ChallengeStatus {
  OPEN,
  MATCHED,
  CLOSED
}
