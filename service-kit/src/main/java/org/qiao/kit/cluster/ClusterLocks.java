package org.qiao.kit.cluster;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The service's {@link ClusterLock}s by name, one per job that must run once across instances;
 * released when the service stops, so another instance takes over at once rather than when the
 * connection times out. Also this instance's own lock, held while it runs: work it owns (an import
 * job, its upload files) is another instance's to clean up only once that lock is free.
 */
@ApplicationScoped
public class ClusterLocks {

  private final DataSource dataSource;
  private final Map<String, ClusterLock> locks = new ConcurrentHashMap<>();
  private final UUID instanceId = UUID.randomUUID();

  /** A service's locks over its database (tests build a second instance's with it). */
  public ClusterLocks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The lock of the named job (the same object for the same name). */
  public ClusterLock lock(String job) {
    return locks.computeIfAbsent(job, n -> new ClusterLock(dataSource, "qiao.job." + n));
  }

  /** This run of the service: a new id at each start. */
  public UUID instanceId() {
    return instanceId;
  }

  /** Takes (or checks) this instance's own lock; true while held. */
  public boolean holdInstanceLock() {
    return locks
        .computeIfAbsent(instanceName(instanceId), n -> new ClusterLock(dataSource, n))
        .holds();
  }

  /**
   * Whether the instance still runs (holds its lock), as PostgreSQL's lock table says; an instance
   * whose process or connection died holds nothing.
   *
   * @throws IllegalStateException when the database cannot say
   */
  public boolean isRunning(UUID instance) {
    long key = ClusterLock.keyOf(instanceName(instance));
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select exists (select 1 from pg_locks where locktype = 'advisory'"
                    + " and objsubid = 1 and classid::bigint = ? and objid::bigint = ?"
                    + " and database = (select oid from pg_database"
                    + " where datname = current_database()))")) {
      // A bigint key shows as its high half in classid and its low half in objid (both oids).
      s.setLong(1, key >>> 32);
      s.setLong(2, key & 0xFFFF_FFFFL);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read PostgreSQL's lock table", e);
    }
  }

  private static String instanceName(UUID instance) {
    return "qiao.instance." + instance;
  }

  void onStop(@Observes ShutdownEvent event) {
    releaseAll();
  }

  /** Lets every lock go, as a stopping instance does. */
  public void releaseAll() {
    locks.values().forEach(ClusterLock::close);
  }
}
