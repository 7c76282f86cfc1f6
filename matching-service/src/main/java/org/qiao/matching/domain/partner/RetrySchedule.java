package org.qiao.matching.domain.partner;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, each
 * stretched or shrunk by up to 20 % so that endpoints that failed together are not all retried
 * together. After the last, the subscription is disabled.
 */
public final class RetrySchedule {

  public static final List<Duration> DELAYS =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10));

  private static final double JITTER = 0.2;

  private RetrySchedule() {}

  /**
   * The wait after the {@code failedAttempts}-th failed attempt of a message (1 = the first try
   * failed); empty when no attempt is left.
   */
  public static Optional<Duration> delayAfter(int failedAttempts, RandomGenerator random) {
    if (failedAttempts < 1 || failedAttempts > DELAYS.size()) {
      return Optional.empty();
    }
    Duration base = DELAYS.get(failedAttempts - 1);
    double factor = 1 + JITTER * (2 * random.nextDouble() - 1);
    return Optional.of(Duration.ofMillis(Math.round(base.toMillis() * factor)));
  }

  /** Attempts in all before a subscription is disabled: the first and one per delay. */
  public static int maxAttempts() {
    return DELAYS.size() + 1;
  }
}
