package org.qiao.internship.domain;

/** The four who must accept an internship before it is confirmed. */
public enum Party {
  INSTITUTION,
  ENTERPRISE,
  INSTITUTION_MENTOR,
  ENTERPRISE_MENTOR;

  public static Party mentorOf(Side side) {
    return side == Side.INSTITUTION ? INSTITUTION_MENTOR : ENTERPRISE_MENTOR;
  }
}
