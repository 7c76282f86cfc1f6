package org.qiao.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.function.Function;

/**
 * The shape every simulation shares: a closed workload of a fixed number of virtual users, each
 * with its own HTTP/1.1 keep-alive connection to 127.0.0.1, sending its next request as soon as the
 * previous one is answered (like {@code wrk -c N}). A warm-up (JIT, pools) runs first under its own
 * request name, so it is reported apart from the measured window.
 *
 * <p>Parameters (system properties): {@code qiao.load.users} (default 8), {@code qiao.load.warmup}
 * and {@code qiao.load.duration} in seconds (default 10 and 30).
 */
record ClosedLoad(int users, Duration warmup, Duration duration) {

  static final String WARM_UP = "warm-up";

  static ClosedLoad fromSystemProperties() {
    return new ClosedLoad(
        Integer.getInteger("qiao.load.users", 8),
        Duration.ofSeconds(Long.getLong("qiao.load.warmup", 10)),
        Duration.ofSeconds(Long.getLong("qiao.load.duration", 30)));
  }

  /** {@code step} builds the request under a given name: once for warm-up, once measured. */
  PopulationBuilder population(String name, Function<String, ChainBuilder> step) {
    return scenario(name)
        .during(warmup)
        .on(step.apply(WARM_UP))
        .during(duration)
        .on(step.apply(name))
        .injectOpen(atOnceUsers(users));
  }

  /** A hard bound on the run, whatever the platform does. */
  Duration maxDuration() {
    return warmup.plus(duration).plusSeconds(60);
  }

  static HttpProtocolBuilder protocol(String baseUrl, String token) {
    return http.baseUrl(baseUrl)
        .header("Authorization", "Bearer " + token)
        .acceptHeader("application/json")
        // Loopback only: no warm-up request to an outside URL.
        .disableWarmUp();
  }
}
