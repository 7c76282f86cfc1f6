package org.qiao.matching.domain.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The consented students, indexed for demand → students ranking and diagnosis. Thread-safe: queries
 * run side by side; a change is applied whole, so no query sees half a student.
 *
 * <p>Structure. Every student version gets a slot (a dense number). Per slot the index keeps the
 * packed pseudonymous id ({@link StudentIds}, 18 bytes), the major and institution as codes of two
 * bytes, and a live bit. Everything else is a set of slots ({@link SlotSet}: a bitset when more
 * than one slot in 32 has it, else a sorted int array): per skill the students holding it and those
 * holding it verified, per degree, per graduation year, per preferred city, and the students
 * preferring no city. The build numbers slots by partition — no city, then each single city, then
 * several cities; by degree inside — so a demand's city and degree filters leave long runs of
 * 64-slot words empty that the scan skips. Upserts append a slot at the end and retire the old one
 * (its live bit cleared); a removal clears the live bit; nothing else moves. A hidden student
 * (hired, ADR 0016) keeps their slot, so {@link #get} still knows them, but not their live bit:
 * every ranking and diagnosis skips them at no cost, and an upsert keeps them hidden.
 *
 * <p>Ranking scans 64 slots at a time. The hard constraints become one word of passing students
 * (live ∧ degree ≥ minimum ∧ year ∧ (no city ∨ a listed city)), read only in the admitted city
 * partitions. Skill points are summed bit-sliced: each demand skill contributes its held set with
 * the held weight and its verified set with the verified surplus, a weight split into powers of
 * two, each added as a ripple-carry into the slice of that power ({@link MatchScoring}'s weights
 * are 8/12 and 2/3, so every skill costs two carries). Most of a demand's inputs are sparse (rare
 * skills, and verified holders, ~5% of holdings): they are first scattered posting by posting into
 * a pooled scratch of bit slices per word (cost ∝ postings, not words × inputs); each word then
 * starts from its scratch slices and adds only the dense inputs (popular skills' bitsets) with
 * fixed-length carry chains. A running top-k threshold θ (the k-th best so far) turns the slices
 * into one comparison: only students whose skill points plus the best major points the demand can
 * give reach θ are scored exactly (skill points read back from the slices, major points from a
 * per-query table by major code) and offered to the k-heap; once θ exceeds what the dense inputs
 * and the major can give, words without sparse points are skipped. Ties break by id, compared on
 * the packed numbers. Results get their {@link Explanation} by membership tests, identical to
 * {@link Explanation#of}.
 *
 * <p>Diagnosis counts the same words with population counts: one mask per requirement, all-but-one
 * by prefix and suffix conjunctions, near-misses by a saturating count of missing essentials.
 */
public final class ProfileIndex {

  private static final int PER_WORD = 64;
  private static final int MULTI_CITY = Integer.MAX_VALUE >>> 4;

  /** Versions are unique across every index of the JVM, so a version names an index and state. */
  private static final AtomicLong VERSIONS = new AtomicLong();

  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  private volatile long version = VERSIONS.incrementAndGet();
  private int slotCount;
  private int live;
  private long[] alive;
  private final StudentIds ids;
  private final CodeColumn majors;
  private final CodeColumn institutions;
  private final CodeBook majorCodes = new CodeBook();
  private final CodeBook institutionCodes = new CodeBook();
  private final CodeBook cityCodes = new CodeBook();
  private final CodeBook skillCodes = new CodeBook();
  private final SlotSet[] degrees = new SlotSet[Degree.values().length];
  private final TreeMap<Integer, SlotSet> years = new TreeMap<>();
  private final List<SlotSet> cities = new ArrayList<>(); // by city code; index 0 unused
  private SlotSet noCity = new SlotSet();
  private final List<SlotSet> held = new ArrayList<>(); // by skill code; index 0 unused
  private final List<SlotSet> verified = new ArrayList<>(); // by skill code, null when none
  private final Set<String> hidden = new HashSet<>(); // out of rankings, known or not (yet)
  // Slot ranges of the build's city partitions; slots from builtSlots on were appended later.
  private int noCityEnd;
  private int[] cityStart = new int[0];
  private int[] cityEnd = new int[0];
  private int multiCityStart;
  private int builtSlots;

  public ProfileIndex() {
    this(16);
  }

  private ProfileIndex(int capacity) {
    alive = new long[SlotSet.wordsFor(capacity)];
    ids = new StudentIds(capacity);
    majors = new CodeColumn(capacity);
    institutions = new CodeColumn(capacity);
    for (int d = 0; d < degrees.length; d++) {
      degrees[d] = new SlotSet();
    }
    cities.add(null);
    held.add(null);
    verified.add(null);
  }

  /**
   * Indexes many students at once (a later profile with the same id replaces an earlier one, as
   * upserts in order would). Slots are ordered by city partition and degree; each set is sized from
   * a first counting pass, so no set is grown or converted on the way.
   */
  public static ProfileIndex build(Collection<Profile> profiles) {
    Profile[] all = profiles.toArray(new Profile[0]);
    int n = all.length;
    ProfileIndex index = new ProfileIndex(Math.max(n, 16));
    // Pass 1: codes and counts.
    int[] degreeCounts = new int[Degree.values().length];
    TreeMap<Integer, int[]> yearCounts = new TreeMap<>();
    int[] cityCounts = new int[16];
    int noCityCount = 0;
    int[] skillCounts = new int[1024];
    int[] verifiedCounts = new int[1024];
    long[] order = new long[n];
    for (int i = 0; i < n; i++) {
      Profile p = all[i];
      degreeCounts[p.degree().ordinal()]++;
      yearCounts.computeIfAbsent(p.graduationYear(), y -> new int[1])[0]++;
      int partition;
      if (p.cities().isEmpty()) {
        noCityCount++;
        partition = 0;
      } else {
        int first = 0;
        for (String c : p.cities()) {
          int code = index.cityCodes.encode(c);
          cityCounts = ensure(cityCounts, code);
          cityCounts[code]++;
          first = code;
        }
        partition = p.cities().size() == 1 ? first : MULTI_CITY;
      }
      for (String s : p.skills()) {
        int code = index.skillCodes.encode(s);
        skillCounts = ensure(skillCounts, code);
        skillCounts[code]++;
      }
      for (String s : p.verifiedSkills()) {
        int code = index.skillCodes.encode(s);
        verifiedCounts = ensure(verifiedCounts, code);
        verifiedCounts[code]++;
      }
      long key = (long) partition * 8 + p.degree().ordinal();
      order[i] = key << 32 | i;
    }
    Arrays.parallelSort(order);
    // Pass 2: sets sized exactly, filled in slot order.
    for (int d = 0; d < degreeCounts.length; d++) {
      index.degrees[d] = SlotSet.presized(degreeCounts[d], n);
    }
    yearCounts.forEach((y, c) -> index.years.put(y, SlotSet.presized(c[0], n)));
    for (int c = 1; c < index.cityCodes.size(); c++) {
      index.cities.add(SlotSet.presized(cityCounts[c], n));
    }
    index.noCity = SlotSet.presized(noCityCount, n);
    for (int s = 1; s < index.skillCodes.size(); s++) {
      index.held.add(SlotSet.presized(skillCounts[s], n));
      int v = s < verifiedCounts.length ? verifiedCounts[s] : 0;
      index.verified.add(v == 0 ? null : SlotSet.presized(v, n));
    }
    index.cityStart = new int[index.cityCodes.size()];
    index.cityEnd = new int[index.cityCodes.size()];
    index.multiCityStart = n;
    index.builtSlots = n;
    for (int slot = n - 1; slot >= 0; slot--) {
      int partition = (int) (order[slot] >>> 35);
      if (partition == 0) {
        index.noCityEnd = Math.max(index.noCityEnd, slot + 1);
      } else if (partition == MULTI_CITY) {
        index.multiCityStart = slot;
      } else {
        index.cityStart[partition] = slot;
        index.cityEnd[partition] = Math.max(index.cityEnd[partition], slot + 1);
      }
    }
    for (int slot = 0; slot < n; slot++) {
      Profile p = all[(int) order[slot]];
      index.place(slot, p);
      index.slotCount = slot + 1;
      int earlier = index.ids.find(p.studentId());
      if (earlier >= 0 && (int) order[earlier] > (int) order[slot]) {
        // The same id twice in the input: the later one in the input wins.
        index.ids.retire(slot);
        continue;
      }
      index.ids.bind(slot);
      if (earlier >= 0) {
        index.clearAlive(earlier);
        index.ids.retire(earlier);
        index.live--;
      }
      index.alive[slot >>> 6] |= 1L << slot;
      index.live++;
    }
    return index;
  }

  private static int[] ensure(int[] counts, int code) {
    return code < counts.length
        ? counts
        : Arrays.copyOf(counts, Math.max(code + 1, counts.length * 2));
  }

  /** Writes a profile's attributes and set memberships at a slot (the id too, not yet findable). */
  private void place(int slot, Profile p) {
    ids.set(slot, p.studentId());
    majors.set(slot, majorCodes.encode(p.majorCode()));
    institutions.set(slot, institutionCodes.encode(p.institutionCode()));
    degrees[p.degree().ordinal()].append(slot);
    years.computeIfAbsent(p.graduationYear(), y -> new SlotSet()).append(slot);
    if (p.cities().isEmpty()) {
      noCity.append(slot);
    }
    for (String c : p.cities()) {
      citySet(cityCodes.encode(c)).append(slot);
    }
    for (String s : p.skills()) {
      heldSet(skillCodes.encode(s)).append(slot);
    }
    for (String s : p.verifiedSkills()) {
      int code = skillCodes.encode(s);
      SlotSet v = verified.get(code);
      if (v == null) {
        v = new SlotSet();
        verified.set(code, v);
      }
      v.append(slot);
    }
  }

  private SlotSet citySet(int code) {
    while (cities.size() <= code) {
      cities.add(new SlotSet());
    }
    return cities.get(code);
  }

  private SlotSet heldSet(int code) {
    while (held.size() <= code) {
      held.add(new SlotSet());
      verified.add(null);
    }
    return held.get(code);
  }

  private void clearAlive(int slot) {
    alive[slot >>> 6] &= ~(1L << slot);
  }

  private void ensureCapacity(int slots) {
    int capacity = majors.capacity();
    if (slots <= capacity) {
      return;
    }
    int grown = Math.max(slots, capacity + (capacity >> 1));
    majors.grow(grown);
    institutions.grow(grown);
    ids.grow(grown);
    alive = Arrays.copyOf(alive, SlotSet.wordsFor(grown));
  }

  /** Adds a student or replaces what the index knew of them. */
  public void upsert(Profile profile) {
    if (profile.degree() == null) {
      throw new IllegalArgumentException("a profile needs a degree");
    }
    lock.writeLock().lock();
    try {
      int slot = slotCount;
      ensureCapacity(slot + 1);
      place(slot, profile);
      slotCount = slot + 1;
      densify(profile);
      int earlier = ids.find(profile.studentId());
      ids.bind(slot);
      if (earlier >= 0) {
        clearAlive(earlier);
        ids.retire(earlier);
      } else {
        live++;
      }
      if (!hidden.contains(profile.studentId())) {
        alive[slot >>> 6] |= 1L << slot;
      }
      version = VERSIONS.incrementAndGet();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Takes a student out of every ranking and diagnosis (hired), or puts them back, whether or not
   * the index knows them yet: a profile upserted later keeps the state. {@link #get} still answers.
   */
  public void setHidden(String studentId, boolean hide) {
    lock.writeLock().lock();
    try {
      boolean changed = hide ? hidden.add(studentId) : hidden.remove(studentId);
      int slot = changed ? ids.find(studentId) : -1;
      if (slot >= 0) {
        if (hide) {
          clearAlive(slot);
        } else {
          alive[slot >>> 6] |= 1L << slot;
        }
        version = VERSIONS.incrementAndGet();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The index's state: moves with every upsert, removal and change of hiding, and is unique across
   * indexes, so two equal versions rank every demand identically.
   */
  public long version() {
    return version;
  }

  /** Whether the student is in the rankings: indexed and not hidden. */
  public boolean isRanked(String studentId) {
    lock.readLock().lock();
    try {
      return ids.find(studentId) >= 0 && !hidden.contains(studentId);
    } finally {
      lock.readLock().unlock();
    }
  }

  public boolean isHidden(String studentId) {
    lock.readLock().lock();
    try {
      return hidden.contains(studentId);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void densify(Profile p) {
    for (String s : p.skills()) {
      held.get(skillCodes.find(s)).densifyIfWorth(slotCount);
    }
    for (String c : p.cities()) {
      cities.get(cityCodes.find(c)).densifyIfWorth(slotCount);
    }
  }

  /** Forgets a student; false when the index did not know them. */
  public boolean remove(String studentId) {
    lock.writeLock().lock();
    try {
      hidden.remove(studentId);
      int slot = ids.find(studentId);
      if (slot < 0) {
        return false;
      }
      ids.unbind(slot);
      clearAlive(slot);
      live--;
      version = VERSIONS.incrementAndGet();
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

  /** Slots taken, live or retired (retired ones are reclaimed by building the index anew). */
  public int slotCount() {
    lock.readLock().lock();
    try {
      return slotCount;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** An estimate of the bytes the index holds (arrays and sets; code books approximated). */
  public long estimatedBytes() {
    lock.readLock().lock();
    try {
      long b = 8L * alive.length + ids.bytes() + majors.bytes() + institutions.bytes();
      b += majorCodes.bytes() + institutionCodes.bytes() + cityCodes.bytes() + skillCodes.bytes();
      for (SlotSet s : degrees) {
        b += s.bytes();
      }
      for (SlotSet s : years.values()) {
        b += s.bytes();
      }
      b += noCity.bytes();
      for (List<SlotSet> sets : List.of(cities, held, verified)) {
        for (SlotSet s : sets) {
          b += s == null ? 4 : s.bytes() + 4;
        }
      }
      return b;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * What the index knows of a student, rebuilt from its sets (the index keeps no Profile objects:
   * at millions of students they would not fit). Costs a membership test per known skill.
   */
  public Optional<Profile> get(String studentId) {
    lock.readLock().lock();
    try {
      int slot = ids.find(studentId);
      return slot < 0 ? Optional.empty() : Optional.of(profileAt(slot));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The cards of the given students that the index knows (hidden ones included), by id; one read
   * lock for all, so a top's cards come from one state of the index.
   */
  public Map<String, StudentCard> cards(Collection<String> studentIds) {
    Map<String, StudentCard> cards = new HashMap<>();
    lock.readLock().lock();
    try {
      for (String id : studentIds) {
        int slot = ids.find(id);
        if (slot >= 0) {
          cards.put(
              id,
              new StudentCard(
                  ids.id(slot),
                  institutionCodes.value(institutions.get(slot)),
                  majorCodes.value(majors.get(slot)),
                  degreeAt(slot),
                  yearAt(slot),
                  citiesAt(slot)));
        }
      }
      return cards;
    } finally {
      lock.readLock().unlock();
    }
  }

  private Profile profileAt(int slot) {
    Set<String> skillKeys = new HashSet<>();
    Set<String> verifiedKeys = new HashSet<>();
    for (int s = 1; s < held.size(); s++) {
      if (held.get(s).contains(slot)) {
        skillKeys.add(skillCodes.value(s));
        SlotSet v = verified.get(s);
        if (v != null && v.contains(slot)) {
          verifiedKeys.add(skillCodes.value(s));
        }
      }
    }
    return new Profile(
        ids.id(slot),
        institutionCodes.value(institutions.get(slot)),
        majorCodes.value(majors.get(slot)),
        degreeAt(slot),
        yearAt(slot),
        citiesAt(slot),
        skillKeys,
        verifiedKeys);
  }

  private Degree degreeAt(int slot) {
    Degree degree = null;
    for (Degree d : Degree.values()) {
      if (degrees[d.ordinal()].contains(slot)) {
        degree = d;
      }
    }
    return degree;
  }

  private int yearAt(int slot) {
    int year = 0;
    for (var e : years.entrySet()) {
      if (e.getValue().contains(slot)) {
        year = e.getKey();
      }
    }
    return year;
  }

  private Set<String> citiesAt(int slot) {
    Set<String> cityKeys = new HashSet<>();
    if (!noCity.contains(slot)) {
      for (int c = 1; c < cities.size(); c++) {
        if (cities.get(c).contains(slot)) {
          cityKeys.add(cityCodes.value(c));
        }
      }
    }
    return cityKeys;
  }

  /**
   * The k students passing the demand's hard constraints with the most points, most points first,
   * ties by pseudonymous id ascending.
   */
  public List<StudentMatch> top(DemandCriteria demand, int k) {
    if (k <= 0) {
      return List.of();
    }
    lock.readLock().lock();
    try {
      return new Ranking(demand, k).run();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The hard constraints of a demand as cursors over the sets; null when nobody can pass. */
  private final class Filter {
    final SlotSet.Cursor[] degreeCursors;
    final SlotSet.Cursor yearCursor;
    final SlotSet.Cursor[] cityCursors;
    final Set<String> demandCities;
    final boolean possible;

    Filter(DemandCriteria demand) {
      demandCities = demand.cities();
      if (demand.minimumDegree() == null) {
        degreeCursors = null;
      } else {
        List<SlotSet.Cursor> list = new ArrayList<>();
        for (Degree d : Degree.values()) {
          if (d.satisfies(demand.minimumDegree())) {
            list.add(new SlotSet.Cursor(degrees[d.ordinal()]));
          }
        }
        degreeCursors = list.toArray(new SlotSet.Cursor[0]);
      }
      SlotSet year = demand.graduationYear() == null ? null : years.get(demand.graduationYear());
      yearCursor = year == null ? null : new SlotSet.Cursor(year);
      possible = demand.graduationYear() == null || year != null;
      if (demand.cities().isEmpty()) {
        cityCursors = null;
      } else {
        List<SlotSet.Cursor> list = new ArrayList<>();
        list.add(new SlotSet.Cursor(noCity));
        for (String c : demand.cities()) {
          int code = cityCodes.find(c);
          if (code > 0) {
            list.add(new SlotSet.Cursor(cities.get(code)));
          }
        }
        cityCursors = list.toArray(new SlotSet.Cursor[0]);
      }
    }

    /**
     * Word ranges [from, to) that can hold passing students, in order: with a city filter only the
     * no-city partition, the listed cities' partitions, the several-cities partition and the slots
     * appended since the build; else every word.
     */
    int[] ranges(int words) {
      if (cityCursors == null) {
        return new int[] {0, words};
      }
      List<int[]> list = new ArrayList<>();
      list.add(new int[] {0, noCityEnd});
      for (String c : demandCities) {
        int code = cityCodes.find(c);
        if (code > 0 && code < cityStart.length && cityEnd[code] > cityStart[code]) {
          list.add(new int[] {cityStart[code], cityEnd[code]});
        }
      }
      list.add(new int[] {Math.min(multiCityStart, builtSlots), slotCount});
      list.sort((x, y) -> Integer.compare(x[0], y[0]));
      int[] merged = new int[list.size() * 2];
      int m = 0;
      for (int[] r : list) {
        int from = r[0] >>> 6;
        int to = SlotSet.wordsFor(r[1]);
        if (from >= to) {
          continue;
        }
        if (m > 0 && from <= merged[m - 1]) {
          merged[m - 1] = Math.max(merged[m - 1], to);
        } else {
          merged[m++] = from;
          merged[m++] = to;
        }
      }
      return Arrays.copyOf(merged, m);
    }

    void seek(int w) {
      seekAll(degreeCursors, w);
      if (yearCursor != null) {
        yearCursor.seek(w);
      }
      seekAll(cityCursors, w);
    }

    /** Live students of word w passing degree, graduation year and cities. */
    long passing(int w) {
      long a = alive[w];
      if (cityCursors != null) {
        long c = 0;
        for (SlotSet.Cursor cc : cityCursors) {
          c |= cc.word(w);
        }
        a &= c;
        if (a == 0) {
          return 0;
        }
      }
      if (degreeCursors != null) {
        long d = 0;
        for (SlotSet.Cursor c : degreeCursors) {
          d |= c.word(w);
        }
        a &= d;
      }
      if (yearCursor != null) {
        a &= yearCursor.word(w);
      }
      return a;
    }
  }

  private static void seekAll(SlotSet.Cursor[] cursors, int w) {
    if (cursors != null) {
      for (SlotSet.Cursor c : cursors) {
        c.seek(w);
      }
    }
  }

  private SlotSet heldOf(String skill) {
    int code = skillCodes.find(skill);
    return code > 0 ? held.get(code) : null;
  }

  private SlotSet verifiedOf(String skill) {
    int code = skillCodes.find(skill);
    return code > 0 ? verified.get(code) : null;
  }

  /**
   * Scratch of one running query: the points the demand's sparse inputs give each slot, bit-sliced
   * (slice c of word w at w × slices + c). All zero between queries (a query clears what it wrote).
   */
  private static final class Scratch {
    long[] sparse = new long[0];
    long[] acc = new long[8];
  }

  /**
   * Idle scratches, at most one per processor (not one per thread: a large pool of request threads
   * would each keep ~1 byte per slot); a query finding none allocates one.
   */
  private static final ArrayBlockingQueue<Scratch> SCRATCH =
      new ArrayBlockingQueue<>(Math.max(2, Runtime.getRuntime().availableProcessors()));

  /**
   * One top-k query. Sparse inputs (sorted slot arrays) are first scattered into bit-sliced
   * per-word scratch; then each word starts from its sparse slices, adds its dense inputs (bitsets)
   * by ripple carries, and one comparison with θ picks the students to score exactly.
   */
  private final class Ranking {
    final DemandCriteria demand;
    final int k;
    final Filter filter;
    final long[][] denseInputs; // held and verified words of the demand skills, bitsets
    final int[] denseColumns; // the power of two each input adds at
    final SlotSet[] sparseInputs; // the same, sorted slot arrays
    final int[] sparseColumns;
    final int slices;
    final int denseBound; // the most points dense inputs plus the major can give
    final int[] majorPoints;
    final int bestMajorPoints;
    final int[] heapSlots;
    final int[] heapPoints;
    int heapSize;

    Ranking(DemandCriteria demand, int k) {
      this.demand = demand;
      this.filter = new Filter(demand);
      List<long[]> dense = new ArrayList<>();
      List<Integer> denseCols = new ArrayList<>();
      List<SlotSet> sparse = new ArrayList<>();
      List<Integer> sparseCols = new ArrayList<>();
      int maxSkillPoints = 0;
      int densePoints = 0;
      for (String s : demand.essentialSkills()) {
        maxSkillPoints += MatchScoring.ESSENTIAL_VERIFIED;
      }
      for (String s : demand.optionalSkills()) {
        maxSkillPoints += MatchScoring.OPTIONAL_VERIFIED;
      }
      for (int pass = 0; pass < 2; pass++) {
        boolean essential = pass == 0;
        int heldWeight = essential ? MatchScoring.ESSENTIAL_HELD : MatchScoring.OPTIONAL_HELD;
        int verifiedWeight =
            essential ? MatchScoring.ESSENTIAL_VERIFIED : MatchScoring.OPTIONAL_VERIFIED;
        for (String s : essential ? demand.essentialSkills() : demand.optionalSkills()) {
          for (int input = 0; input < 2; input++) {
            SlotSet set = input == 0 ? heldOf(s) : verifiedOf(s);
            int weight = input == 0 ? heldWeight : verifiedWeight - heldWeight;
            if (set == null || weight <= 0) {
              continue;
            }
            if (set.dense()) {
              densePoints += weight;
            }
            // Why: a weight is a sum of powers of two; each becomes one carry into its slice.
            for (int c = 0; c < 31; c++) {
              if ((weight >>> c & 1) != 0) {
                if (set.dense()) {
                  dense.add(set.words());
                  denseCols.add(c);
                } else {
                  sparse.add(set);
                  sparseCols.add(c);
                }
              }
            }
          }
        }
      }
      denseInputs = dense.toArray(new long[0][]);
      denseColumns = denseCols.stream().mapToInt(Integer::intValue).toArray();
      sparseInputs = sparse.toArray(new SlotSet[0]);
      sparseColumns = sparseCols.stream().mapToInt(Integer::intValue).toArray();
      slices = Math.max(1, 32 - Integer.numberOfLeadingZeros(maxSkillPoints));
      majorPoints = new int[majorCodes.size()];
      int best = 0;
      if (!demand.majorCodes().isEmpty()) {
        for (int c = 1; c < majorPoints.length; c++) {
          majorPoints[c] =
              MatchScoring.points(MajorMatch.of(majorCodes.value(c), demand.majorCodes()));
          best = Math.max(best, majorPoints[c]);
        }
      }
      bestMajorPoints = best;
      denseBound = densePoints + best;
      int capacity = Math.min(k, live);
      this.k = capacity;
      heapSlots = new int[capacity];
      heapPoints = new int[capacity];
    }

    List<StudentMatch> run() {
      if (!filter.possible || k == 0) {
        return List.of();
      }
      int words = SlotSet.wordsFor(slotCount);
      int[] ranges = filter.ranges(words);
      Scratch polled = SCRATCH.poll();
      Scratch scratch = polled != null ? polled : new Scratch();
      long need = (long) words * slices;
      if (scratch.sparse.length < need) {
        scratch.sparse = new long[(int) Math.min(Integer.MAX_VALUE - 8, need + (need >>> 3))];
      }
      if (scratch.acc.length < slices) {
        scratch.acc = new long[slices];
      }
      long[] sparse = scratch.sparse;
      long[] acc = scratch.acc;
      try {
        scatter(ranges, sparse);
        int top = slices;
        for (int r = 0; r < ranges.length; r += 2) {
          filter.seek(ranges[r]);
          for (int w = ranges[r]; w < ranges[r + 1]; w++) {
            int at = w * top;
            long any = 0L;
            for (int c = 0; c < top; c++) {
              long x = sparse[at + c];
              acc[c] = x;
              any |= x;
            }
            // Why: once θ exceeds what dense inputs and the major can give, a word without sparse
            // points holds nobody who can enter.
            if (any == 0L && heapSize == k && denseBound < heapPoints[0]) {
              continue;
            }
            long passing = filter.passing(w);
            if (passing != 0) {
              score(w, passing, acc);
            }
          }
        }
      } finally {
        for (int r = 0; r < ranges.length; r += 2) {
          Arrays.fill(sparse, ranges[r] * slices, ranges[r + 1] * slices, 0L);
        }
        SCRATCH.offer(scratch);
      }
      return results();
    }

    /** Adds the points of the sparse inputs to their slots in the ranges, bit-sliced. */
    private void scatter(int[] ranges, long[] sparse) {
      int top = slices;
      for (int i = 0; i < sparseInputs.length; i++) {
        int[] slots = sparseInputs[i].slots();
        int size = sparseInputs[i].size();
        int column = sparseColumns[i];
        for (int r = 0; r < ranges.length; r += 2) {
          int to = ranges[r + 1] * PER_WORD;
          for (int p = lowerBound(slots, size, ranges[r] * PER_WORD); p < size; p++) {
            int slot = slots[p];
            if (slot >= to) {
              break;
            }
            int at = (slot >>> 6) * top;
            long x = 1L << slot;
            for (int c = column; x != 0 && c < top; c++) {
              long carry = sparse[at + c] & x;
              sparse[at + c] ^= x;
              x = carry;
            }
          }
        }
      }
    }

    /**
     * Adds the dense points of word w to its sparse slices, then scores the students that can
     * enter.
     */
    private void score(int w, long passing, long[] acc) {
      int top = slices;
      for (int i = 0; i < denseInputs.length; i++) {
        long[] words = denseInputs[i];
        long x = w < words.length ? words[w] & passing : 0L;
        // Why: a fixed-length carry chain has no data-dependent branch to mispredict.
        for (int c = denseColumns[i]; c < top; c++) {
          long carry = acc[c] & x;
          acc[c] ^= x;
          x = carry;
        }
      }
      long candidates = passing;
      if (heapSize == k) {
        // Why: skill points + best major points ≥ θ is necessary to enter the heap.
        candidates &= atLeast(acc, top, heapPoints[0] - bestMajorPoints);
      }
      int base = w * PER_WORD;
      while (candidates != 0) {
        int bit = Long.numberOfTrailingZeros(candidates);
        candidates &= candidates - 1;
        int slot = base + bit;
        offer(slot, pointsAt(acc, top, bit) + majorPoints[majors.get(slot)]);
      }
    }

    private int pointsAt(long[] acc, int top, int bit) {
      int points = 0;
      for (int c = 0; c < top; c++) {
        points |= (int) ((acc[c] >>> bit) & 1L) << c;
      }
      return points;
    }

    /** Lanes whose bit-sliced number is ≥ threshold. */
    private long atLeast(long[] acc, int top, int threshold) {
      if (threshold <= 0) {
        return -1L;
      }
      if (threshold >= 1 << top) {
        return 0L;
      }
      long greater = 0L;
      long equal = -1L;
      for (int c = top - 1; c >= 0; c--) {
        if ((threshold >>> c & 1) != 0) {
          equal &= acc[c];
        } else {
          greater |= equal & acc[c];
          equal &= ~acc[c];
        }
      }
      return greater | equal;
    }

    /** Whether heap entry i ranks below heap entry j (fewer points, or equal and larger id). */
    private boolean below(int slotA, int pointsA, int slotB, int pointsB) {
      if (pointsA != pointsB) {
        return pointsA < pointsB;
      }
      return ids.compare(slotA, slotB) > 0;
    }

    private void offer(int slot, int points) {
      if (heapSize < k) {
        int i = heapSize++;
        heapSlots[i] = slot;
        heapPoints[i] = points;
        while (i > 0) {
          int parent = (i - 1) >>> 1;
          if (!below(heapSlots[i], heapPoints[i], heapSlots[parent], heapPoints[parent])) {
            break;
          }
          swap(i, parent);
          i = parent;
        }
        return;
      }
      if (!below(heapSlots[0], heapPoints[0], slot, points)) {
        return;
      }
      heapSlots[0] = slot;
      heapPoints[0] = points;
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        if (l >= heapSize) {
          break;
        }
        int r = l + 1;
        int worst = l;
        if (r < heapSize && below(heapSlots[r], heapPoints[r], heapSlots[l], heapPoints[l])) {
          worst = r;
        }
        if (!below(heapSlots[worst], heapPoints[worst], heapSlots[i], heapPoints[i])) {
          break;
        }
        swap(i, worst);
        i = worst;
      }
    }

    private void swap(int i, int j) {
      int s = heapSlots[i];
      heapSlots[i] = heapSlots[j];
      heapSlots[j] = s;
      int p = heapPoints[i];
      heapPoints[i] = heapPoints[j];
      heapPoints[j] = p;
    }

    private List<StudentMatch> results() {
      Integer[] order = new Integer[heapSize];
      for (int i = 0; i < heapSize; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order,
          (a, b) ->
              below(heapSlots[a], heapPoints[a], heapSlots[b], heapPoints[b])
                  ? 1
                  : below(heapSlots[b], heapPoints[b], heapSlots[a], heapPoints[a]) ? -1 : 0);
      List<StudentMatch> matches = new ArrayList<>(heapSize);
      for (Integer i : order) {
        int slot = heapSlots[i];
        Explanation e = explain(slot);
        matches.add(new StudentMatch(ids.id(slot), e.points(), e));
      }
      return List.copyOf(matches);
    }

    /** The explanation of a slot, by membership tests, in the demand's order as Explanation.of. */
    private Explanation explain(int slot) {
      List<String> ev = new ArrayList<>();
      List<String> eh = new ArrayList<>();
      List<String> em = new ArrayList<>();
      List<String> ov = new ArrayList<>();
      List<String> oh = new ArrayList<>();
      // Why: a verified skill is also held, so a skill not held needs one membership test.
      for (String s : demand.essentialSkills()) {
        (!has(heldOf(s), slot) ? em : has(verifiedOf(s), slot) ? ev : eh).add(s);
      }
      for (String s : demand.optionalSkills()) {
        if (has(heldOf(s), slot)) {
          (has(verifiedOf(s), slot) ? ov : oh).add(s);
        }
      }
      return new Explanation(
          ev,
          eh,
          em,
          ov,
          oh,
          MajorMatch.of(majorCodes.value(majors.get(slot)), demand.majorCodes()));
    }
  }

  /** The first position in slots[0, size) holding a slot ≥ from. */
  private static int lowerBound(int[] slots, int size, int from) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (slots[mid] < from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static boolean has(SlotSet set, int slot) {
    return set != null && set.contains(slot);
  }

  /** Exact diagnosis counts over every student the index knows. */
  public Diagnosis diagnose(DemandCriteria demand) {
    lock.readLock().lock();
    try {
      return diagnosis(demand);
    } finally {
      lock.readLock().unlock();
    }
  }

  private Diagnosis diagnosis(DemandCriteria demand) {
    List<String> essentials = demand.essentialSkills();
    int n = essentials.size();
    boolean hasDegree = demand.minimumDegree() != null;
    boolean hasCities = !demand.cities().isEmpty();
    boolean hasYear = demand.graduationYear() != null;
    boolean hasMajors = !demand.majorCodes().isEmpty();
    // Requirement masks per word: [0, n) essentials, then degree, cities, year, majors.
    int requirementCount = n + 4;
    int degreeAt = n;
    int cityAt = n + 1;
    int yearAt = n + 2;
    int majorAt = n + 3;
    SlotSet.Cursor[] essentialCursors = new SlotSet.Cursor[n];
    for (int i = 0; i < n; i++) {
      essentialCursors[i] = new SlotSet.Cursor(heldOf(essentials.get(i)));
    }
    Filter degreeOnly =
        new Filter(
            new DemandCriteria(
                List.of(), List.of(), List.of(), demand.minimumDegree(), Set.of(), null));
    Filter cityOnly =
        new Filter(
            new DemandCriteria(List.of(), List.of(), List.of(), null, demand.cities(), null));
    Filter yearOnly =
        new Filter(
            new DemandCriteria(
                List.of(), List.of(), List.of(), null, Set.of(), demand.graduationYear()));
    boolean[] majorMeets = new boolean[majorCodes.size()];
    for (int c = 1; c < majorMeets.length; c++) {
      MajorMatch m = MajorMatch.of(majorCodes.value(c), demand.majorCodes());
      majorMeets[c] = m == MajorMatch.SAME_MAJOR || m == MajorMatch.SAME_CLASS;
    }
    long passingHard = 0;
    long withAllEssentials = 0;
    long qualified = 0;
    long[] allBut = new long[requirementCount];
    long[] lacking = new long[n];
    long[] req = new long[requirementCount];
    long[] suffix = new long[requirementCount + 1];
    int words = SlotSet.wordsFor(slotCount);
    for (int w = 0; w < words; w++) {
      long a = alive[w];
      if (a == 0) {
        continue;
      }
      req[degreeAt] = hasDegree ? degreeOnly.passing(w) : a;
      req[cityAt] = hasCities ? cityOnly.passing(w) : a;
      req[yearAt] = hasYear ? (yearOnly.possible ? yearOnly.passing(w) : 0) : a;
      long hard = a & req[degreeAt] & req[cityAt] & req[yearAt];
      long all = a;
      for (int i = 0; i < n; i++) {
        req[i] = essentialCursors[i].word(w);
        all &= req[i];
      }
      // Essentials missing, counted up to three (near-misses lack one or two).
      long missOne = 0;
      long missTwo = 0;
      long missThree = 0;
      for (int i = 0; i < n; i++) {
        long missing = a & ~req[i];
        missThree |= missTwo & missing;
        missTwo |= missOne & missing;
        missOne |= missing;
      }
      long majorWord = a;
      if (hasMajors) {
        // Why: a major matters only to students failing at most one other requirement (the
        // counts relax one at a time) or to near-misses, so most students are never looked up.
        long one = 0;
        long two = 0;
        for (int r = 0; r < majorAt; r++) {
          long fail = a & ~req[r];
          two |= one & fail;
          one |= fail;
        }
        long need = (a & ~two) | (hard & ~missThree);
        majorWord = 0;
        while (need != 0) {
          int bit = Long.numberOfTrailingZeros(need);
          need &= need - 1;
          if (majorMeets[majors.get(w * PER_WORD + bit)]) {
            majorWord |= 1L << bit;
          }
        }
      }
      req[majorAt] = majorWord;
      passingHard += Long.bitCount(hard);
      long withAll = hard & all;
      withAllEssentials += Long.bitCount(withAll);
      qualified += Long.bitCount(withAll & majorWord);
      suffix[requirementCount] = a;
      for (int r = requirementCount - 1; r >= 0; r--) {
        suffix[r] = suffix[r + 1] & req[r];
      }
      long prefix = a;
      for (int r = 0; r < requirementCount; r++) {
        allBut[r] += Long.bitCount(prefix & suffix[r + 1]);
        prefix &= req[r];
      }
      // Near-misses: every other requirement met, one or two essentials missing.
      long nearMiss = hard & majorWord & missOne & ~missThree;
      if (nearMiss != 0) {
        for (int i = 0; i < n; i++) {
          lacking[i] += Long.bitCount(nearMiss & ~req[i]);
        }
      }
    }
    List<Diagnosis.Relaxation> relaxations = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      relaxations.add(
          new Diagnosis.Relaxation(
              Diagnosis.Requirement.ESSENTIAL_SKILL,
              essentials.get(i),
              (int) (allBut[i] - qualified)));
    }
    if (hasDegree) {
      relaxations.add(
          relaxation(Diagnosis.Requirement.MINIMUM_DEGREE, allBut[degreeAt], qualified));
    }
    if (hasCities) {
      relaxations.add(relaxation(Diagnosis.Requirement.CITIES, allBut[cityAt], qualified));
    }
    if (hasYear) {
      relaxations.add(relaxation(Diagnosis.Requirement.GRADUATION_YEAR, allBut[yearAt], qualified));
    }
    if (hasMajors) {
      relaxations.add(relaxation(Diagnosis.Requirement.MAJOR_CODES, allBut[majorAt], qualified));
    }
    List<Integer> missed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (lacking[i] > 0) {
        missed.add(i);
      }
    }
    // Most missed first; equal counts keep the demand's order (the sort is stable).
    missed.sort((x, y) -> Long.compare(lacking[y], lacking[x]));
    List<Diagnosis.MissingSkill> missing = new ArrayList<>();
    for (int i : missed) {
      missing.add(new Diagnosis.MissingSkill(essentials.get(i), (int) lacking[i]));
    }
    return new Diagnosis(
        (int) passingHard,
        (int) withAllEssentials,
        (int) qualified,
        List.copyOf(relaxations),
        List.copyOf(missing));
  }

  private static Diagnosis.Relaxation relaxation(
      Diagnosis.Requirement requirement, long allBut, long qualified) {
    return new Diagnosis.Relaxation(requirement, null, (int) (allBut - qualified));
  }
}
