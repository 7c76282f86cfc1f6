package org.qiao.talentdemand.domain;

/**
 * open (taking proposals) → contracted (one or more awarded) → fulfilled; open|contracted →
 * cancelled.
 */
public enum TrainingOrderStatus {
  OPEN,
  CONTRACTED,
  FULFILLED,
  CANCELLED
}
