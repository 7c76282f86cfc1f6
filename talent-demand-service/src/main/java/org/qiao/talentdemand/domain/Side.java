package org.qiao.talentdemand.domain;

/** The two parties of an application: the enterprise of the demand, and the student. */
public enum Side {
  ENTERPRISE,
  STUDENT;

  public Side other() {
    return this == ENTERPRISE ? STUDENT : ENTERPRISE;
  }
}
