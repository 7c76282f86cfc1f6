package org.qiao.matching.domain.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The watched tops against a full recomputation after every round of random changes. */
class TopWatchTest {

  private final SyntheticData data = new SyntheticData(31, 120, 0.15);
  private final Random random = data.random();
  private final Map<String, Profile> students = new LinkedHashMap<>();
  private final Map<UUID, OpenDemand> open = new LinkedHashMap<>();
  private ProfileIndex profiles;
  private final DemandIndex demands = new DemandIndex();
  private final TopWatch watch = new TopWatch(10);

  private void platformWith(int studentCount, int demandCount) {
    for (Profile p : data.profiles(studentCount)) {
      students.put(p.studentId(), p);
    }
    profiles = ProfileIndex.build(students.values());
    // Varied demands: many with fewer than 10 passing students, many ties at the last place.
    for (OpenDemand d : data.openDemands(demandCount, true)) {
      open.put(d.demandId(), d);
      demands.upsert(d);
    }
    watch.update(profiles, demands, Map.copyOf(open), Map.of(), Set.of(), s -> true, true);
  }

  @Test
  void topsStayWhatAFullRecomputationRanksThroughRandomChanges() {
    platformWith(2_000, 300);
    assertEveryTopIsFresh(Map.of());
    List<String> ids = new ArrayList<>(students.keySet());
    for (int round = 0; round < 120; round++) {
      Map<UUID, List<TopWatch.Place>> before = snapshot();
      // As RankingIndexes records them: the profile upserted, or null (hidden, shown, removed).
      Map<String, Profile> changedStudents = new HashMap<>();
      Set<UUID> changedDemands = new HashSet<>();
      for (int change = random.nextInt(12); change >= 0; change--) {
        String id = ids.get(random.nextInt(ids.size()));
        switch (random.nextInt(9)) {
          case 0, 1 -> { // a new graduate
            Profile p = data.profile();
            students.put(p.studentId(), p);
            ids.add(p.studentId());
            profiles.upsert(p);
            changedStudents.put(p.studentId(), p);
          }
          case 2, 3 -> { // a new version of a profile, maybe better, maybe worse
            Profile p = data.profile(id);
            students.put(id, p);
            profiles.upsert(p);
            changedStudents.put(id, p);
          }
          case 4 -> { // hired, or seeking work again
            profiles.setHidden(id, !profiles.isHidden(id));
            changedStudents.putIfAbsent(id, null);
          }
          case 5 -> { // forgotten
            if (students.remove(id) != null) {
              profiles.remove(id);
              changedStudents.put(id, null);
            }
          }
          case 6 -> { // a new demand
            OpenDemand d = data.openDemand(true);
            open.put(d.demandId(), d);
            demands.upsert(d);
            changedDemands.add(d.demandId());
          }
          case 7 -> { // a demand's requirements changed
            UUID d = List.copyOf(open.keySet()).get(random.nextInt(open.size()));
            OpenDemand changed = new OpenDemand(d, "ENT", data.variedDemand());
            open.put(d, changed);
            demands.upsert(changed);
            changedDemands.add(d);
          }
          default -> { // a demand closed
            UUID d = List.copyOf(open.keySet()).get(random.nextInt(open.size()));
            open.remove(d);
            demands.remove(d);
            changedDemands.add(d);
          }
        }
      }
      Map<UUID, List<TopWatch.Place>> touched =
          watch.update(
              profiles,
              demands,
              Map.copyOf(open),
              changedStudents,
              changedDemands,
              s -> true,
              false);
      assertEveryTopIsFresh(touched);
      // What an announcer compares: every top that moved is among those handed back.
      for (UUID d : open.keySet()) {
        if (!watch.top(d).equals(before.get(d))) {
          assertTrue(touched.containsKey(d), "round " + round + ": moved but not reported: " + d);
        }
      }
      before.keySet().stream()
          .filter(d -> !open.containsKey(d))
          .forEach(d -> assertNull(watch.top(d), "a closed demand is no longer watched"));
    }
  }

  @Test
  void aChangedStudentTouchesOnlyTheTopsTheyEnter() {
    platformWith(3_000, 400);
    // No skills, no major, a year no demand asks for: a place only in the few tops that are not
    // full; every other demand is left alone (not ranked again).
    Profile nobody =
        new Profile(
            "zzzzzzzzzzzzzzzzzzzzzz",
            "19999",
            null,
            Degree.ASSOCIATE,
            2099,
            Set.of("拉萨"),
            Set.of(),
            Set.of());
    profiles.upsert(nobody);
    students.put(nobody.studentId(), nobody);

    Map<UUID, List<TopWatch.Place>> touched =
        watch.update(
            profiles,
            demands,
            Map.copyOf(open),
            Map.of(nobody.studentId(), nobody),
            Set.of(),
            s -> true,
            false);

    Set<UUID> entered = new HashSet<>();
    for (UUID d : open.keySet()) {
      if (watch.top(d).stream().anyMatch(p -> p.studentId().equals(nobody.studentId()))) {
        entered.add(d);
      }
    }
    assertEquals(entered, touched.keySet());
    assertTrue(entered.size() < open.size() / 4, () -> entered.size() + " of " + open.size());
    assertEveryTopIsFresh(touched);
  }

  @Test
  void aStudentForgottenOrChangedAgainAfterTheChangesWereTakenIsNotMergedFromTheOlderState() {
    platformWith(2_000, 300);
    // Strong profiles that enter many tops, taken as changes; then, before the watcher runs, one
    // is forgotten and the other changes again (its newer state comes with the next update).
    Map<String, Profile> taken = new HashMap<>();
    Profile forgotten = strongest("0000000000000000000001");
    Profile changedAgain = strongest("0000000000000000000002");
    for (Profile p : List.of(forgotten, changedAgain)) {
      profiles.upsert(p);
      taken.put(p.studentId(), p);
    }
    profiles.remove(forgotten.studentId());
    Profile newer = data.profile(changedAgain.studentId());
    profiles.upsert(newer);

    watch.update(
        profiles,
        demands,
        Map.copyOf(open),
        taken,
        Set.of(),
        s -> !s.equals(changedAgain.studentId()),
        false);
    for (UUID d : open.keySet()) {
      assertTrue(
          watch.top(d).stream()
              .noneMatch(
                  p ->
                      p.studentId().equals(forgotten.studentId())
                          || p.studentId().equals(changedAgain.studentId())),
          "merged from a state the index no longer holds: " + d);
    }
    // The next update brings the newer state: every top is exact again.
    watch.update(
        profiles,
        demands,
        Map.copyOf(open),
        Map.of(newer.studentId(), newer),
        Set.of(),
        s -> true,
        false);
    assertEveryTopIsFresh(Map.of());
  }

  /** A student holding every skill any demand asks for, verified: enters most tops. */
  private Profile strongest(String id) {
    Set<String> skills = new HashSet<>();
    open.values().forEach(d -> skills.addAll(d.criteria().essentialSkills()));
    open.values().forEach(d -> skills.addAll(d.criteria().optionalSkills()));
    return new Profile(id, "10001", null, Degree.DOCTOR, 2026, Set.of(), skills, skills);
  }

  private Map<UUID, List<TopWatch.Place>> snapshot() {
    Map<UUID, List<TopWatch.Place>> tops = new HashMap<>();
    open.keySet().forEach(d -> tops.put(d, watch.top(d)));
    return tops;
  }

  private void assertEveryTopIsFresh(Map<UUID, List<TopWatch.Place>> touched) {
    for (OpenDemand d : open.values()) {
      List<TopWatch.Place> full = new ArrayList<>();
      for (StudentMatch m : profiles.top(d.criteria(), 10)) {
        full.add(new TopWatch.Place(m.studentId(), m.points()));
      }
      assertEquals(full, watch.top(d.demandId()), () -> "demand " + d);
      if (touched.containsKey(d.demandId())) {
        assertEquals(full, touched.get(d.demandId()));
      }
    }
  }
}
