package org.qiao.kit.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/** Tells a passing failure (retry) from one that will fail the same way every time. */
final class Failures {

  enum Kind {
    TRANSIENT,
    PERMANENT,
    UNKNOWN
  }

  private Failures() {}

  static Kind classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientException
          || t instanceof ConnectException
          || t instanceof TimeoutException
          || t instanceof jakarta.persistence.LockTimeoutException
          || t instanceof jakarta.persistence.PessimisticLockException
          || t instanceof jakarta.persistence.OptimisticLockException) {
        return Kind.TRANSIENT;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String sqlClass = sql.getSQLState().substring(0, 2);
        switch (sqlClass) {
          // connection, transaction rollback (serialization, deadlock), resources, operator
          case "08", "40", "53", "57", "58" -> {
            return Kind.TRANSIENT;
          }
          // data exception, integrity constraint violation: the same data fails again
          case "22", "23" -> {
            return Kind.PERMANENT;
          }
          default -> {}
        }
      }
    }
    return Kind.UNKNOWN;
  }

  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
