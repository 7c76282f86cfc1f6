package org.qiao.curriculum.domain;

/** A degree programme's plan for a major and cohort, or a training provider's short programme. */
public enum PlanKind {
  MAJOR,
  PROGRAMME
}
