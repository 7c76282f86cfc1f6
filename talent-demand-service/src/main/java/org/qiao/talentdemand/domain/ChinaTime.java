package org.qiao.talentdemand.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Calendar dates (valid-through, deadlines) are dates in China Standard Time. */
public final class ChinaTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private ChinaTime() {}

  /** Dates in requests must be plausible calendar dates of this era (and fit the contract). */
  public static LocalDate plausible(String field, LocalDate date) {
    if (date != null && (date.getYear() < 2000 || date.getYear() > 2100)) {
      throw new DomainViolation(field, "must be a date between 2000 and 2100");
    }
    return date;
  }

  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }
}
