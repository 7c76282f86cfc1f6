package org.qiao.matching.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.qiao.kit.cluster.ClusterLock;
import org.qiao.kit.cluster.ClusterLocks;
import org.qiao.kit.time.ChinaTime;
import org.qiao.matching.config.IndexConfig;
import org.qiao.matching.domain.DemandView;
import org.qiao.matching.domain.SkillVocabulary;
import org.qiao.matching.domain.ranking.Degree;
import org.qiao.matching.domain.ranking.DemandIndex;
import org.qiao.matching.domain.ranking.OpenDemand;
import org.qiao.matching.domain.ranking.Profile;
import org.qiao.matching.domain.ranking.ProfileIndex;

/**
 * The in-memory indexes ranking reads, one full copy per instance (ADR 0010): built from this
 * service's database at start, then following the tables through their change log ({@code
 * read_model_change}, appended by trigger in the transaction of each change): every {@code
 * follow-interval} the instance reads the rows it has not seen and reloads the students and demands
 * they name, all in one repeatable-read snapshot. So every instance serves what the tables say
 * within that interval, whichever instance's consumer wrote them, and a query never sees a change
 * that rolled back. A rebuild reads a snapshot and follows from that snapshot's position.
 */
@ApplicationScoped
public class RankingIndexes {

  private static final Logger LOG = Logger.getLogger(RankingIndexes.class);

  /** Rows of the change log read at a time (one page's students are reloaded together). */
  static final int PAGE = 5_000;

  private static final String PROFILE_COLUMNS =
      "select student_id, institution_code, major_code, degree, graduation_year,"
          + " array(select jsonb_array_elements_text(preferred_cities)),"
          + " array(select e ->> 'key' from jsonb_array_elements(skills) e)"
          + " from student_profile";

  private final DataSource dataSource;
  private final SkillVocabulary vocabulary;
  private final Clock clock;
  private final IndexConfig config;
  private final ClusterLock trimming;
  private final Timer rebuildTime;

  /** This run's follower id: positions of instances that stopped are not waited for. */
  private final UUID instanceId = UUID.randomUUID();

  private volatile ProfileIndex profiles = ProfileIndex.build(List.of());
  private final DemandIndex demands = new DemandIndex();

  /** Open demands by id: what the ranking watcher recomputes. */
  private final Map<UUID, OpenDemand> openDemands = new ConcurrentHashMap<>();

  /** Held while reading the log or rebuilding: the two never interleave. */
  private final Object following = new Object();

  /** The xmin followed to: rows with a smaller tx were all read (guarded by {@link #following}). */
  private long position = -1;

  /** Rows at or above the position already applied, seq → tx (guarded by {@link #following}). */
  private final Map<Long, Long> seenAbove = new HashMap<>();

  private Instant lastReport = Instant.EPOCH;
  private volatile Instant lastFollowed = Instant.EPOCH;

  private final Object changes = new Object();

  /** Students and demands changed since the watcher last asked (guarded by {@link #changes}). */
  private Map<String, Profile> changedStudents = new HashMap<>();

  private Set<UUID> changedDemands = new HashSet<>();
  private long builds;

  private ScheduledExecutorService follower;

  /**
   * What changed in the indexes since the last {@link #drainChanges()}: the students (with the
   * profile they now have; null when removed or hidden) and the demands whose entry changed; {@code
   * builds} counts rebuilds so far.
   */
  public record Changes(Map<String, Profile> students, Set<UUID> demands, long builds) {
    public boolean isEmpty() {
      return students.isEmpty() && demands.isEmpty();
    }
  }

  RankingIndexes(
      DataSource dataSource,
      SkillVocabulary vocabulary,
      Clock clock,
      IndexConfig config,
      ClusterLocks locks,
      MeterRegistry registry) {
    this.dataSource = dataSource;
    this.vocabulary = vocabulary;
    this.clock = clock;
    this.config = config;
    this.trimming = locks.lock("index-log-trim");
    this.rebuildTime = registry.timer("qiao.matching.index.rebuild");
    Gauge.builder("qiao.matching.index.profiles", this, i -> i.profiles.size())
        .description("students in this instance's ranking index")
        .register(registry);
    Gauge.builder("qiao.matching.index.open.demands", this, i -> i.openDemands.size())
        .description("open demands in this instance's ranking index")
        .register(registry);
    Gauge.builder(
            "qiao.matching.index.follow.age",
            this,
            i -> Duration.between(i.lastFollowed, Instant.now()).toMillis() / 1000.0)
        .description("seconds since this instance last read the change log")
        .baseUnit("seconds")
        .register(registry);
  }

  void onStart(@Observes StartupEvent event) {
    rebuild();
    follower =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "index-follower");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, config.followInterval().toMillis());
    follower.scheduleWithFixedDelay(this::followSafely, every, every, TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (follower != null) {
      follower.shutdownNow();
    }
  }

  public ProfileIndex profiles() {
    return profiles;
  }

  public DemandIndex demands() {
    return demands;
  }

  public Map<UUID, OpenDemand> openDemands() {
    return Map.copyOf(openDemands);
  }

  /** Whether the student changed again since the watcher last asked. */
  public boolean changedSinceDrain(String studentId) {
    synchronized (changes) {
      return changedStudents.containsKey(studentId);
    }
  }

  /**
   * Hands the ranking watcher what changed since it last asked, and starts a new record. Every
   * change it names is already in the served index.
   */
  public Changes drainChanges() {
    synchronized (changes) {
      Changes drained = new Changes(changedStudents, changedDemands, builds);
      changedStudents = new HashMap<>();
      changedDemands = new HashSet<>();
      return drained;
    }
  }

  /**
   * Rebuilds when replaced and removed students hold many slots (the index appends a changed
   * student and retires the old slot; only a build reclaims them). Called by the ranking watcher.
   */
  public void compactIfWasteful() {
    ProfileIndex current = profiles;
    if (current.slotCount() > 10_000 && current.slotCount() > current.size() * 3L / 2) {
      LOG.infof(
          "ranking index holds %d slots for %d students: rebuilding",
          current.slotCount(), current.size());
      rebuild();
    }
  }

  private void followSafely() {
    try {
      follow();
    } catch (RuntimeException e) {
      LOG.warnf("Following the read models failed; trying again: %s", e.toString());
    }
  }

  /**
   * Reads the change log from the position on and applies what it names; returns how many rows it
   * applied. Public for tests that must see a change before they go on.
   */
  public int follow() {
    synchronized (following) {
      if (position < 0 || silentTooLong()) {
        rebuild();
      }
      int applied = 0;
      long xmin;
      Map<String, Profile> students = new LinkedHashMap<>();
      Set<String> hired = new HashSet<>();
      Set<UUID> demandIds = new LinkedHashSet<>();
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        xmin = snapshotXmin(c);
        long after = -1;
        while (true) {
          Set<String> studentIds = new LinkedHashSet<>();
          int read = 0;
          try (PreparedStatement s =
              c.prepareStatement(
                  "select seq, tx::text::bigint, kind, ref from read_model_change"
                      + " where tx >= ?::text::xid8 and seq > ? order by seq limit "
                      + PAGE)) {
            s.setString(1, Long.toString(position));
            s.setLong(2, after);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                read++;
                long seq = r.getLong(1);
                after = seq;
                if (seenAbove.containsKey(seq)) {
                  continue;
                }
                seenAbove.put(seq, r.getLong(2));
                applied++;
                if ("demand".equals(r.getString(3))) {
                  demandIds.add(UUID.fromString(r.getString(4)));
                } else {
                  studentIds.add(r.getString(4));
                }
              }
            }
          }
          if (!studentIds.isEmpty()) {
            Map<String, Profile> loaded = loadProfiles(c, studentIds);
            for (String id : studentIds) {
              students.put(id, loaded.get(id));
            }
            hired.addAll(loadHired(c, studentIds));
          }
          if (read < PAGE) {
            break;
          }
        }
        c.commit();
        // Back to the pool as it came: autocommit, read committed.
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the read-model change log", e);
      }
      Map<UUID, OpenDemand> loadedDemands = demandIds.isEmpty() ? Map.of() : loadDemands(demandIds);
      synchronized (changes) {
        students.forEach(
            (id, profile) -> {
              if (profile == null) {
                profiles.remove(id);
                changedStudents.put(id, null);
              } else {
                profiles.upsert(profile);
                boolean isHired = hired.contains(id);
                profiles.setHidden(id, isHired);
                changedStudents.put(id, isHired ? null : profile);
              }
            });
        for (UUID id : demandIds) {
          putDemand(id, loadedDemands.get(id));
          changedDemands.add(id);
        }
      }
      position = xmin;
      seenAbove.values().removeIf(tx -> tx < xmin);
      lastFollowed = Instant.now();
      report();
      return applied;
    }
  }

  /** A follower that could not read for longer than others wait for it may have lost rows. */
  private boolean silentTooLong() {
    return !lastFollowed.equals(Instant.EPOCH)
        && Duration.between(lastFollowed, Instant.now()).compareTo(config.followerTimeout()) > 0;
  }

  /**
   * Every report interval: this instance's position, and (on one instance) the log trimmed below
   * every live follower's position and past its retention.
   */
  private void report() {
    Instant now = Instant.now();
    if (Duration.between(lastReport, now).compareTo(config.reportInterval()) < 0) {
      return;
    }
    lastReport = now;
    try (Connection c = dataSource.getConnection()) {
      upsertPosition(c, position);
      if (trimming.holds()) {
        trimLog(c);
      }
    } catch (SQLException e) {
      LOG.debugf("Cannot report the index position: %s", e.getMessage());
    }
  }

  /** Reports this instance's position now (tests; the follower does every report interval). */
  void reportNow() {
    lastReport = Instant.EPOCH;
    report();
  }

  /** Stops holding the log back, as a stopped instance does once its timeout passed (tests). */
  void forget() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("delete from index_follower where instance_id = ?")) {
      s.setObject(1, instanceId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The xmin now: no transaction below it is still running. */
  private long currentXmin() {
    try (Connection c = dataSource.getConnection()) {
      return snapshotXmin(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database's xmin", e);
    }
  }

  /** Records (committed) that this instance still reads the log from {@code from} on. */
  private void holdLogFrom(long from) {
    try (Connection c = dataSource.getConnection()) {
      upsertPosition(c, from);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the index position", e);
    }
  }

  private void upsertPosition(Connection c, long at) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into index_follower (instance_id, position, seen_at)"
                + " values (?, ?::text::xid8, now()) on conflict (instance_id)"
                + " do update set position = excluded.position, seen_at = excluded.seen_at")) {
      s.setObject(1, instanceId);
      s.setString(2, Long.toString(at));
      s.executeUpdate();
    }
  }

  /**
   * Deletes the log rows every live follower has read, and rows past retention. A row is kept for
   * the follower timeout even then: an instance between start and its first report is not yet
   * counted (it records a lower bound before its snapshot, but not before it exists).
   */
  void trimLog(Connection c) throws SQLException {
    double timeout = config.followerTimeout().toSeconds();
    try (PreparedStatement s =
        c.prepareStatement(
            "delete from index_follower where seen_at < now() - make_interval(secs => ?)")) {
      s.setDouble(1, timeout);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "delete from read_model_change where (tx < (select position from index_follower"
                + " order by position limit 1)"
                + " and changed_at < now() - make_interval(secs => ?))"
                + " or changed_at < now() - make_interval(secs => ?)")) {
      s.setDouble(1, timeout);
      s.setDouble(2, config.logRetention().toSeconds());
      s.executeUpdate();
    }
  }

  private static long snapshotXmin(Connection c) throws SQLException {
    // The first statement fixes a repeatable-read transaction's snapshot: this is its xmin.
    try (PreparedStatement s =
            c.prepareStatement("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private void putDemand(UUID id, OpenDemand demand) {
    if (demand == null) {
      demands.remove(id);
      openDemands.remove(id);
    } else {
      demands.upsert(demand);
      openDemands.put(id, demand);
    }
  }

  /**
   * Reads every profile and open demand from one snapshot of the database into fresh indexes and
   * follows the log from that snapshot's position. If that fails, the served index stays and the
   * error goes to the caller.
   */
  public void rebuild() {
    synchronized (following) {
      long started = System.nanoTime();
      // First a committed lower bound of the snapshot's position, so that no instance trims the
      // rows this one must still read while it builds (a million profiles take tens of seconds).
      holdLogFrom(currentXmin());
      List<Profile> loaded;
      Set<String> hired;
      Map<UUID, OpenDemand> open;
      long xmin;
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        xmin = snapshotXmin(c);
        loaded = new ArrayList<>(loadProfiles(c, null).values());
        hired = loadHired(c, null);
        c.commit();
        // Back to the pool as it came: autocommit, read committed.
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the read models to build the index", e);
      }
      // Read after the snapshot, so no older than it: the log's rows replay on top harmlessly.
      open = loadOpenDemands();
      ProfileIndex built = ProfileIndex.build(loaded);
      hired.forEach(id -> built.setHidden(id, true));
      synchronized (changes) {
        profiles = built;
        openDemands.keySet().forEach(demands::remove);
        openDemands.clear();
        open.forEach(this::putDemand);
        builds++;
      }
      position = xmin;
      seenAbove.clear();
      lastFollowed = Instant.now();
      long took = System.nanoTime() - started;
      rebuildTime.record(took, TimeUnit.NANOSECONDS);
      LOG.infof(
          "ranking index built: %d profiles, %d open demands in %d ms",
          built.size(), open.size(), took / 1_000_000);
    }
  }

  /** The profiles of the given students (all when null), by id; an absent id has none. */
  private static Map<String, Profile> loadProfiles(Connection c, Collection<String> ids)
      throws SQLException {
    String only = ids == null ? "" : " where student_id = any(?)";
    Map<String, Set<String>> verified = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement("select student_id, skill_key from verified_skill" + only)) {
      bindIds(c, s, ids);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          verified.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(r.getString(2));
        }
      }
    }
    Map<String, Profile> loaded = new LinkedHashMap<>();
    // Skill keys and cities repeat across a million rows: one String each, not one per row.
    Map<String, String> shared = new HashMap<>();
    // The skill keys and cities as text arrays, taken apart by PostgreSQL: rendering each jsonb
    // as text and parsing it again with Jackson was most of a rebuild's time (issue 17).
    try (PreparedStatement s = c.prepareStatement(PROFILE_COLUMNS + only)) {
      bindIds(c, s, ids);
      s.setFetchSize(10_000);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String id = r.getString(1);
          Set<String> held = new HashSet<>();
          for (String key : (String[]) r.getArray(7).getArray()) {
            held.add(shared.computeIfAbsent(key, k -> k));
          }
          Set<String> cities = new HashSet<>();
          for (String city : (String[]) r.getArray(6).getArray()) {
            cities.add(shared.computeIfAbsent(city, k -> k));
          }
          loaded.put(
              id,
              new Profile(
                  id,
                  shared.computeIfAbsent(r.getString(2), k -> k),
                  shared.computeIfAbsent(r.getString(3), k -> k),
                  Degree.valueOf(r.getString(4)),
                  r.getInt(5),
                  cities,
                  held,
                  verified.getOrDefault(id, Set.of())));
        }
      }
    }
    return loaded;
  }

  private static void bindIds(Connection c, PreparedStatement s, Collection<String> ids)
      throws SQLException {
    if (ids != null) {
      s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
    }
  }

  /**
   * Of the given students (all when null), those out of rankings: hired, and not seeking work again
   * since ({@link Placements}).
   */
  private static Set<String> loadHired(Connection c, Collection<String> ids) throws SQLException {
    Set<String> hired = new HashSet<>();
    try (PreparedStatement s =
        c.prepareStatement(
            Placements.HIRED_STUDENTS + (ids == null ? "" : " and p.student_id = any(?)"))) {
      bindIds(c, s, ids);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          hired.add(r.getString(1));
        }
      }
    }
    return hired;
  }

  /** Few enough (open demands, not profiles) to read through the entity and its own rules. */
  private Map<UUID, OpenDemand> loadOpenDemands() {
    Map<UUID, OpenDemand> open = new HashMap<>();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (DemandView v : DemandView.<DemandView>list("status", "PUBLISHED")) {
                OpenDemand d = openOrNull(v);
                if (d != null) {
                  open.put(v.demandId, d);
                }
              }
            });
    return open;
  }

  /** The named demands that are open now; a closed or unknown one is absent. */
  private Map<UUID, OpenDemand> loadDemands(Collection<UUID> ids) {
    Map<UUID, OpenDemand> open = new HashMap<>();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (DemandView v : DemandView.<DemandView>list("demandId in ?1", ids)) {
                OpenDemand d = openOrNull(v);
                if (d != null) {
                  open.put(v.demandId, d);
                }
              }
            });
    return open;
  }

  private OpenDemand openOrNull(DemandView v) {
    return v.isOpen(ChinaTime.today(clock))
        ? new OpenDemand(v.demandId, v.enterpriseCode, v.criteria(vocabulary, null))
        : null;
  }
}
