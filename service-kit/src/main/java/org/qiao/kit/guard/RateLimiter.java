package org.qiao.kit.guard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * One token bucket (Bucket4j) per caller: a role acting for an organisation, or a client address
 * without a valid token. Buckets of callers not seen for two windows are forgotten.
 */
@ApplicationScoped
public class RateLimiter {

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

  RateLimiter(GuardConfig config) {
    this.config = config.rateLimit();
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(this.config.maxTrackedCallers())
            .expireAfterAccess(this.config.window().multipliedBy(2))
            .build();
  }

  public boolean enabled() {
    return config.enabled();
  }

  public long windowSeconds() {
    return Math.max(1, config.window().toSeconds());
  }

  /** Takes one request from the caller's bucket. */
  public Decision consume(String callerKey, long limit) {
    Bucket bucket =
        buckets.get(
            callerKey,
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(limit)
                            .refillGreedy(limit, config.window())
                            .build())
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    long nanosPerRequest = config.window().toNanos() / limit;
    long untilFull = (limit - probe.getRemainingTokens()) * nanosPerRequest;
    return new Decision(
        probe.isConsumed(),
        limit,
        probe.getRemainingTokens(),
        seconds(untilFull),
        probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
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
