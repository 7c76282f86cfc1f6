package org.qiao.kit.guard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * One token bucket (Bucket4j) per caller: a role acting for an organisation, or a client address
 * without a valid token. The buckets live in the service's PostgreSQL ({@code rate_limit_bucket}, a
 * row locked while a request takes its token), so a quota holds for the whole service however many
 * instances answer the caller; a row expires once its bucket would be full again. With {@code
 * store=memory} each instance keeps its own, and forgets callers not seen for two windows.
 */
@ApplicationScoped
public class RateLimiter {

  private static final Logger LOG = Logger.getLogger(RateLimiter.class);

  /** What a request learned about its caller's budget, for the response headers. */
  public record Decision(
      boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    /** IETF RateLimit-Policy: the quota and its window in seconds. */
    public String policyHeader(long windowSeconds) {
      return "\"default\";q=" + limit + ";w=" + windowSeconds;
    }

    /** IETF RateLimit: what is left and when the quota is fully back. */
    public String header() {
      return "\"default\";r=" + remaining + ";t=" + resetSeconds;
    }
  }

  private final GuardConfig.RateLimit config;
  private final Cache<String, Bucket> buckets;
  private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;

  /**
   * Callers refused recently, until when: further requests within that time are refused here
   * without a database round trip, so a caller hammering its quota cannot tie up the pool.
   */
  private final Cache<String, Long> refusedUntil;

  private final AtomicLong databaseFailures = new AtomicLong();

  @Inject
  RateLimiter(GuardConfig config, DataSource dataSource) {
    this(config.rateLimit(), dataSource);
  }

  /** A limiter over the given settings (tests build a second instance's with it). */
  public RateLimiter(GuardConfig.RateLimit config, DataSource dataSource) {
    this.config = config;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(this.config.maxTrackedCallers())
            .expireAfterAccess(this.config.window().multipliedBy(2))
            .build();
    this.refusedUntil =
        Caffeine.newBuilder()
            .maximumSize(this.config.maxTrackedCallers())
            .expireAfterWrite(this.config.window())
            .build();
    this.shared =
        config.store() == GuardConfig.RateLimit.Store.DATABASE
            ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(
                    ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ZERO))
                .build()
            : null;
  }

  /** Deletes up to {@code max} rows of buckets that are full again (housekeeping); how many. */
  public int removeExpired(int max) {
    return shared == null ? 0 : shared.removeExpired(max);
  }

  public boolean enabled() {
    return config.enabled();
  }

  public long windowSeconds() {
    return Math.max(1, config.window().toSeconds());
  }

  /**
   * Takes one request from the caller's bucket. With the database store this blocks on a row lock
   * and a round trip: call it off the event loop.
   */
  public Decision consume(String callerKey, long limit) {
    BucketConfiguration configuration =
        BucketConfiguration.builder()
            .addLimit(
                Bandwidth.builder().capacity(limit).refillGreedy(limit, config.window()).build())
            .build();
    ConsumptionProbe probe;
    if (shared != null) {
      // The quota and window are part of the key: a changed quota starts a bucket of its own
      // instead of meeting a stored one of another size.
      String key = callerKey + "|" + limit + "/" + config.window().toSeconds();
      Long until = refusedUntil.getIfPresent(key);
      long now = System.nanoTime();
      if (until != null && until - now > 0) {
        return new Decision(
            false, limit, 0, seconds(until - now), Math.max(1, seconds(until - now)));
      }
      try {
        probe = shared.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
      } catch (RuntimeException e) {
        // The database is away: this instance limits on its own meanwhile rather than fail every
        // request (the quota then holds per instance until the database is back).
        if (databaseFailures.getAndIncrement() % 1000 == 0) {
          LOG.warnf("Rate-limit buckets unavailable, limiting per instance: %s", e.toString());
        }
        probe = local(callerKey, configuration);
      }
      if (!probe.isConsumed()) {
        refusedUntil.put(key, now + probe.getNanosToWaitForRefill());
      }
    } else {
      probe = local(callerKey, configuration);
    }
    long nanosPerRequest = config.window().toNanos() / limit;
    long untilFull = (limit - probe.getRemainingTokens()) * nanosPerRequest;
    return new Decision(
        probe.isConsumed(),
        limit,
        probe.getRemainingTokens(),
        seconds(untilFull),
        probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
  }

  private ConsumptionProbe local(String callerKey, BucketConfiguration configuration) {
    return buckets
        .get(callerKey, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build())
        .tryConsumeAndReturnRemaining(1);
  }

  private static long seconds(long nanos) {
    return TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L);
  }

  /** The quota for a set of roles: the largest override among them, else the default. */
  public long limitFor(Iterable<String> roles) {
    long limit = -1;
    for (String role : roles) {
      Long override = config.roles().get(role);
      if (override != null && override > limit) {
        limit = override;
      }
    }
    return limit > 0 ? limit : config.requests();
  }

  public long anonymousLimit() {
    return config.anonymousRequests();
  }
}
