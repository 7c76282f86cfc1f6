package org.qiao.matching.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.qiao.kit.cluster.ClusterLock;
import org.qiao.kit.cluster.ClusterLocks;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.ids.Digests;
import org.qiao.kit.outbox.Outbox;
import org.qiao.matching.config.RankingWatchConfig;
import org.qiao.matching.domain.ranking.MatchScoring;
import org.qiao.matching.domain.ranking.OpenDemand;
import org.qiao.matching.domain.ranking.TopWatch;

/**
 * Watches the top 10 of every open demand and announces a change once ({@code
 * qiao.demand-ranking.changed.v1}): after the indexes changed, the tops the changes can reach are
 * brought up to date ({@link TopWatch}: ranked again or merged, never all demands for one changed
 * student) and compared with the last announced top 10 stored in {@code demand_top_matches}. The
 * row is locked while compared, so were two instances to watch, they would still announce a change
 * once; only the instance holding the watcher's {@link ClusterLock} watches, to save the CPU.
 */
@ApplicationScoped
public class DemandRankings {

  public static final String CHANGED = "qiao.demand-ranking.changed.v1";
  private static final Logger LOG = Logger.getLogger(DemandRankings.class);
  private static final TypeReference<List<Ranked>> RANKED = new TypeReference<>() {};

  /** One place of a top 10, as announced. */
  public record Ranked(int rank, String studentId, int points, double score) {}

  record Changed(
      UUID demandId,
      String enterpriseCode,
      int maxPoints,
      List<Ranked> top,
      List<String> entered,
      List<String> left,
      java.time.Instant computedAt) {}

  private final RankingIndexes indexes;
  private final RankingWatchConfig config;
  private final EntityManager em;
  private final Outbox outbox;
  private final Clock clock;
  private final ClusterLock leader;
  private final ObjectMapper json = EventCodec.mapper();

  /** What this instance last saw announced, to skip the database when nothing moved. */
  private final Map<UUID, String> known = new ConcurrentHashMap<>();

  private ScheduledExecutorService scheduler;

  /** The watched tops, owned by the watcher thread. */
  private final TopWatch watch;

  private long seenBuilds = -1;
  private boolean watchedOnce;

  DemandRankings(
      RankingIndexes indexes,
      RankingWatchConfig config,
      EntityManager em,
      Outbox outbox,
      Clock clock,
      ClusterLocks locks) {
    this.leader = locks.lock("ranking-watch");
    this.indexes = indexes;
    this.config = config;
    this.em = em;
    this.outbox = outbox;
    this.clock = clock;
    this.watch = new TopWatch(config.size());
  }

  void onStart(@Observes StartupEvent event) {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "demand-rankings"));
    long every = config.interval().toMillis();
    scheduler.scheduleWithFixedDelay(this::watchSafely, every, every, TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  private void watchSafely() {
    try {
      indexes.compactIfWasteful();
      RankingIndexes.Changes changes = indexes.drainChanges();
      // Every instance's index follows the tables; one instance watches and announces (ADR 0010).
      // Another takes over when it stops, ranking every demand again first: its tops were not kept.
      if (!leader.holds()) {
        // What this instance announced may since have been superseded by another's
        // announcements: if it leads again, it compares with the stored tops afresh.
        watchedOnce = false;
        known.clear();
        return;
      }
      if (changes.builds() == 0) {
        return; // the first build still reads the database: nothing to rank against yet
      }
      // After a rebuild every demand is ranked again: the index now says what the database says,
      // whatever the served one held (and a rebuilt demand index has no entry bars).
      boolean everything = !watchedOnce || changes.builds() != seenBuilds;
      if (!everything && changes.isEmpty()) {
        return;
      }
      // Not yet "watched once" until this run went through: a failure below makes the next run
      // rank every demand again and compare each with what was announced, losing nothing.
      watchedOnce = false;
      long started = System.nanoTime();
      Map<UUID, OpenDemand> open = indexes.openDemands();
      Map<UUID, List<TopWatch.Place>> touched =
          watch.update(
              indexes.profiles(),
              indexes.demands(),
              open,
              changes.students(),
              changes.demands(),
              student -> !indexes.changedSinceDrain(student),
              everything);
      known.keySet().retainAll(open.keySet());
      for (var entry : touched.entrySet()) {
        OpenDemand d = open.get(entry.getKey());
        int max = d.criteria().maxPoints();
        List<Ranked> ranked = new ArrayList<>();
        for (TopWatch.Place p : entry.getValue()) {
          ranked.add(
              new Ranked(
                  ranked.size() + 1,
                  p.studentId(),
                  p.points(),
                  MatchScoring.percent(p.points(), max)));
        }
        String digest = digest(ranked);
        if (d.enterpriseCode() != null && !digest.equals(known.get(d.demandId()))) {
          self().announce(d, max, ranked, digest);
          known.put(d.demandId(), digest);
        }
      }
      seenBuilds = changes.builds();
      watchedOnce = true;
      if (everything) {
        // Rare (start, rebuild, after a failure) and costly: ~1 s of CPU per 1,000 open demands.
        LOG.infof(
            "ranked every open demand: %d in %d ms",
            open.size(), (System.nanoTime() - started) / 1_000_000);
      }
    } catch (RuntimeException e) {
      LOG.warn("recomputing demand rankings failed; every demand is ranked at the next run", e);
    }
  }

  private DemandRankings self() {
    return jakarta.enterprise.inject.spi.CDI.current().select(DemandRankings.class).get();
  }

  /** Stores and announces a top 10 unless it is the one last announced. */
  @Transactional
  public void announce(OpenDemand demand, int maxPoints, List<Ranked> top, String digest) {
    em.createNativeQuery(
            "insert into demand_top_matches (demand_id, digest, students, computed_at)"
                + " values (?1, '', cast('[]' as jsonb), ?2) on conflict do nothing")
        .setParameter(1, demand.demandId())
        .setParameter(2, clock.instant())
        .executeUpdate();
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select digest, cast(students as text) from demand_top_matches"
                        + " where demand_id = ?1 for update")
                .setParameter(1, demand.demandId())
                .getSingleResult();
    if (digest.equals(row[0])) {
      return;
    }
    List<Ranked> before = read((String) row[1]);
    Set<String> was = new HashSet<>(before.stream().map(Ranked::studentId).toList());
    Set<String> is = new HashSet<>(top.stream().map(Ranked::studentId).toList());
    em.createNativeQuery(
            "update demand_top_matches set digest = ?2, students = cast(?3 as jsonb),"
                + " computed_at = ?4 where demand_id = ?1")
        .setParameter(1, demand.demandId())
        .setParameter(2, digest)
        .setParameter(3, write(top))
        .setParameter(4, clock.instant())
        .executeUpdate();
    if (before.isEmpty() && top.isEmpty()) {
      return; // a new demand nobody matches yet: nothing to tell subscribers
    }
    outbox.record(
        "DemandRanking",
        demand.demandId(),
        CHANGED,
        new Changed(
            demand.demandId(),
            demand.enterpriseCode(),
            maxPoints,
            top,
            top.stream().map(Ranked::studentId).filter(s -> !was.contains(s)).toList(),
            before.stream().map(Ranked::studentId).filter(s -> !is.contains(s)).toList(),
            clock.instant()));
  }

  private static String digest(List<Ranked> top) {
    StringBuilder b = new StringBuilder();
    top.forEach(r -> b.append(r.studentId()).append(':').append(r.points()).append(';'));
    return Digests.sha256Hex(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private List<Ranked> read(String text) {
    try {
      return json.readValue(text, RANKED);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(List<Ranked> top) {
    try {
      return json.writeValueAsString(top);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
