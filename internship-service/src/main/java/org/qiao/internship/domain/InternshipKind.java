package org.qiao.internship.domain;

/**
 * A student's dual-mentor internship (双导师), or an adult learner's apprenticeship in a programme,
 * taught on the job by a master mentor (高师带教) beside a mentor of the training provider.
 */
public enum InternshipKind {
  INTERNSHIP,
  APPRENTICESHIP
}
