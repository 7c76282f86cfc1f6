package org.qiao.kit.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Calendar dates (deadlines, valid-through, days logged) are dates in China Standard Time. */
public final class ChinaTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private ChinaTime() {}

  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  /** The instant {@code day} ends in China: the first moment of the next day (exclusive). */
  public static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  /** The day in China that {@code instant} falls on. */
  public static LocalDate dayOf(Instant instant) {
    return LocalDate.ofInstant(instant, ZONE);
  }

  /** Yesterday in China: the last day whose close has passed, the date of a daily snapshot. */
  public static LocalDate lastClosedDay(Clock clock) {
    return today(clock).minusDays(1);
  }
}
