package org.qiao.curriculum.messaging;

import java.util.Set;

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
  public static final String CONTACT_GRANT_REVOKED = "qiao.contact-grant.revoked.v1";
  public static final String STUDENT_JOB_SEEKING_RESUMED = "qiao.student.job-seeking-resumed.v1";

  /** Consumed from talent-demand-service. */
  public static final String TRAINING_ORDER_PLACED = "qiao.training-order.placed.v1";

  public static final String TRAINING_ORDER_AWARDED = "qiao.training-order.awarded.v1";
  public static final String TRAINING_ORDER_FULFILLED = "qiao.training-order.fulfilled.v1";
  public static final String TRAINING_ORDER_CANCELLED = "qiao.training-order.cancelled.v1";

  /** Every stage of an application (talent-demand-service, ADR 0014). */
  public static final Set<String> APPLICATION_STAGES =
      Set.of(
          "qiao.application.invited.v1",
          "qiao.application.applied.v1",
          "qiao.application.accepted.v1",
          "qiao.application.interviewing.v1",
          "qiao.application.offered.v1",
          "qiao.application.hired.v1",
          "qiao.application.declined.v1",
          "qiao.application.withdrawn.v1",
          "qiao.application.rejected.v1",
          "qiao.application.expired.v1");

  public static final String PLACEMENT_RECORDED = "qiao.placement.recorded.v1";

  private EventTypes() {}
}
