package org.qiao.talentdemand.domain;

/** Enterprise size class (企业划型): micro, small, medium, large. */
public enum SizeClass {
  MICRO,
  SMALL,
  MEDIUM,
  LARGE
}
