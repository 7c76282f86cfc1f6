package org.qiao.matching.domain.ranking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Keeps the top k of every open demand equal to what {@link ProfileIndex#top} would rank now, at a
 * cost that follows what changed rather than how many demands are open (ADR 0017). Not thread-safe:
 * one watcher thread owns it.
 *
 * <p>Why it is exact: a top k is the k best passing students by (points descending, id ascending).
 * A student who did not change keeps their points. So after a set of students changed, a demand's
 * top can only differ when one of them held a place in it (then it is ranked again from the index)
 * or now ranks above its last place, or the top was not full (then the newcomers are merged in:
 * nobody else moved). A changed demand is ranked again. Which demands a changed student can enter
 * comes from the {@link DemandIndex} in one pass, skipping demands below whose entry bar (their
 * last place's points) the student stays.
 */
public final class TopWatch {

  /** One place of a top: who, with how many points. */
  public record Place(String studentId, int points) {}

  /** Best first: more points, then the smaller pseudonymous id (the order of ProfileIndex#top). */
  static final Comparator<Place> ORDER =
      Comparator.comparingInt(Place::points).reversed().thenComparing(Place::studentId);

  private final int k;
  private final Map<UUID, List<Place>> tops = new HashMap<>();
  private final Map<String, Set<UUID>> holders = new HashMap<>();

  public TopWatch(int k) {
    this.k = k;
  }

  /**
   * Brings the tops up to date with the indexes after the given changes and returns the tops that
   * were ranked or merged again (a caller compares them with what it announced); the tops of
   * demands no longer open are dropped.
   *
   * @param changedStudents the students changed since the last update, each with the profile it was
   *     last upserted with, or null (hidden, shown or removed since: the index is asked)
   * @param unchangedSince whether a student changed no further since {@code changedStudents} was
   *     taken: a newcomer is merged only then (and only while still ranked), so a forget or a newer
   *     profile that arrived meanwhile is never overtaken by the older state; such a student comes
   *     again with the next update's changes
   * @param everything rank every open demand again (the first run, or after the indexes were
   *     rebuilt)
   */
  public Map<UUID, List<Place>> update(
      ProfileIndex profiles,
      DemandIndex demandIndex,
      Map<UUID, OpenDemand> open,
      Map<String, Profile> changedStudents,
      Collection<UUID> changedDemands,
      Predicate<String> unchangedSince,
      boolean everything) {
    for (UUID gone : new ArrayList<>(tops.keySet())) {
      if (!open.containsKey(gone)) {
        put(gone, null);
      }
    }
    Set<UUID> rankAgain = new HashSet<>();
    Map<UUID, List<Place>> newcomers = new HashMap<>();
    if (everything) {
      rankAgain.addAll(open.keySet());
    } else {
      for (UUID d : changedDemands) {
        if (open.containsKey(d)) {
          rankAgain.add(d);
        }
      }
      for (UUID d : open.keySet()) {
        if (!tops.containsKey(d)) {
          rankAgain.add(d); // opened while a change was in flight: never ranked yet
        }
      }
      for (var change : changedStudents.entrySet()) {
        String student = change.getKey();
        rankAgain.addAll(holders.getOrDefault(student, Set.of()));
        // Reading a profile back from the index costs more than the rest: the one upserted is
        // handed over (null when only hidden, shown or removed since).
        Profile profile =
            change.getValue() != null ? change.getValue() : profiles.get(student).orElse(null);
        if (profile == null || profiles.isHidden(student)) {
          continue; // gone from every ranking: only the tops that held them change
        }
        demandIndex.forEachCandidate(
            profile,
            (demand, points) -> {
              // The demand index already left out every demand whose last place ranks above the
              // student; a merge keeps the best k, whatever comes in.
              if (tops.containsKey(demand.demandId())) {
                newcomers
                    .computeIfAbsent(demand.demandId(), x -> new ArrayList<>())
                    .add(new Place(student, points));
              }
            });
      }
    }
    Map<UUID, List<Place>> touched = new HashMap<>();
    for (UUID d : rankAgain) {
      List<Place> top = new ArrayList<>();
      for (StudentMatch m : profiles.top(open.get(d).criteria(), k)) {
        top.add(new Place(m.studentId(), m.points()));
      }
      touched.put(d, put(d, top));
    }
    Map<String, Boolean> current = new HashMap<>();
    newcomers.forEach(
        (d, entering) -> {
          if (!rankAgain.contains(d)) {
            List<Place> merged = new ArrayList<>(tops.get(d));
            for (Place p : entering) {
              if (current.computeIfAbsent(
                  p.studentId(), s -> profiles.isRanked(s) && unchangedSince.test(s))) {
                merged.add(p);
              }
            }
            merged.sort(ORDER);
            touched.put(d, put(d, merged.subList(0, Math.min(k, merged.size()))));
          }
        });
    touched.forEach((d, top) -> setEntryBar(demandIndex, d, top));
    return touched;
  }

  /** The watched top of a demand, as last updated; null when it is not watched. */
  public List<Place> top(UUID demandId) {
    return tops.get(demandId);
  }

  private void setEntryBar(DemandIndex demandIndex, UUID demandId, List<Place> top) {
    if (top.size() < k) {
      demandIndex.setEntryBar(demandId, 0, null);
    } else {
      Place last = top.get(top.size() - 1);
      demandIndex.setEntryBar(demandId, last.points(), last.studentId());
    }
  }

  private List<Place> put(UUID demandId, List<Place> top) {
    List<Place> before = top == null ? tops.remove(demandId) : tops.put(demandId, List.copyOf(top));
    if (before != null) {
      for (Place p : before) {
        Set<UUID> held = holders.get(p.studentId());
        if (held != null && held.remove(demandId) && held.isEmpty()) {
          holders.remove(p.studentId());
        }
      }
    }
    if (top == null) {
      return null;
    }
    for (Place p : top) {
      holders.computeIfAbsent(p.studentId(), x -> new HashSet<>()).add(demandId);
    }
    return tops.get(demandId);
  }
}
