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
  // Compact attributes so the filter pass reads arrays, not Profile sets.
  private final byte[] degrees;
  private final short[] years;
  private final long[] cityBits; // bit per city code (≤ 63 cities; -1 = prefers none)
  private final int[] majorCodes;
  private final List<String> majors = new ArrayList<>();
  private final Map<String, Integer> cityCodes = new HashMap<>();

  NaiveInvertedIndex(List<Profile> list) {
    profiles = list.toArray(new Profile[0]);
    int n = profiles.length;
    degrees = new byte[n];
    years = new short[n];
    cityBits = new long[n];
    majorCodes = new int[n];
    Map<String, Integer> majorIndex = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Profile p = profiles[i];
      degrees[i] = (byte) p.degree().ordinal();
      years[i] = (short) p.graduationYear();
      long bits = 0;
      for (String c : p.cities()) {
        int code = cityCodes.computeIfAbsent(c, x -> cityCodes.size());
        if (code >= 63) {
          throw new IllegalStateException("the baseline handles 63 cities");
        }
        bits |= 1L << code;
      }
      cityBits[i] = p.cities().isEmpty() ? -1L : bits;
      majorCodes[i] =
          majorIndex.computeIfAbsent(
              p.majorCode(),
              m -> {
                majors.add(m);
                return majors.size() - 1;
              });
    }
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
    int[] majorPoints = new int[majors.size()];
    for (int m = 0; m < majorPoints.length; m++) {
      majorPoints[m] = MatchScoring.points(MajorMatch.of(majors.get(m), d.majorCodes()));
    }
    long demandCities = 0;
    for (String c : d.cities()) {
      Integer code = cityCodes.get(c);
      demandCities |= code == null ? 1L << 63 : 1L << code; // bit 63: a city nobody prefers
    }
    boolean anyCity = d.cities().isEmpty();
    int minimum = d.minimumDegree() == null ? 0 : d.minimumDegree().ordinal();
    int year = d.graduationYear() == null ? -1 : d.graduationYear();
    PriorityQueue<int[]> heap =
        new PriorityQueue<>(
            (a, b) ->
                a[1] != b[1]
                    ? Integer.compare(a[1], b[1])
                    : profiles[b[0]].studentId().compareTo(profiles[a[0]].studentId()));
    int worstPoints = Integer.MIN_VALUE;
    for (int i = 0; i < profiles.length; i++) {
      if (degrees[i] < minimum
          || (year >= 0 && years[i] != year)
          || (!anyCity && (cityBits[i] & demandCities) == 0)) {
        continue;
      }
      int total = points[i] + majorPoints[majorCodes[i]];
      if (heap.size() < k) {
        heap.add(new int[] {i, total});
        worstPoints = heap.peek()[1];
      } else if (k > 0 && total >= worstPoints) {
        int[] worst = heap.peek();
        if (total > worst[1]
            || (total == worst[1]
                && profiles[i].studentId().compareTo(profiles[worst[0]].studentId()) < 0)) {
          heap.poll();
          heap.add(new int[] {i, total});
          worstPoints = heap.peek()[1];
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
