package org.qiao.kit.db;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;

/** Work that must wait until the current transaction is over (committed or not). */
public final class AfterCompletion {

  private AfterCompletion() {}

  /** Calls {@code then} with whether the current transaction committed, once it completed. */
  public static void register(TransactionSynchronizationRegistry registry, Consumer<Boolean> then) {
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            then.accept(status == Status.STATUS_COMMITTED);
          }
        });
  }
}
