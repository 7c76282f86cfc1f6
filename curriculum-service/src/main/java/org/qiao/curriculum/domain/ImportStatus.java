package org.qiao.curriculum.domain;

/** queued → running → succeeded | failed (the file could not be read, or the service restarted). */
public enum ImportStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED
}
