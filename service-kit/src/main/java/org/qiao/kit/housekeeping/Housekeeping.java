package org.qiao.kit.housekeeping;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.qiao.kit.cluster.ClusterLock;
import org.qiao.kit.cluster.ClusterLocks;
import org.qiao.kit.config.FatalErrors;
import org.qiao.kit.guard.RateLimiter;

/**
 * Deletes what the kit's tables no longer need: published outbox rows, inbox entries older than any
 * redelivery Kafka would still make, and idempotency records older than a client would retry. One
 * instance of a service runs it (a {@link ClusterLock}); the work is safe twice, only wasted.
 */
@ApplicationScoped
public class Housekeeping {

  private static final Logger LOG = Logger.getLogger(Housekeeping.class);

  /** Retention of the kit's tables ({@code qiao.housekeeping.*}). */
  @ConfigMapping(prefix = "qiao.housekeeping")
  public interface Config {
    @WithDefault("10m")
    Duration interval();

    /** Published outbox rows are kept for audit and manual replay. */
    @WithDefault("P7D")
    Duration outboxRetention();

    /** Longer than the topics' retention, so any redelivery is still recognised. */
    @WithDefault("P30D")
    Duration inboxRetention();

    /** How long a client may retry a creating POST with the same Idempotency-Key. */
    @WithDefault("PT24H")
    Duration idempotencyRetention();
  }

  /** How many rows a run deleted from each table. */
  public record Deleted(int outbox, int inbox, int idempotency) {}

  private final EntityManager em;
  private final Config config;
  private final ClusterLock once;
  private ScheduledExecutorService scheduler;

  private final RateLimiter limiter;

  Housekeeping(EntityManager em, Config config, ClusterLocks locks, RateLimiter limiter) {
    this.limiter = limiter;
    this.em = em;
    this.config = config;
    this.once = locks.lock("housekeeping");
  }

  void onStart(@Observes StartupEvent event) {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "housekeeping"));
    long every = config.interval().toMillis();
    scheduler.scheduleWithFixedDelay(this::runSafely, every, every, TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  public Deleted runOnce() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                new Deleted(
                    delete(
                        "delete from outbox_event where published_at is not null"
                            + " and published_at < now() - make_interval(secs => ?1)",
                        config.outboxRetention()),
                    delete(
                        "delete from inbox_event where received_at < now() - make_interval(secs => ?1)",
                        config.inboxRetention()),
                    delete(
                        "delete from idempotency_record"
                            + " where created_at < now() - make_interval(secs => ?1)",
                        config.idempotencyRetention())));
  }

  private int delete(String sql, Duration retention) {
    return em.createNativeQuery(sql)
        .setParameter(1, (double) retention.toSeconds())
        .executeUpdate();
  }

  private void runSafely() {
    try {
      if (!once.holds()) {
        return;
      }
      Deleted d = runOnce();
      // Buckets full again hold nothing a caller could lose: their rows go.
      while (limiter.removeExpired(1000) == 1000) {
        // the next thousand
      }
      LOG.debugf("Housekeeping deleted %s", d);
    } catch (Throwable e) {
      // Anything escaping would cancel every later run of the schedule, silently.
      FatalErrors.haltIfFatal(e);
      LOG.warn("Housekeeping failed; trying again at the next run", e);
    }
  }
}
