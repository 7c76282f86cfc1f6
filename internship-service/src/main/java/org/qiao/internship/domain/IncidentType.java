package org.qiao.internship.domain;

/** Kinds of incident covered by the industry–education risk compensation scheme. */
public enum IncidentType {
  INJURY,
  OCCUPATIONAL_ILLNESS,
  PROPERTY_DAMAGE,
  THIRD_PARTY_LIABILITY,
  SAFETY_VIOLATION,
  OTHER
}
