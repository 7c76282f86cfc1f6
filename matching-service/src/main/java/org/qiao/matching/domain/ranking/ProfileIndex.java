package org.qiao.matching.domain.ranking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The consented students, indexed for demand → students ranking and diagnosis. Thread-safe: queries
 * run side by side; a change is applied whole, so no query sees half a student.
 *
 * <p>PLACEHOLDER: scans every profile; the fast index replaces the body, not the API.
 */
public final class ProfileIndex {

  private final Map<String, Profile> profiles = new HashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  public static ProfileIndex build(Collection<Profile> profiles) {
    ProfileIndex index = new ProfileIndex();
    profiles.forEach(index::upsert);
    return index;
  }

  /** Adds a student or replaces what the index knew of them. */
  public void upsert(Profile profile) {
    lock.writeLock().lock();
    try {
      profiles.put(profile.studentId(), profile);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Forgets a student; false when the index did not know them. */
  public boolean remove(String studentId) {
    lock.writeLock().lock();
    try {
      return profiles.remove(studentId) != null;
    } finally {
      lock.writeLock().unlock();
    }
  }

  public int size() {
    lock.readLock().lock();
    try {
      return profiles.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  public Optional<Profile> get(String studentId) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(profiles.get(studentId));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The k students passing the demand's hard constraints with the most points, most points first,
   * ties by pseudonymous id ascending.
   */
  public List<StudentMatch> top(DemandCriteria demand, int k) {
    lock.readLock().lock();
    try {
      List<StudentMatch> all = new ArrayList<>();
      for (Profile p : profiles.values()) {
        if (Explanation.admits(demand, p)) {
          Explanation e = Explanation.of(demand, p);
          all.add(new StudentMatch(p.studentId(), e.points(), e));
        }
      }
      all.sort(
          Comparator.comparingInt(StudentMatch::points)
              .reversed()
              .thenComparing(StudentMatch::studentId));
      return List.copyOf(all.subList(0, Math.min(k, all.size())));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Exact diagnosis counts over every student the index knows. */
  public Diagnosis diagnose(DemandCriteria demand) {
    throw new UnsupportedOperationException("diagnosis comes with the fast index");
  }
}
