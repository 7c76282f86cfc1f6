package org.qiao.kit.guard;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Limits on what one request and one caller may ask of a service (OWASP API4). */
@ConfigMapping(prefix = "qiao.http")
public interface GuardConfig {

  int DEFAULT_MAX_JSON_NESTING = 32;

  /** Largest request body accepted; a larger one answers 413 as a problem. */
  @WithDefault("1M")
  MemorySize maxBodySize();

  /** Bodies allowed to be larger than {@link #maxBodySize()}: file uploads. */
  Upload upload();

  interface Upload {
    /** Path prefixes that take files (e.g. {@code /api/v1/student-imports}); none by default. */
    Optional<List<String>> paths();

    /** Largest file body accepted on those paths. */
    @WithDefault("64M")
    MemorySize maxSize();
  }

  /**
   * Deepest nesting of JSON arrays and objects accepted in a body; deeper answers 400. Read once at
   * start by {@link JsonGuards}.
   */
  @WithDefault("32")
  @Min(1)
  int maxJsonNesting();

  RateLimit rateLimit();

  /** Requests per caller and window: a caller is a role acting for an organisation. */
  interface RateLimit {
    @WithDefault("true")
    boolean enabled();

    /** Requests a caller may make per window (also the burst it may make at once). */
    @WithDefault("1200")
    @Min(1)
    long requests();

    @WithDefault("1M")
    Duration window();

    /** Per-role overrides of {@link #requests()}, e.g. {@code roles.government=6000}. */
    Map<String, @Min(1) Long> roles();

    /** Requests per window from one client address without a valid token. */
    @WithDefault("120")
    @Min(1)
    long anonymousRequests();

    /** Most callers tracked at once; the least recently seen are forgotten beyond it. */
    @WithDefault("100000")
    @Min(1)
    long maxTrackedCallers();

    /**
     * Where the buckets live: {@code database} (the service's PostgreSQL, one quota however many
     * instances serve the caller) or {@code memory} (each instance its own: one instance only).
     */
    @WithDefault("database")
    Store store();

    enum Store {
      DATABASE,
      MEMORY
    }
  }
}
