package org.qiao.talentdemand.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Stages of an application: invited | applied → accepted → interviewing → offered → hired; or
 * declined, withdrawn, rejected, expired. Each stage is announced as {@code
 * qiao.application.<stage>.v1}.
 */
public enum ApplicationStatus {
  INVITED,
  APPLIED,
  ACCEPTED,
  INTERVIEWING,
  OFFERED,
  HIRED,
  DECLINED,
  WITHDRAWN,
  REJECTED,
  EXPIRED;

  /** Waiting for the other side's first answer: what expires. */
  public static final Set<ApplicationStatus> AWAITING_ANSWER = EnumSet.of(INVITED, APPLIED);

  /** Waiting for an answer that has a deadline: the first answer, or the student's to an offer. */
  public static final Set<ApplicationStatus> EXPIRABLE = EnumSet.of(INVITED, APPLIED, OFFERED);

  /** Not yet ended: at most one per student and demand. */
  public static final Set<ApplicationStatus> OPEN =
      EnumSet.of(INVITED, APPLIED, ACCEPTED, INTERVIEWING, OFFERED);

  public boolean isOpen() {
    return OPEN.contains(this);
  }

  /** The event type announcing that an application reached this stage. */
  public String eventType() {
    return "qiao.application." + name().toLowerCase(Locale.ROOT) + ".v1";
  }
}
