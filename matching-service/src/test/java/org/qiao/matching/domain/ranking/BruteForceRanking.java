package org.qiao.matching.domain.ranking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The reference: every pair scored with {@link Explanation#of}, filtered with admits, sorted. */
final class BruteForceRanking {

  static final Comparator<StudentMatch> STUDENT_ORDER =
      Comparator.comparingInt(StudentMatch::points)
          .reversed()
          .thenComparing(StudentMatch::studentId);

  private BruteForceRanking() {}

  static List<StudentMatch> topStudents(Collection<Profile> profiles, DemandCriteria d, int k) {
    List<StudentMatch> all = new ArrayList<>();
    for (Profile p : profiles) {
      if (Explanation.admits(d, p)) {
        Explanation e = Explanation.of(d, p);
        all.add(new StudentMatch(p.studentId(), e.points(), e));
      }
    }
    all.sort(STUDENT_ORDER);
    return List.copyOf(all.subList(0, Math.min(k, all.size())));
  }

  static List<DemandMatch> topDemands(Collection<OpenDemand> demands, Profile student, int k) {
    List<DemandMatch> all = new ArrayList<>();
    for (OpenDemand d : demands) {
      if (Explanation.admits(d.criteria(), student)) {
        Explanation e = Explanation.of(d.criteria(), student);
        all.add(new DemandMatch(d.demandId(), e.points(), d.criteria().maxPoints(), e));
      }
    }
    all.sort(DemandIndex.ORDER);
    return List.copyOf(all.subList(0, Math.min(k, all.size())));
  }

  /** Diagnosis by its definition, one student at a time. */
  static Diagnosis diagnose(Collection<Profile> profiles, DemandCriteria d) {
    List<String> essentials = d.essentialSkills();
    int n = essentials.size();
    // Requirements: essentials, then degree, cities, year, majors (present ones only).
    List<Diagnosis.Requirement> kinds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      kinds.add(Diagnosis.Requirement.ESSENTIAL_SKILL);
    }
    if (d.minimumDegree() != null) {
      kinds.add(Diagnosis.Requirement.MINIMUM_DEGREE);
    }
    if (!d.cities().isEmpty()) {
      kinds.add(Diagnosis.Requirement.CITIES);
    }
    if (d.graduationYear() != null) {
      kinds.add(Diagnosis.Requirement.GRADUATION_YEAR);
    }
    if (!d.majorCodes().isEmpty()) {
      kinds.add(Diagnosis.Requirement.MAJOR_CODES);
    }
    int[] allBut = new int[kinds.size()];
    int[] lacking = new int[n];
    int hard = 0;
    int withAll = 0;
    int qualified = 0;
    for (Profile p : profiles) {
      boolean degree = p.degree().satisfies(d.minimumDegree());
      boolean cities =
          d.cities().isEmpty()
              || p.cities().isEmpty()
              || p.cities().stream().anyMatch(d.cities()::contains);
      boolean year = d.graduationYear() == null || d.graduationYear() == p.graduationYear();
      MajorMatch m = MajorMatch.of(p.majorCode(), d.majorCodes());
      boolean major =
          d.majorCodes().isEmpty() || m == MajorMatch.SAME_MAJOR || m == MajorMatch.SAME_CLASS;
      boolean[] meets = new boolean[kinds.size()];
      int missing = 0;
      for (int i = 0; i < n; i++) {
        meets[i] = p.skills().contains(essentials.get(i));
        missing += meets[i] ? 0 : 1;
      }
      int r = n;
      if (d.minimumDegree() != null) {
        meets[r++] = degree;
      }
      if (!d.cities().isEmpty()) {
        meets[r++] = cities;
      }
      if (d.graduationYear() != null) {
        meets[r++] = year;
      }
      if (!d.majorCodes().isEmpty()) {
        meets[r++] = major;
      }
      boolean passesHard = degree && cities && year;
      hard += passesHard ? 1 : 0;
      withAll += passesHard && missing == 0 ? 1 : 0;
      qualified += passesHard && missing == 0 && major ? 1 : 0;
      for (int x = 0; x < meets.length; x++) {
        boolean others = true;
        for (int y = 0; y < meets.length; y++) {
          others &= x == y || meets[y];
        }
        allBut[x] += others ? 1 : 0;
      }
      if (passesHard && major && missing >= 1 && missing <= 2) {
        for (int i = 0; i < n; i++) {
          lacking[i] += meets[i] ? 0 : 1;
        }
      }
    }
    List<Diagnosis.Relaxation> relaxations = new ArrayList<>();
    for (int x = 0; x < kinds.size(); x++) {
      relaxations.add(
          new Diagnosis.Relaxation(
              kinds.get(x), x < n ? essentials.get(x) : null, allBut[x] - qualified));
    }
    List<Diagnosis.MissingSkill> missing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (lacking[i] > 0) {
        missing.add(new Diagnosis.MissingSkill(essentials.get(i), lacking[i]));
      }
    }
    missing.sort(Comparator.comparingInt(Diagnosis.MissingSkill::nearMisses).reversed());
    return new Diagnosis(hard, withAll, qualified, relaxations, missing);
  }
}
