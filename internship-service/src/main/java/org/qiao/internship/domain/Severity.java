package org.qiao.internship.domain;

public enum Severity {
  MINOR,
  MODERATE,
  SERIOUS,
  CRITICAL
}
