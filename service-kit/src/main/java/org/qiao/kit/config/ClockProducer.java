package org.qiao.kit.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * One clock for all time-dependent rules; a service or test may replace this default bean. {@code
 * qiao.clock.offset} (an ISO-8601 duration, e.g. {@code P1D}) runs the service that much ahead: for
 * trial runs and end-to-end tests of day-bound jobs (a daily statistics snapshot), never set in
 * production, and logged loudly when set.
 */
public class ClockProducer {

  private static final Logger LOG = Logger.getLogger(ClockProducer.class);

  @Produces
  @Singleton
  @DefaultBean
  Clock clock() {
    Duration offset =
        ConfigProvider.getConfig()
            .getOptionalValue("qiao.clock.offset", Duration.class)
            .orElse(Duration.ZERO);
    if (offset.isZero()) {
      return Clock.systemUTC();
    }
    LOG.warnf("qiao.clock.offset is %s: this service runs ahead of real time", offset);
    return Clock.offset(Clock.systemUTC(), offset);
  }
}
