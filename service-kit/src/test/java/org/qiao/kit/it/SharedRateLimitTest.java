package org.qiao.kit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.qiao.kit.guard.GuardConfig;
import org.qiao.kit.guard.RateLimiter;

/**
 * A caller's quota holds for the whole service (issue 20): a second instance's limiter, over the
 * same database, spends the same bucket as this instance's.
 */
@QuarkusTest
class SharedRateLimitTest {

  @Inject RateLimiter thisInstance;
  @Inject GuardConfig config;
  @Inject DataSource dataSource;

  @Test
  void twoInstancesSpendOneQuota() {
    RateLimiter otherInstance = new RateLimiter(config.rateLimit(), dataSource);
    String caller = "enterprise|org:" + UUID.randomUUID();

    assertTrue(thisInstance.consume(caller, 3).allowed());
    assertTrue(otherInstance.consume(caller, 3).allowed());
    RateLimiter.Decision third = thisInstance.consume(caller, 3);
    assertTrue(third.allowed());
    assertEquals(0, third.remaining());

    RateLimiter.Decision refused = otherInstance.consume(caller, 3);
    assertFalse(refused.allowed(), "the other instance saw the three requests this one took");
    assertTrue(refused.retryAfterSeconds() >= 1);
    assertFalse(thisInstance.consume(caller, 3).allowed());
    // Another caller is not held back.
    assertTrue(otherInstance.consume(caller + "-b", 3).allowed());
  }
}
