package org.qiao.matching.domain.ranking;

/** Degrees in ascending order, as curriculum-service publishes them; a minimum admits higher. */
public enum Degree {
  VOCATIONAL,
  ASSOCIATE,
  BACHELOR,
  MASTER,
  DOCTOR;

  /** Whether this degree satisfies a minimum; no minimum admits every degree. */
  public boolean satisfies(Degree minimum) {
    return minimum == null || compareTo(minimum) >= 0;
  }
}
