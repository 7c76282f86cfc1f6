package org.qiao.matching.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.qiao.kit.time.ChinaTime;

/**
 * Snapshot days no other test of this run uses (today, tomorrow, …; the service's own schedule only
 * ever takes yesterday's), so a test's snapshot holds its own data.
 */
public final class Snapshots {

  private static final AtomicInteger DAYS = new AtomicInteger();

  private Snapshots() {}

  public static LocalDate nextDay() {
    return ChinaTime.today(Clock.systemUTC()).plusDays(DAYS.getAndIncrement());
  }
}
