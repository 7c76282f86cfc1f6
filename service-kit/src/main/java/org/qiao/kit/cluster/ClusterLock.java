package org.qiao.kit.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.qiao.kit.ids.Digests;

/**
 * A PostgreSQL session advisory lock that one instance of a service holds at a time, on a
 * connection of its own: the holder runs a job that must run once however many instances there are
 * (a schedule, the ranking watcher). The holder keeps it until it stops or its connection dies
 * (PostgreSQL releases a dead session's locks), and then another instance takes it at its next
 * {@link #holds()}. No lease times to tune and no clock to trust.
 */
public final class ClusterLock implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ClusterLock.class);

  private final DataSource dataSource;
  private final String name;
  private final long key;
  private Connection held;

  ClusterLock(DataSource dataSource, String name) {
    this.dataSource = dataSource;
    this.name = name;
    this.key = keyOf(name);
  }

  /** The lock's 64-bit advisory key: from the name, stable across instances and releases. */
  static long keyOf(String name) {
    return java.nio.ByteBuffer.wrap(Digests.sha256(name.getBytes(StandardCharsets.UTF_8)))
        .getLong();
  }

  public String name() {
    return name;
  }

  /**
   * Whether this instance holds the lock now: true while the connection that took it is alive, else
   * it tries to take it (false when another instance holds it or the database is away).
   */
  public synchronized boolean holds() {
    if (held != null) {
      try {
        if (held.isValid(2)) {
          return true;
        }
      } catch (SQLException e) {
        // treated as lost below
      }
      LOG.warnf("Lost the cluster lock %s with its connection", name);
      closeQuietly();
    }
    Connection c = null;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(true);
      try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
        s.setLong(1, key);
        try (ResultSet r = s.executeQuery()) {
          if (r.next() && r.getBoolean(1)) {
            held = c;
            LOG.infof("This instance now holds the cluster lock %s", name);
            return true;
          }
        }
      }
    } catch (SQLException e) {
      LOG.debugf("Cannot try the cluster lock %s: %s", name, e.getMessage());
    }
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // nothing held on it
      }
    }
    return false;
  }

  /** Gives the lock up (closing its connection releases it), for another instance to take. */
  @Override
  public synchronized void close() {
    if (held != null) {
      try (PreparedStatement s = held.prepareStatement("select pg_advisory_unlock(?)")) {
        s.setLong(1, key);
        s.execute();
      } catch (SQLException e) {
        // the connection's end releases it anyway
      }
      closeQuietly();
    }
  }

  private void closeQuietly() {
    try {
      held.close();
    } catch (SQLException e) {
      // already gone
    }
    held = null;
  }
}
