package org.qiao.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End-to-end lag beside a load run: every {@code interval} it creates a demand on
 * talent-demand-service and polls matching-service until it is readable there, recording the time
 * from the 201 to the first 200 (outbox relay, Kafka, matching's consumer and commit).
 */
final class LagProbe {

  /** A demand not in matching-service after this long counts as missing, not as a lag. */
  private static final long GIVE_UP_MS = 30_000;

  /**
   * Each pending demand is polled every 20 ms times the number pending, so that matching-service
   * sees at most 50 probe reads a second however long the lag grows (coarser resolution then).
   */
  private static final long POLL_MS = 20;

  record Result(List<Long> lagsMs, int missing, int failed) {
    long percentile(double p) {
      if (lagsMs.isEmpty()) {
        return 0;
      }
      int rank = (int) Math.ceil(p / 100.0 * lagsMs.size());
      return lagsMs.get(Math.max(0, Math.min(lagsMs.size() - 1, rank - 1)));
    }

    long max() {
      return lagsMs.isEmpty() ? 0 : lagsMs.get(lagsMs.size() - 1);
    }

    String summary() {
      return String.format(
          "lag (%d demands): p50 %d ms, p95 %d ms, p99 %d ms, max %d ms; missing %d, failed %d",
          lagsMs.size(), percentile(50), percentile(95), percentile(99), max(), missing, failed);
    }
  }

  private final Platform platform;
  private final long intervalMs;
  private final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger missing = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicInteger pending = new AtomicInteger();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  // Several probes can be in flight when the lag exceeds the interval.
  private final ExecutorService probes = Executors.newCachedThreadPool();

  LagProbe(Platform platform, long intervalMs) {
    this.platform = platform;
    this.intervalMs = intervalMs;
  }

  void start() {
    ticker.scheduleAtFixedRate(
        () -> probes.submit(this::probeOne), 0, intervalMs, TimeUnit.MILLISECONDS);
  }

  /** Stops creating demands and waits for those in flight to arrive (or to be given up). */
  Result stop() throws InterruptedException {
    ticker.shutdownNow();
    ticker.awaitTermination(5, TimeUnit.SECONDS);
    probes.shutdown();
    if (!probes.awaitTermination(GIVE_UP_MS + 15_000, TimeUnit.MILLISECONDS)) {
      probes.shutdownNow();
    }
    List<Long> sorted = new ArrayList<>(lags);
    Collections.sort(sorted);
    return new Result(sorted, missing.get(), failed.get());
  }

  private void probeOne() {
    String id;
    try {
      id = platform.createDemand("端到端探针 " + sequence.incrementAndGet());
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      return;
    }
    long created = System.nanoTime();
    pending.incrementAndGet();
    try {
      while (true) {
        if (platform.matchingHas(id)) {
          lags.add((System.nanoTime() - created) / 1_000_000);
          return;
        }
        if ((System.nanoTime() - created) / 1_000_000 > GIVE_UP_MS) {
          missing.incrementAndGet();
          return;
        }
        Thread.sleep(POLL_MS * Math.max(1, pending.get()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      missing.incrementAndGet();
    } catch (RuntimeException e) {
      failed.incrementAndGet();
    } finally {
      pending.decrementAndGet();
    }
  }
}
