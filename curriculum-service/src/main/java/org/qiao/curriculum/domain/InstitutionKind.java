package org.qiao.curriculum.domain;

/** What an institution is: it decides what it may publish (programmes are a provider's). */
public enum InstitutionKind {
  UNDERGRADUATE,
  VOCATIONAL_COLLEGE,
  TRAINING_PROVIDER
}
