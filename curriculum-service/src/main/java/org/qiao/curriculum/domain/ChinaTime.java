package org.qiao.curriculum.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Deadlines are calendar dates in China Standard Time. */
public final class ChinaTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private ChinaTime() {}

  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }
}
