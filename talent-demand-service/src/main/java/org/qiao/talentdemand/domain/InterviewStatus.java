package org.qiao.talentdemand.domain;

/**
 * Stages of an interview round: proposed (slots offered) → scheduled (the student picked one) |
 * others requested (the student asked for other times; the enterprise proposes a new round);
 * cancelled by either side while proposed or scheduled.
 */
public enum InterviewStatus {
  PROPOSED,
  SCHEDULED,
  OTHERS_REQUESTED,
  CANCELLED;

  /** Proposed or scheduled: at most one per application. */
  public static final java.util.Set<InterviewStatus> LIVE =
      java.util.EnumSet.of(PROPOSED, SCHEDULED);

  public boolean isLive() {
    return this == PROPOSED || this == SCHEDULED;
  }
}
