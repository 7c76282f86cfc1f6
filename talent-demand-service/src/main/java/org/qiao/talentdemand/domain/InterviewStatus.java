package org.qiao.talentdemand.domain;

/**
 * Stages of an interview round: proposed (slots offered) → scheduled (the student picked one) →
 * held (its time passed) | others requested (the student asked for other times; the enterprise
 * proposes a new round) | lapsed (no slot picked in time); cancelled by either side while proposed
 * or scheduled. Held and lapsed are settled when the round next matters (a new round, an offer, the
 * application's end), not by a job.
 */
public enum InterviewStatus {
  PROPOSED,
  SCHEDULED,
  /** Scheduled, and its time has passed: it took place (as far as the platform knows). */
  HELD,
  /** Proposed, and every slot began before the student picked one. */
  LAPSED,
  OTHERS_REQUESTED,
  CANCELLED;

  /** Proposed or scheduled: at most one per application. */
  public static final java.util.Set<InterviewStatus> LIVE =
      java.util.EnumSet.of(PROPOSED, SCHEDULED);

  public boolean isLive() {
    return this == PROPOSED || this == SCHEDULED;
  }
}
