package org.qiao.matching.domain.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The open demands, indexed for student → demands ranking. Thread-safe like {@link ProfileIndex}.
 *
 * <p>PLACEHOLDER: scans every demand; the fast index replaces the body, not the API.
 */
public final class DemandIndex {

  private final Map<UUID, OpenDemand> demands = new HashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  public void upsert(OpenDemand demand) {
    lock.writeLock().lock();
    try {
      demands.put(demand.demandId(), demand);
    } finally {
      lock.writeLock().unlock();
    }
  }

  public boolean remove(UUID demandId) {
    lock.writeLock().lock();
    try {
      return demands.remove(demandId) != null;
    } finally {
      lock.writeLock().unlock();
    }
  }

  public int size() {
    lock.readLock().lock();
    try {
      return demands.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The k open demands whose hard constraints the student passes, best first: by the share of the
   * demand's maximum points (points × other max compared exactly), then points, then demand id.
   */
  public List<DemandMatch> top(Profile student, int k) {
    lock.readLock().lock();
    try {
      List<DemandMatch> all = new ArrayList<>();
      for (OpenDemand d : demands.values()) {
        if (Explanation.admits(d.criteria(), student)) {
          Explanation e = Explanation.of(d.criteria(), student);
          all.add(new DemandMatch(d.demandId(), e.points(), d.criteria().maxPoints(), e));
        }
      }
      all.sort(ORDER);
      return List.copyOf(all.subList(0, Math.min(k, all.size())));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Best first: larger share of the maximum, then more points, then demand id. */
  public static final Comparator<DemandMatch> ORDER =
      ((Comparator<DemandMatch>)
              (a, b) ->
                  Long.compare(
                      (long) b.points() * Math.max(1, a.maxPoints()),
                      (long) a.points() * Math.max(1, b.maxPoints())))
          .thenComparing(Comparator.comparingInt(DemandMatch::points).reversed())
          .thenComparing(DemandMatch::demandId);
}
