package org.qiao.kit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Gauges an operator acts on whose value is a query of the service's own tables (a backlog, the age
 * of the oldest waiting row). A scrape reads at most one value per gauge every few seconds, however
 * often Prometheus asks; a failed read shows NaN rather than the last value.
 */
@ApplicationScoped
public class DatabaseGauges {

  private static final Logger LOG = Logger.getLogger(DatabaseGauges.class);
  private static final long FRESH_FOR_NANOS = 5_000_000_000L;

  private final DataSource dataSource;
  private final MeterRegistry registry;

  DatabaseGauges(DataSource dataSource, MeterRegistry registry) {
    this.dataSource = dataSource;
    this.registry = registry;
  }

  /** The kit's own: how much the outbox relay has yet to publish, and for how long. */
  void onStart(@Observes StartupEvent event) {
    register(
        "qiao.outbox.backlog",
        "outbox events not yet published to Kafka",
        null,
        "select count(*) from outbox_event where published_at is null");
    register(
        "qiao.outbox.oldest.unpublished.age",
        "age of the oldest outbox event not yet published (0 when none): a stuck relay grows it",
        "seconds",
        "select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox_event"
            + " where published_at is null");
  }

  /** A gauge whose value is the first column of the query's single row. */
  public void register(String name, String description, String unit, String sql) {
    Query q = new Query(sql);
    Gauge.builder(name, q, Query::value)
        .description(description)
        .baseUnit(unit)
        .strongReference(true)
        .register(registry);
  }

  private final class Query {
    private final String sql;
    private double value = Double.NaN;
    private long readAt;

    Query(String sql) {
      this.sql = sql;
    }

    synchronized double value() {
      long now = System.nanoTime();
      if (readAt != 0 && now - readAt < FRESH_FOR_NANOS) {
        return value;
      }
      readAt = now;
      try (Connection c = dataSource.getConnection();
          PreparedStatement s = c.prepareStatement(sql);
          ResultSet r = s.executeQuery()) {
        value = r.next() ? r.getDouble(1) : 0;
      } catch (SQLException e) {
        LOG.debugf("Cannot read %s: %s", sql, e.getMessage());
        value = Double.NaN;
      }
      return value;
    }
  }
}
