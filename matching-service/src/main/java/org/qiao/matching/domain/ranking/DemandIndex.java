package org.qiao.matching.domain.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
 * <p>Structure. Every demand version gets a slot. Hard constraints are sets of slots by the value a
 * demand requires ({@link SlotSet}): per minimum degree (null included), per graduation year plus
 * "any year", per listed city plus "any city" — so the demands a student passes are a few ORs and
 * ANDs per 64-demand word. Skills are inverted: per skill key the slots listing it, each tagged
 * essential or optional; majors per 2-, 4- and 6-character prefix of the listed codes (a demand at
 * most once per prefix). A query adds the student's points into a per-thread array of points by
 * slot (essential 12/8, optional 3/2; the major's prefix lists add the discipline points, then the
 * class surplus, then the major surplus, which sums to {@link MajorMatch}'s best level), then walks
 * the passing demands once, keeping the best k in a heap ordered by {@link #ORDER}. Removal clears
 * a live bit; an upsert retires the old slot and appends one; when retired slots outnumber live
 * ones the structures are rebuilt from the live demands (the index keeps them, they are few).
 */
public final class DemandIndex {

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final ThreadLocal<int[]> scratch = ThreadLocal.withInitial(() -> new int[1024]);

  private final Map<UUID, Integer> slotOf = new HashMap<>();
  private OpenDemand[] demands = new OpenDemand[64];
  private int[] maxPoints = new int[64];

  /**
   * Per slot, the last place of the demand's watched top ({@link #setEntryBar}): its points, and
   * the student id a student with as many points must precede; 0 and null, the default, let every
   * passing student be a candidate.
   */
  private int[] entryBars = new int[64];

  private String[] entryBarIds = new String[64];

  private long[] alive = new long[1];
  private int slotCount;
  private int live;

  private final SlotSet[] minimumDegrees = new SlotSet[Degree.values().length + 1]; // last: none
  private final Map<Integer, SlotSet> years = new HashMap<>();
  private SlotSet anyYear = new SlotSet();
  private final Map<String, SlotSet> cities = new HashMap<>();
  private SlotSet anyCity = new SlotSet();
  private final Map<String, Postings> skills = new HashMap<>();
  private final Map<String, Postings> majorPrefixes = new HashMap<>();

  public DemandIndex() {
    clear();
  }

  /** Indexes many demands at once (the same as upserting them in order). */
  public static DemandIndex build(Collection<OpenDemand> demands) {
    DemandIndex index = new DemandIndex();
    for (OpenDemand d : demands) {
      index.upsertLocked(d);
    }
    return index;
  }

  private void clear() {
    for (int i = 0; i < minimumDegrees.length; i++) {
      minimumDegrees[i] = new SlotSet();
    }
    years.clear();
    anyYear = new SlotSet();
    cities.clear();
    anyCity = new SlotSet();
    skills.clear();
    majorPrefixes.clear();
    slotOf.clear();
    demands = new OpenDemand[64];
    maxPoints = new int[64];
    entryBars = new int[64];
    entryBarIds = new String[64];
    alive = new long[1];
    slotCount = 0;
    live = 0;
  }

  /** Appendable int list of slots (skill entries carry the essential flag in the low bit). */
  private static final class Postings {
    int[] entries = new int[4];
    int size;

    void add(int entry) {
      if (size == entries.length) {
        entries = Arrays.copyOf(entries, size * 2);
      }
      entries[size++] = entry;
    }
  }

  public void upsert(OpenDemand demand) {
    lock.writeLock().lock();
    try {
      upsertLocked(demand);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void upsertLocked(OpenDemand demand) {
    Integer earlier = slotOf.get(demand.demandId());
    int slot = slotCount++;
    if (slot == demands.length) {
      demands = Arrays.copyOf(demands, slot * 2);
      maxPoints = Arrays.copyOf(maxPoints, slot * 2);
      entryBars = Arrays.copyOf(entryBars, slot * 2);
      entryBarIds = Arrays.copyOf(entryBarIds, slot * 2);
    }
    if ((slot >>> 6) >= alive.length) {
      alive = Arrays.copyOf(alive, alive.length * 2);
    }
    DemandCriteria c = demand.criteria();
    demands[slot] = demand;
    maxPoints[slot] = c.maxPoints();
    entryBars[slot] = 0;
    entryBarIds[slot] = null;
    Degree minimum = c.minimumDegree();
    minimumDegrees[minimum == null ? Degree.values().length : minimum.ordinal()].append(slot);
    if (c.graduationYear() == null) {
      anyYear.append(slot);
    } else {
      years.computeIfAbsent(c.graduationYear(), y -> new SlotSet()).append(slot);
    }
    if (c.cities().isEmpty()) {
      anyCity.append(slot);
    }
    for (String city : c.cities()) {
      cities.computeIfAbsent(city, x -> new SlotSet()).append(slot);
    }
    for (String s : c.essentialSkills()) {
      skills.computeIfAbsent(s, x -> new Postings()).add(slot << 1 | 1);
    }
    for (String s : c.optionalSkills()) {
      skills.computeIfAbsent(s, x -> new Postings()).add(slot << 1);
    }
    // A demand enters each prefix list once, however many of its majors share the prefix.
    List<String> seen = new ArrayList<>();
    for (String m : c.majorCodes()) {
      if (m == null || m.length() < 6) {
        continue; // MajorMatch: a code shorter than 6 never matches
      }
      for (int length : new int[] {2, 4, 6}) {
        String prefix = m.substring(0, length);
        if (!seen.contains(prefix)) {
          seen.add(prefix);
          majorPrefixes.computeIfAbsent(prefix, x -> new Postings()).add(slot);
        }
      }
    }
    alive[slot >>> 6] |= 1L << slot;
    slotOf.put(demand.demandId(), slot);
    if (earlier != null) {
      retire(earlier);
    } else {
      live++;
    }
  }

  private void retire(int slot) {
    alive[slot >>> 6] &= ~(1L << slot);
    demands[slot] = null;
    int retired = slotCount - live;
    if (retired > 1024 && retired > live) {
      // Why: retired slots still sit in the postings; past half the index they cost more than a
      // rebuild from the live demands.
      List<OpenDemand> kept = new ArrayList<>(live);
      List<Integer> bars = new ArrayList<>(live);
      List<String> barIds = new ArrayList<>(live);
      for (int s = 0; s < slotCount; s++) {
        if ((alive[s >>> 6] & (1L << s)) != 0) {
          kept.add(demands[s]);
          bars.add(entryBars[s]);
          barIds.add(entryBarIds[s]);
        }
      }
      clear();
      for (int i = 0; i < kept.size(); i++) {
        upsertLocked(kept.get(i));
        // The same demand: its watched top is unchanged.
        entryBars[slotCount - 1] = bars.get(i);
        entryBarIds[slotCount - 1] = barIds.get(i);
      }
    }
  }

  public boolean remove(UUID demandId) {
    lock.writeLock().lock();
    try {
      Integer slot = slotOf.remove(demandId);
      if (slot == null) {
        return false;
      }
      live--;
      retire(slot);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  public int size() {
    lock.readLock().lock();
    try {
      return live;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The k open demands whose hard constraints the student passes, best first: by the share of the
   * demand's maximum points (points × other max compared exactly), then points, then demand id.
   */
  public List<DemandMatch> top(Profile student, int k) {
    if (k <= 0) {
      return List.of();
    }
    lock.readLock().lock();
    try {
      return rank(student, k);
    } finally {
      lock.readLock().unlock();
    }
  }

  private List<DemandMatch> rank(Profile student, int k) {
    int words = SlotSet.wordsFor(slotCount);
    long[] passing = passing(student, words);
    int[] points = accumulate(student);
    try {
      int capacity = Math.min(k, live);
      int[] heap = new int[capacity];
      int size = 0;
      for (int w = 0; w < words; w++) {
        long bits = passing[w];
        while (bits != 0) {
          int slot = w << 6 | Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          if (size < capacity) {
            heap[size] = slot;
            siftUp(heap, size++, points);
          } else if (capacity > 0 && worse(heap[0], slot, points)) {
            heap[0] = slot;
            siftDown(heap, size, points);
          }
        }
      }
      DemandMatch[] matches = new DemandMatch[size];
      for (int i = 0; i < size; i++) {
        OpenDemand d = demands[heap[i]];
        Explanation e = Explanation.of(d.criteria(), student);
        matches[i] = new DemandMatch(d.demandId(), e.points(), maxPoints[heap[i]], e);
      }
      Arrays.sort(matches, ORDER);
      return List.of(matches);
    } finally {
      Arrays.fill(points, 0, slotCount, 0);
    }
  }

  /** Receives a demand a student passes, with the student's points for it. */
  @FunctionalInterface
  public interface CandidateVisitor {
    void visit(OpenDemand demand, int points);
  }

  /**
   * Every open demand whose hard constraints the student passes and who would rank above its
   * {@linkplain #setEntryBar entry bar} (more points, or as many and a smaller id): the demands
   * whose watched top the student enters.
   */
  public void forEachCandidate(Profile student, CandidateVisitor visitor) {
    lock.readLock().lock();
    try {
      int words = SlotSet.wordsFor(slotCount);
      long[] passing = passing(student, words);
      int[] points = accumulate(student);
      String id = student.studentId();
      try {
        for (int w = 0; w < words; w++) {
          long bits = passing[w];
          while (bits != 0) {
            int slot = w << 6 | Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            int p = points[slot];
            if (p > entryBars[slot]
                || p == entryBars[slot]
                    && (entryBarIds[slot] == null || id.compareTo(entryBarIds[slot]) < 0)) {
              visitor.visit(demands[slot], p);
            }
          }
        }
      } finally {
        Arrays.fill(points, 0, slotCount, 0);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Sets the last place of the demand's watched top when it is full (its points and student id;
   * null id when the top is not full: every passing student enters), so {@link #forEachCandidate}
   * passes over the demand for students ranking below it. A changed demand starts again with no bar
   * until set.
   */
  public void setEntryBar(UUID demandId, int points, String studentId) {
    lock.writeLock().lock();
    try {
      Integer slot = slotOf.get(demandId);
      if (slot != null) {
        entryBars[slot] = studentId == null ? 0 : points;
        entryBarIds[slot] = studentId;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The student's points for every slot, in this thread's scratch array (the caller zeroes it). */
  private int[] accumulate(Profile student) {
    int[] points = scratch.get();
    if (points.length < slotCount) {
      points = new int[Math.max(slotCount, points.length * 2)];
      scratch.set(points);
    }
    for (String s : student.skills()) {
      Postings p = skills.get(s);
      if (p == null) {
        continue;
      }
      boolean v = student.verifiedSkills().contains(s);
      int essential = v ? MatchScoring.ESSENTIAL_VERIFIED : MatchScoring.ESSENTIAL_HELD;
      int optional = v ? MatchScoring.OPTIONAL_VERIFIED : MatchScoring.OPTIONAL_HELD;
      int[] e = p.entries;
      for (int i = 0, n = p.size; i < n; i++) {
        int entry = e[i];
        points[entry >>> 1] += (entry & 1) != 0 ? essential : optional;
      }
    }
    String major = student.majorCode();
    if (major != null && major.length() >= 6) {
      addMajor(points, major.substring(0, 2), MatchScoring.SAME_DISCIPLINE);
      addMajor(
          points, major.substring(0, 4), MatchScoring.SAME_CLASS - MatchScoring.SAME_DISCIPLINE);
      addMajor(points, major.substring(0, 6), MatchScoring.SAME_MAJOR - MatchScoring.SAME_CLASS);
    }
    return points;
  }

  private void addMajor(int[] points, String prefix, int add) {
    Postings p = majorPrefixes.get(prefix);
    if (p != null) {
      int[] e = p.entries;
      for (int i = 0, n = p.size; i < n; i++) {
        points[e[i]] += add;
      }
    }
  }

  /** The live demands whose hard constraints the student passes, as words of slots. */
  private long[] passing(Profile student, int words) {
    long[] result = Arrays.copyOf(alive, words);
    long[] degree = new long[words];
    or(degree, minimumDegrees[Degree.values().length]);
    for (Degree d : Degree.values()) {
      if (student.degree().satisfies(d)) {
        or(degree, minimumDegrees[d.ordinal()]);
      }
    }
    long[] year = new long[words];
    or(year, anyYear);
    or(year, years.get(student.graduationYear()));
    long[] city = null;
    if (!student.cities().isEmpty()) {
      city = new long[words];
      or(city, anyCity);
      for (String c : student.cities()) {
        or(city, cities.get(c));
      }
    }
    for (int w = 0; w < words; w++) {
      result[w] &= degree[w] & year[w] & (city == null ? -1L : city[w]);
    }
    return result;
  }

  private static void or(long[] into, SlotSet set) {
    if (set == null) {
      return;
    }
    if (set.dense()) {
      long[] words = set.words();
      for (int w = 0, n = Math.min(words.length, into.length); w < n; w++) {
        into[w] |= words[w];
      }
    } else {
      int[] slots = set.slots();
      for (int i = 0, n = set.size(); i < n; i++) {
        into[slots[i] >>> 6] |= 1L << slots[i];
      }
    }
  }

  /** Whether demand a ranks below demand b (the heap keeps the worst at its root). */
  private boolean worse(int a, int b, int[] points) {
    long left = (long) points[b] * Math.max(1, maxPoints[a]);
    long right = (long) points[a] * Math.max(1, maxPoints[b]);
    if (left != right) {
      return left > right;
    }
    if (points[a] != points[b]) {
      return points[a] < points[b];
    }
    return demands[a].demandId().compareTo(demands[b].demandId()) > 0;
  }

  private void siftUp(int[] heap, int i, int[] points) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(heap[i], heap[parent], points)) {
        return;
      }
      int t = heap[i];
      heap[i] = heap[parent];
      heap[parent] = t;
      i = parent;
    }
  }

  private void siftDown(int[] heap, int size, int[] points) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int worst = l;
      if (l + 1 < size && worse(heap[l + 1], heap[l], points)) {
        worst = l + 1;
      }
      if (!worse(heap[worst], heap[i], points)) {
        return;
      }
      int t = heap[i];
      heap[i] = heap[worst];
      heap[worst] = t;
      i = worst;
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
