package org.qiao.internship.domain;

/**
 * Why an internship ended early, as a code: events and statistics carry the code, never a free text
 * that might describe a person.
 */
public enum TerminationReason {
  STUDENT_WITHDREW,
  ENTERPRISE_ENDED,
  INSTITUTION_ENDED,
  NOT_CONFIRMED,
  HEALTH,
  SAFETY,
  MISCONDUCT,
  OTHER
}
