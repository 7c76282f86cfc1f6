package org.qiao.kit.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.qiao.kit.cluster.ClusterLock;
import org.qiao.kit.cluster.ClusterLocks;

/**
 * A job that must run once across instances (issue 20): one instance holds its lock until it lets
 * go or its session ends, then another takes it; an instance's own lock tells the others it runs.
 */
@QuarkusTest
class ClusterLockTest {

  @Inject DataSource dataSource;
  @Inject ClusterLocks thisInstance;

  @Test
  void oneInstanceHoldsAJobsLockUntilItLetsGo() {
    String job = "test-job-" + UUID.randomUUID();
    ClusterLocks otherInstance = new ClusterLocks(dataSource);
    ClusterLock mine = thisInstance.lock(job);
    ClusterLock theirs = otherInstance.lock(job);

    assertTrue(mine.holds());
    assertTrue(mine.holds(), "kept, not taken again");
    assertFalse(theirs.holds(), "another instance cannot take it meanwhile");

    mine.close(); // this instance stops
    assertTrue(theirs.holds(), "the other takes it at its next try");
    assertFalse(mine.holds());
    theirs.close();
  }

  @Test
  void anInstanceRunsWhileItHoldsItsOwnLock() {
    ClusterLocks otherInstance = new ClusterLocks(dataSource);
    assertFalse(thisInstance.isRunning(otherInstance.instanceId()), "not started yet");
    assertTrue(otherInstance.holdInstanceLock());
    assertTrue(thisInstance.isRunning(otherInstance.instanceId()));
    assertFalse(thisInstance.isRunning(UUID.randomUUID()));

    otherInstance.releaseAll(); // it stopped
    assertFalse(thisInstance.isRunning(otherInstance.instanceId()));
  }
}
