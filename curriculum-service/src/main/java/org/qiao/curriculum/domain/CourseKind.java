package org.qiao.curriculum.domain;

/** How a course is taught. */
public enum CourseKind {
  THEORY,
  PRACTICE,
  PRACTICUM
}
