package org.qiao.curriculum.domain;

/** draft → published → retired; a published version is superseded when a newer one is published. */
public enum CoursePlanStatus {
  DRAFT,
  PUBLISHED,
  SUPERSEDED,
  RETIRED
}
