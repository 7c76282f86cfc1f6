package org.qiao.talentdemand.domain;

import java.time.LocalDate;

/** Dates in requests (valid-through, deadlines; China Standard Time days, see kit ChinaTime). */
public final class CalendarDate {

  private CalendarDate() {}

  /** Dates in requests must be plausible calendar dates of this era (and fit the contract). */
  public static LocalDate plausible(String field, LocalDate date) {
    if (date != null && (date.getYear() < 2000 || date.getYear() > 2100)) {
      throw new DomainViolation(field, "must be a date between 2000 and 2100");
    }
    return date;
  }
}
