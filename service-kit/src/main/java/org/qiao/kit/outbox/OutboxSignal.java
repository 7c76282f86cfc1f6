package org.qiao.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells the relay that this instance committed events, so it sends them at once instead of at its
 * next poll; the poll remains for rows committed by other instances of the service.
 */
@ApplicationScoped
public class OutboxSignal {

  private final Semaphore committed = new Semaphore(0);

  /** Called after a transaction that recorded events committed. */
  void committed() {
    // One pending permit is enough to wake the relay; more would only spin it.
    if (committed.availablePermits() == 0) {
      committed.release();
    }
  }

  /** Waits until events were committed or {@code timeout} passed. */
  void await(Duration timeout) throws InterruptedException {
    if (committed.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      committed.drainPermits();
    }
  }
}
