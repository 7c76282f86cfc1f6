package org.qiao.matching.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.qiao.kit.db.AfterCompletion;
import org.qiao.kit.time.ChinaTime;
import org.qiao.matching.domain.DemandView;
import org.qiao.matching.domain.SkillVocabulary;
import org.qiao.matching.domain.ranking.Degree;
import org.qiao.matching.domain.ranking.DemandIndex;
import org.qiao.matching.domain.ranking.OpenDemand;
import org.qiao.matching.domain.ranking.Profile;
import org.qiao.matching.domain.ranking.ProfileIndex;

/**
 * The in-memory indexes ranking reads: built from this service's database at start, then kept in
 * step by every committed read-model change (applied after its transaction commits, so a query
 * never sees what a rolled-back event did). Changes committed while the build reads the database
 * are queued and applied after it, in commit order, so none is lost between snapshot and index.
 */
@ApplicationScoped
public class RankingIndexes {

  private static final Logger LOG = Logger.getLogger(RankingIndexes.class);

  private final DataSource dataSource;
  private final TransactionSynchronizationRegistry transactions;
  private final SkillVocabulary vocabulary;
  private final Clock clock;

  private volatile ProfileIndex profiles = ProfileIndex.build(List.of());
  private final DemandIndex demands = new DemandIndex();

  /** Open demands by id: what the ranking watcher recomputes. */
  private final Map<UUID, OpenDemand> openDemands = new ConcurrentHashMap<>();

  private final Object changes = new Object();
  private List<Runnable> queuedDuringBuild;

  /** Students and demands changed since the watcher last asked (guarded by {@link #changes}). */
  private Map<String, Profile> changedStudents = new HashMap<>();

  private Set<UUID> changedDemands = new HashSet<>();
  private long builds;

  /**
   * What changed in the indexes since the last {@link #drainChanges()}: the students (with the
   * profile they were last upserted with; null when only hidden, shown or removed since) and the
   * demands whose entry changed; {@code builds} counts rebuilds so far.
   */
  public record Changes(Map<String, Profile> students, Set<UUID> demands, long builds) {
    public boolean isEmpty() {
      return students.isEmpty() && demands.isEmpty();
    }
  }

  RankingIndexes(
      DataSource dataSource,
      TransactionSynchronizationRegistry transactions,
      SkillVocabulary vocabulary,
      Clock clock) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.vocabulary = vocabulary;
    this.clock = clock;
  }

  void onStart(@Observes StartupEvent event) {
    rebuild();
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

  /** After the current transaction commits: the student's profile is this. */
  public void studentChanged(Profile profile) {
    afterCommit(
        () -> profiles.upsert(profile),
        () -> changedStudents.put(profile.studentId(), profile),
        null);
  }

  /**
   * After the current transaction commits: the student is (hidden, hired) or is no longer (ranked
   * again) out of every ranking and diagnosis. The state is what the tables say ({@link
   * Placements#isHired}), so a rebuild reads the same.
   */
  public void studentHiredChanged(String studentId, boolean hired) {
    afterCommit(
        () -> profiles.setHidden(studentId, hired),
        () -> changedStudents.putIfAbsent(studentId, null), // a profile noted before still holds
        null);
  }

  /** After the current transaction commits: the student is gone from every result. */
  public void studentForgotten(String studentId) {
    afterCommit(() -> profiles.remove(studentId), () -> changedStudents.put(studentId, null), null);
  }

  /** After the current transaction commits: the demand is open as this, or no longer open. */
  public void demandChanged(DemandView view) {
    boolean open = view.isOpen(ChinaTime.today(clock));
    OpenDemand demand =
        open
            ? new OpenDemand(view.demandId, view.enterpriseCode, view.criteria(vocabulary, null))
            : null;
    UUID id = view.demandId;
    afterCommit(() -> putDemand(id, demand), null, id);
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

  /** One index change, applied after its transaction commits. */
  private record Pending(Runnable change, Runnable noteStudent, UUID demandId) {}

  private static final Object PENDING = new Object();

  /**
   * Queues the change for after the commit, in the order the transaction made it: one callback per
   * transaction applies them all in that order (a poll's profile, then its forget, must not reach
   * the index the other way round; the transaction manager does not promise to call separate
   * callbacks in registration order).
   */
  private void afterCommit(Runnable change, Runnable noteStudent, UUID demandId) {
    @SuppressWarnings("unchecked")
    List<Pending> pending = (List<Pending>) transactions.getResource(PENDING);
    if (pending == null) {
      List<Pending> created = new ArrayList<>();
      transactions.putResource(PENDING, created);
      AfterCompletion.register(
          transactions,
          committed -> {
            if (committed) {
              created.forEach(p -> apply(p.change(), p.noteStudent(), p.demandId()));
            }
          });
      pending = created;
    }
    pending.add(new Pending(change, noteStudent, demandId));
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
   * Applies a change to the index being served at once and, while a build reads the database, also
   * queues it for the new index (changes are upserts and removes by id, so replaying one the
   * snapshot already holds is harmless): a rebuild never delays a change or a forget.
   */
  private void apply(Runnable change, Runnable noteStudent, UUID demandId) {
    synchronized (changes) {
      change.run();
      if (noteStudent != null) {
        noteStudent.run();
      }
      if (demandId != null) {
        changedDemands.add(demandId);
      }
      if (queuedDuringBuild != null) {
        queuedDuringBuild.add(change);
      }
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

  /**
   * Reads every profile and open demand from the database into fresh indexes. If that fails, the
   * served index stays (every change was applied to it too) and the error goes to the caller.
   */
  public void rebuild() {
    synchronized (changes) {
      queuedDuringBuild = new ArrayList<>();
    }
    long started = System.nanoTime();
    try {
      List<Profile> loaded;
      Set<String> hired;
      Map<UUID, OpenDemand> open;
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        open = loadOpenDemands();
        loaded = loadProfiles(c);
        hired = loadHired(c);
        c.commit();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the read models to build the index", e);
      }
      ProfileIndex built = ProfileIndex.build(loaded);
      hired.forEach(id -> built.setHidden(id, true));
      synchronized (changes) {
        ProfileIndex served = profiles;
        profiles = built;
        openDemands.keySet().forEach(demands::remove);
        openDemands.clear();
        open.forEach(this::putDemand);
        try {
          queuedDuringBuild.forEach(Runnable::run);
        } catch (RuntimeException e) {
          profiles = served; // keep serving the index every change reached
          throw e;
        }
      }
      LOG.infof(
          "ranking index built: %d profiles, %d open demands in %d ms",
          built.size(), open.size(), (System.nanoTime() - started) / 1_000_000);
    } finally {
      synchronized (changes) {
        queuedDuringBuild = null;
        builds++;
      }
    }
  }

  private List<Profile> loadProfiles(Connection c) throws SQLException {
    Map<String, Set<String>> verified = new HashMap<>();
    try (PreparedStatement s =
            c.prepareStatement("select student_id, skill_key from verified_skill");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        verified.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(r.getString(2));
      }
    }
    List<Profile> loaded = new ArrayList<>();
    // Skill keys and cities repeat across a million rows: one String each, not one per row.
    Map<String, String> shared = new HashMap<>();
    // The skill keys and cities as text arrays, taken apart by PostgreSQL: rendering each jsonb
    // as text and parsing it again with Jackson was most of a rebuild's time (issue 17).
    try (PreparedStatement s =
        c.prepareStatement(
            "select student_id, institution_code, major_code, degree, graduation_year,"
                + " array(select jsonb_array_elements_text(preferred_cities)),"
                + " array(select e ->> 'key' from jsonb_array_elements(skills) e)"
                + " from student_profile")) {
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
          loaded.add(
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

  /** Students out of rankings: hired, and not seeking work again since ({@link Placements}). */
  private static Set<String> loadHired(Connection c) throws SQLException {
    Set<String> hired = new HashSet<>();
    try (PreparedStatement s = c.prepareStatement(Placements.HIRED_STUDENTS);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        hired.add(r.getString(1));
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
                if (v.isOpen(ChinaTime.today(clock))) {
                  open.put(
                      v.demandId,
                      new OpenDemand(v.demandId, v.enterpriseCode, v.criteria(vocabulary, null)));
                }
              }
            });
    return open;
  }
}
