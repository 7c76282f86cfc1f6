package org.qiao.kit.cluster;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The service's {@link ClusterLock}s by name, one per job that must run once across instances;
 * released when the service stops, so another instance takes over at once rather than when the
 * connection times out.
 */
@ApplicationScoped
public class ClusterLocks {

  private final DataSource dataSource;
  private final Map<String, ClusterLock> locks = new ConcurrentHashMap<>();

  ClusterLocks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The lock of the named job (the same object for the same name). */
  public ClusterLock lock(String job) {
    return locks.computeIfAbsent(job, n -> new ClusterLock(dataSource, "qiao.job." + n));
  }

  void onStop(@Observes ShutdownEvent event) {
    locks.values().forEach(ClusterLock::close);
  }
}
