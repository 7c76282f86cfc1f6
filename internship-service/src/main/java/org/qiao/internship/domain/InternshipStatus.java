package org.qiao.internship.domain;

/** proposed → confirmed → active → completed, or terminated from any of the first three. */
public enum InternshipStatus {
  PROPOSED,
  CONFIRMED,
  ACTIVE,
  COMPLETED,
  TERMINATED;

  public boolean isOpen() {
    return this == PROPOSED || this == CONFIRMED || this == ACTIVE;
  }
}
