package org.qiao.internship.messaging;

/** Event types this service publishes and consumes (schemas under contracts/schemas). */
public final class EventTypes {
  public static final String INTERNSHIP_PROPOSED = "qiao.internship.proposed.v1";
  public static final String INTERNSHIP_CONFIRMED = "qiao.internship.confirmed.v1";
  public static final String INTERNSHIP_STARTED = "qiao.internship.started.v1";
  public static final String INTERNSHIP_COMPLETED = "qiao.internship.completed.v1";
  public static final String INTERNSHIP_TERMINATED = "qiao.internship.terminated.v1";

  public static final String STUDENT_PROFILE_PUBLISHED = "qiao.student.profile-published.v1";
  public static final String STUDENT_FORGOTTEN = "qiao.student.forgotten.v1";

  private EventTypes() {}
}
