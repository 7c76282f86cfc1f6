package org.qiao.matching.domain.ranking;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last top ranked for each demand (and graduation year), answered again while nothing it
 * depends on changed: an enterprise reloading or paging its candidates, or a portal showing them to
 * several of its staff, costs no scan of the index. Thread-safe.
 *
 * <p>Exact, not approximate: an entry answers only for the {@link ProfileIndex#version} it was
 * ranked on (any upsert, removal or hiding moves it, and a rebuilt index has another) and for equal
 * criteria (a changed demand misses), and a top of k answers any limit up to k, because the order
 * is total (points, then id), so a shorter top is a prefix of a longer one.
 */
public final class RecentTops {

  /** A top and the cards of the students it names. */
  public record Top(List<StudentMatch> matches, Map<String, StudentCard> cards) {
    Top first(int limit) {
      return matches.size() <= limit ? this : new Top(matches.subList(0, limit), cards);
    }
  }

  private record Key(UUID demandId, Integer graduationYear) {}

  private record Entry(long version, DemandCriteria criteria, int limit, Top top) {}

  private final int capacity;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  /** At most {@code capacity} demands' tops are kept; 0 keeps none. */
  public RecentTops(int capacity) {
    this.capacity = capacity;
  }

  /**
   * The demand's top {@code limit} under {@code criteria}, from {@code index} or as last ranked on
   * the same version of it.
   */
  public Top top(ProfileIndex index, UUID demandId, DemandCriteria criteria, int limit) {
    // One entry per demand and year asked for, so both a year's and all years' tops are kept.
    Key key = new Key(demandId, criteria.graduationYear());
    // Read before ranking: a change meanwhile leaves a top newer than its version says, which
    // the next request then misses, never an older one served as current.
    long version = index.version();
    Entry e = entries.get(key);
    if (e != null
        && e.version() == version
        && e.limit() >= limit
        && e.criteria().equals(criteria)) {
      return e.top().first(limit);
    }
    List<StudentMatch> matches = index.top(criteria, limit);
    Top top = new Top(matches, index.cards(matches.stream().map(StudentMatch::studentId).toList()));
    if (capacity > 0) {
      if (entries.size() >= capacity) {
        entries.clear(); // crude but bounded; the tops come back on the next reads
      }
      entries.put(key, new Entry(version, criteria, limit, top));
    }
    return top;
  }
}
