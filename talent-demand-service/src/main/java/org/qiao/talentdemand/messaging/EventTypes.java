package org.qiao.talentdemand.messaging;

/** The event types this service publishes and consumes (schemas in contracts/schemas). */
public final class EventTypes {
  public static final String ENTERPRISE_REGISTERED = "qiao.enterprise.registered.v1";
  public static final String ENTERPRISE_UPDATED = "qiao.enterprise.updated.v1";
  public static final String DEMAND_DRAFTED = "qiao.demand.drafted.v1";
  public static final String DEMAND_REVISED = "qiao.demand.revised.v1";
  public static final String DEMAND_PUBLISHED = "qiao.demand.published.v1";
  public static final String DEMAND_HIRES_RECORDED = "qiao.demand.hires-recorded.v1";
  public static final String DEMAND_FILLED = "qiao.demand.filled.v1";
  public static final String DEMAND_CLOSED = "qiao.demand.closed.v1";
  public static final String DEMAND_EXPIRED = "qiao.demand.expired.v1";
  public static final String TRAINING_ORDER_PLACED = "qiao.training-order.placed.v1";
  public static final String TRAINING_ORDER_AWARDED = "qiao.training-order.awarded.v1";
  public static final String TRAINING_ORDER_FULFILLED = "qiao.training-order.fulfilled.v1";
  public static final String TRAINING_ORDER_CANCELLED = "qiao.training-order.cancelled.v1";
  public static final String CHALLENGE_POSTED = "qiao.challenge.posted.v1";
  public static final String CHALLENGE_INTEREST_REGISTERED =
      "qiao.challenge.interest-registered.v1";
  public static final String CHALLENGE_MATCHED = "qiao.challenge.matched.v1";
  public static final String CHALLENGE_CLOSED = "qiao.challenge.closed.v1";

  public static final String PLACEMENT_RECORDED = "qiao.placement.recorded.v1";

  /** Consumed from curriculum-service. */
  public static final String PROPOSAL_SUBMITTED = "qiao.proposal.submitted.v1";

  public static final String PROPOSAL_WITHDRAWN = "qiao.proposal.withdrawn.v1";
  public static final String STUDENT_PROFILE_PUBLISHED = "qiao.student.profile-published.v1";
  public static final String STUDENT_FORGOTTEN = "qiao.student.forgotten.v1";
  public static final String CONTACT_GRANT_REVOKED = "qiao.contact-grant.revoked.v1";

  private EventTypes() {}
}
