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
    lock.readLock().lock();
    try {
      List<String> essential = demand.essentialSkills();
      int requirements = essential.size() + 4;
      int[] allBut = new int[requirements];
      int passing = 0;
      int withAll = 0;
      int qualified = 0;
      int[] missing = new int[essential.size()];
      for (Profile p : profiles.values()) {
        boolean[] met = new boolean[requirements];
        int lacking = 0;
        for (int i = 0; i < essential.size(); i++) {
          met[i] = p.skills().contains(essential.get(i));
          lacking += met[i] ? 0 : 1;
        }
        int e = essential.size();
        met[e] = p.degree().satisfies(demand.minimumDegree());
        met[e + 1] =
            demand.cities().isEmpty()
                || p.cities().isEmpty()
                || p.cities().stream().anyMatch(demand.cities()::contains);
        met[e + 2] =
            demand.graduationYear() == null || demand.graduationYear() == p.graduationYear();
        MajorMatch major = MajorMatch.of(p.majorCode(), demand.majorCodes());
        met[e + 3] =
            demand.majorCodes().isEmpty()
                || major == MajorMatch.SAME_MAJOR
                || major == MajorMatch.SAME_CLASS;
        boolean hard = met[e] && met[e + 1] && met[e + 2];
        passing += hard ? 1 : 0;
        withAll += hard && lacking == 0 ? 1 : 0;
        int failed = 0;
        int failedAt = -1;
        for (int i = 0; i < requirements; i++) {
          if (!met[i]) {
            failed++;
            failedAt = i;
          }
        }
        if (failed == 0) {
          qualified++;
        } else if (failed == 1) {
          allBut[failedAt]++;
        }
        if (hard && met[e + 3] && (lacking == 1 || lacking == 2)) {
          for (int i = 0; i < e; i++) {
            missing[i] += met[i] ? 0 : 1;
          }
        }
      }
      List<Diagnosis.Relaxation> relaxations = new ArrayList<>();
      for (int i = 0; i < essential.size(); i++) {
        relaxations.add(
            new Diagnosis.Relaxation(
                Diagnosis.Requirement.ESSENTIAL_SKILL, essential.get(i), allBut[i]));
      }
      int e = essential.size();
      if (demand.minimumDegree() != null) {
        relaxations.add(
            new Diagnosis.Relaxation(Diagnosis.Requirement.MINIMUM_DEGREE, null, allBut[e]));
      }
      if (!demand.cities().isEmpty()) {
        relaxations.add(
            new Diagnosis.Relaxation(Diagnosis.Requirement.CITIES, null, allBut[e + 1]));
      }
      if (demand.graduationYear() != null) {
        relaxations.add(
            new Diagnosis.Relaxation(Diagnosis.Requirement.GRADUATION_YEAR, null, allBut[e + 2]));
      }
      if (!demand.majorCodes().isEmpty()) {
        relaxations.add(
            new Diagnosis.Relaxation(Diagnosis.Requirement.MAJOR_CODES, null, allBut[e + 3]));
      }
      List<Diagnosis.MissingSkill> missed = new ArrayList<>();
      for (int i = 0; i < e; i++) {
        if (missing[i] > 0) {
          missed.add(new Diagnosis.MissingSkill(essential.get(i), missing[i]));
        }
      }
      missed.sort(Comparator.comparingInt(Diagnosis.MissingSkill::nearMisses).reversed());
      return new Diagnosis(passing, withAll, qualified, relaxations, List.copyOf(missed));
    } finally {
      lock.readLock().unlock();
    }
  }
}
