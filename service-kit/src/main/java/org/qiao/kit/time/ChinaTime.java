package org.qiao.kit.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Calendar dates (deadlines, valid-through, days logged) are dates in China Standard Time. */
public final class ChinaTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private ChinaTime() {}

  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  /** Yesterday in China: the last day whose close has passed, the date of a daily snapshot. */
  public static LocalDate lastClosedDay(Clock clock) {
    return today(clock).minusDays(1);
  }
}
