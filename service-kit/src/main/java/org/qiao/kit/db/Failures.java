package org.qiao.kit.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a passing failure (retry) from one that will fail the same way every time: used by the
 * inbox consumer (retry or dead-letter) and by long-running jobs that resume after the database
 * comes back.
 */
public final class Failures {

  public enum Kind {
    TRANSIENT,
    PERMANENT,
    UNKNOWN
  }

  private Failures() {}

  public static Kind classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientException
          || t instanceof ConnectException
          || t instanceof TimeoutException
          || t instanceof jakarta.persistence.LockTimeoutException
          || t instanceof jakarta.persistence.PessimisticLockException
          || t instanceof jakarta.persistence.OptimisticLockException
          || t instanceof jakarta.transaction.RollbackException) {
        return Kind.TRANSIENT;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state == null || state.length() < 2) {
          // Pool acquisition timeouts and driver-side I/O trouble carry no SQLState.
          return Kind.TRANSIENT;
        }
        String sqlClass = state.substring(0, 2);
        switch (sqlClass) {
          // connection, transaction rollback (serialization, deadlock), resources, operator
          case "08", "40", "53", "57", "58" -> {
            return Kind.TRANSIENT;
          }
          // data exception: the same data fails again. (Integrity violations, class 23, may
          // come from a race or from events arriving out of order: they stay UNKNOWN and retry.)
          case "22" -> {
            return Kind.PERMANENT;
          }
          default -> {}
        }
      }
    }
    return Kind.UNKNOWN;
  }
}
