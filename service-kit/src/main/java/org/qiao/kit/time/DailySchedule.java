package org.qiao.kit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.qiao.kit.cluster.ClusterLock;

/**
 * Runs a task for each day that has closed in China time: at start (so a missing snapshot appears
 * at once) and then every {@code interval}, each time with the last closed day. The task must be
 * idempotent per day (computed once, then a no-op); a failure is logged and retried next round.
 * Only the instance holding the schedule's {@link ClusterLock} runs it: once per service, however
 * many instances, and another instance takes over within a round when the holder dies.
 */
public final class DailySchedule implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DailySchedule.class);

  private final ScheduledExecutorService executor;

  private DailySchedule(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  public static DailySchedule start(
      String name,
      Clock clock,
      Duration interval,
      ClusterLock once,
      Consumer<LocalDate> forClosedDay) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    long every = interval.toMillis();
    executor.scheduleWithFixedDelay(
        () -> {
          LocalDate day = ChinaTime.lastClosedDay(clock);
          if (!once.holds()) {
            return;
          }
          try {
            forClosedDay.accept(day);
          } catch (RuntimeException e) {
            LOG.warnf(e, "%s for %s failed; retried in %s", name, day, interval);
          }
        },
        0,
        every,
        TimeUnit.MILLISECONDS);
    return new DailySchedule(executor);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
