package org.qiao.matching.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: real time, plus whatever a test moved it on by (simulated time for
 * retry schedules). A test that moves it sets it back in {@code finally}.
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {

  private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), ahead.get());
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(ahead.get());
  }

  /** Moves the clock on to at least this instant. */
  public void moveTo(Instant at) {
    ahead.updateAndGet(
        d -> {
          Duration needed = Duration.between(Instant.now(), at);
          return needed.compareTo(d) > 0 ? needed : d;
        });
  }

  public void reset() {
    ahead.set(Duration.ZERO);
  }
}
