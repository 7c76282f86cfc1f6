package org.qiao.talentdemand.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.qiao.kit.cluster.ClusterLock;
import org.qiao.kit.cluster.ClusterLocks;
import org.qiao.kit.time.ChinaTime;
import org.qiao.talentdemand.config.TalentDemandConfig;

/**
 * Expires published demands the day after their valid-through date (China time), and invitations
 * and applications unanswered in time, by itself, in batches. One instance runs it (a {@link
 * ClusterLock}); were two to, rows are locked with SKIP LOCKED and nothing expires twice.
 */
@ApplicationScoped
public class ExpiryJob {

  private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

  private final DemandService demands;
  private final ApplicationService applications;
  private final TalentDemandConfig config;
  private final Clock clock;
  private final ClusterLock once;
  private ScheduledExecutorService scheduler;

  ExpiryJob(
      DemandService demands,
      ApplicationService applications,
      TalentDemandConfig config,
      Clock clock,
      ClusterLocks locks) {
    this.once = locks.lock("demand-expiry");
    this.demands = demands;
    this.applications = applications;
    this.config = config;
    this.clock = clock;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.expiry().enabled()) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "demand-expiry"));
    long every = config.expiry().interval().toMillis();
    scheduler.scheduleWithFixedDelay(this::runSafely, every, every, TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  /** Expires everything due on {@code today}, batch by batch; returns how many it expired. */
  public int runOnce(LocalDate today) {
    int total = 0;
    int batch;
    do {
      batch = demands.expireDue(today, config.expiry().batchSize());
      total += batch;
    } while (batch == config.expiry().batchSize());
    return total;
  }

  /** Expires every invitation and application unanswered by {@code now}; returns how many. */
  public int expireApplications(Instant now) {
    int total = 0;
    int batch;
    do {
      batch = applications.expireDue(now, config.expiry().batchSize());
      total += batch;
    } while (batch == config.expiry().batchSize());
    return total;
  }

  private void runSafely() {
    try {
      if (!once.holds()) {
        return;
      }
      int expired = runOnce(ChinaTime.today(clock));
      if (expired > 0) {
        LOG.infof("Expired %d demands", expired);
      }
      int applicationsExpired = expireApplications(clock.instant());
      if (applicationsExpired > 0) {
        LOG.infof("Expired %d invitations and applications", applicationsExpired);
      }
    } catch (RuntimeException e) {
      LOG.warn("Demand expiry failed; retrying at the next run", e);
    }
  }
}
