package org.qiao.talentdemand.domain;

public enum EmploymentType {
  FULL_TIME,
  INTERNSHIP,
  PART_TIME
}
