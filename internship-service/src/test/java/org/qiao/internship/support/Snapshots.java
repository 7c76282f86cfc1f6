package org.qiao.internship.support;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;
import org.qiao.kit.time.ChinaTime;

/**
 * Snapshot days no other test of this run uses, each after the end of this month (China time), so a
 * test's snapshot holds this month's incidents, its own included. The service's own schedule only
 * ever takes yesterday.
 */
public final class Snapshots {

  private static final AtomicInteger DAYS = new AtomicInteger();

  private Snapshots() {}

  public static LocalDate nextDayAfterThisMonth() {
    return YearMonth.now(ChinaTime.ZONE).atEndOfMonth().plusDays(DAYS.getAndIncrement());
  }

  /** Today in China: the day incidents reported now are counted in. */
  public static LocalDate today() {
    return LocalDate.now(ChinaTime.ZONE);
  }
}
