package org.qiao.matching.domain.partner;

/** Whether a subscription's events are delivered. */
public enum SubscriptionStatus {
  /** Delivered as they come. */
  ACTIVE,
  /** Paused by its owner: events queue up and are delivered on resumption. */
  PAUSED,
  /** Every retry of an event failed: events queue up; the owner reads why and resumes. */
  DISABLED
}
