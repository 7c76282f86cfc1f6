package org.qiao.talentdemand.domain;

/** Lifecycle of a demand: draft → published → filled | closed | expired; draft → closed. */
public enum DemandStatus {
  DRAFT,
  PUBLISHED,
  FILLED,
  CLOSED,
  EXPIRED
}
