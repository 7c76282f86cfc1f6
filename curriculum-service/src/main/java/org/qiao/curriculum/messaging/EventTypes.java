package org.qiao.curriculum.messaging;

/** The event types this service publishes and consumes (schemas in contracts/schemas). */
public final class EventTypes {
  public static final String INSTITUTION_REGISTERED = "qiao.institution.registered.v1";
  public static final String INSTITUTION_UPDATED = "qiao.institution.updated.v1";
  public static final String COURSE_PLAN_PUBLISHED = "qiao.course-plan.published.v1";
  public static final String COURSE_PLAN_SUPERSEDED = "qiao.course-plan.superseded.v1";
  public static final String COURSE_PLAN_RETIRED = "qiao.course-plan.retired.v1";
  public static final String COURSE_PLAN_CONTRACTED = "qiao.course-plan.contracted.v1";
  public static final String STUDENT_PROFILE_PUBLISHED = "qiao.student.profile-published.v1";
  public static final String STUDENT_FORGOTTEN = "qiao.student.forgotten.v1";
  public static final String PROPOSAL_SUBMITTED = "qiao.proposal.submitted.v1";
  public static final String PROPOSAL_WITHDRAWN = "qiao.proposal.withdrawn.v1";

  /** Consumed from talent-demand-service. */
  public static final String TRAINING_ORDER_PLACED = "qiao.training-order.placed.v1";

  public static final String TRAINING_ORDER_AWARDED = "qiao.training-order.awarded.v1";
  public static final String TRAINING_ORDER_FULFILLED = "qiao.training-order.fulfilled.v1";
  public static final String TRAINING_ORDER_CANCELLED = "qiao.training-order.cancelled.v1";

  private EventTypes() {}
}
