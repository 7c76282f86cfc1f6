package org.qiao.internship.domain;

/** Guidance of a mentee (reviewing, coaching) or teaching (classes, demonstrations). */
public enum HoursKind {
  GUIDANCE,
  TEACHING
}
