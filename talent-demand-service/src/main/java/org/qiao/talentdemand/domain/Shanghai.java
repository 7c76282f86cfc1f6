package org.qiao.talentdemand.domain;

import java.time.ZoneId;

/** Dates (valid-through, start) are calendar dates in China Standard Time. */
public final class Shanghai {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private Shanghai() {}
}
