package org.qiao.internship.domain;

/** Which side of an internship an organisation or mentor is on. */
public enum Side {
  /** A university or college; for an apprenticeship, the training provider. */
  INSTITUTION,
  ENTERPRISE
}
