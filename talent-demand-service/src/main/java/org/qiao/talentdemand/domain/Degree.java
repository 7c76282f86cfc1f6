package org.qiao.talentdemand.domain;

/** The minimum degree a demand accepts, in ascending order. */
public enum Degree {
  VOCATIONAL,
  ASSOCIATE,
  BACHELOR,
  MASTER,
  DOCTOR
}
