package org.qiao.matching.domain.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The baseline: skill → int[] of student numbers (held, and verified), points accumulated into an
 * int array per query, then one pass filtering the hard constraints and keeping the top k.
 */
final class NaiveInvertedIndex {

  private final Profile[] profiles;
  private final Map<String, int[]> held = new HashMap<>();
  private final Map<String, int[]> verified = new HashMap<>();

  NaiveInvertedIndex(List<Profile> list) {
    profiles = list.toArray(new Profile[0]);
    Map<String, int[]> heldCounts = new HashMap<>();
    Map<String, int[]> verifiedCounts = new HashMap<>();
    for (Profile p : profiles) {
      p.skills().forEach(s -> heldCounts.computeIfAbsent(s, x -> new int[1])[0]++);
      p.verifiedSkills().forEach(s -> verifiedCounts.computeIfAbsent(s, x -> new int[1])[0]++);
    }
    heldCounts.forEach((s, c) -> held.put(s, new int[c[0]]));
    verifiedCounts.forEach((s, c) -> verified.put(s, new int[c[0]]));
    Map<String, int[]> heldFill = new HashMap<>();
    Map<String, int[]> verifiedFill = new HashMap<>();
    for (int i = 0; i < profiles.length; i++) {
      for (String s : profiles[i].skills()) {
        held.get(s)[heldFill.computeIfAbsent(s, x -> new int[1])[0]++] = i;
      }
      for (String s : profiles[i].verifiedSkills()) {
        verified.get(s)[verifiedFill.computeIfAbsent(s, x -> new int[1])[0]++] = i;
      }
    }
  }

  List<StudentMatch> top(DemandCriteria d, int k) {
    int[] points = new int[profiles.length];
    for (String s : d.essentialSkills()) {
      add(points, held.get(s), MatchScoring.ESSENTIAL_HELD);
      add(points, verified.get(s), MatchScoring.ESSENTIAL_VERIFIED - MatchScoring.ESSENTIAL_HELD);
    }
    for (String s : d.optionalSkills()) {
      add(points, held.get(s), MatchScoring.OPTIONAL_HELD);
      add(points, verified.get(s), MatchScoring.OPTIONAL_VERIFIED - MatchScoring.OPTIONAL_HELD);
    }
    Map<String, Integer> majorPoints = new HashMap<>();
    PriorityQueue<int[]> heap =
        new PriorityQueue<>(
            (a, b) ->
                a[1] != b[1]
                    ? Integer.compare(a[1], b[1])
                    : profiles[b[0]].studentId().compareTo(profiles[a[0]].studentId()));
    for (int i = 0; i < profiles.length; i++) {
      Profile p = profiles[i];
      if (!Explanation.admits(d, p)) {
        continue;
      }
      String major = p.majorCode();
      int mp =
          major == null
              ? 0
              : majorPoints.computeIfAbsent(
                  major, m -> MatchScoring.points(MajorMatch.of(m, d.majorCodes())));
      int total = points[i] + mp;
      if (heap.size() < k) {
        heap.add(new int[] {i, total});
      } else if (k > 0) {
        int[] worst = heap.peek();
        if (total > worst[1]
            || (total == worst[1] && p.studentId().compareTo(profiles[worst[0]].studentId()) < 0)) {
          heap.poll();
          heap.add(new int[] {i, total});
        }
      }
    }
    List<StudentMatch> result = new ArrayList<>();
    for (int[] e : heap) {
      Explanation x = Explanation.of(d, profiles[e[0]]);
      result.add(new StudentMatch(profiles[e[0]].studentId(), x.points(), x));
    }
    result.sort(BruteForceRanking.STUDENT_ORDER);
    return result;
  }

  private static void add(int[] points, int[] postings, int weight) {
    if (postings != null) {
      for (int i : postings) {
        points[i] += weight;
      }
    }
  }

  int size() {
    return profiles.length;
  }
}
