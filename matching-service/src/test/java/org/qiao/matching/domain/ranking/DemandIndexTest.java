package org.qiao.matching.domain.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qiao.matching.domain.ranking.TestProfiles.demand;
import static org.qiao.matching.domain.ranking.TestProfiles.id;
import static org.qiao.matching.domain.ranking.TestProfiles.student;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemandIndexTest {

  private static Map<UUID, OpenDemand> byId(List<OpenDemand> demands) {
    Map<UUID, OpenDemand> map = new LinkedHashMap<>();
    demands.forEach(d -> map.put(d.demandId(), d));
    return map;
  }

  private static void assertSameRankings(
      DemandIndex index, Map<UUID, OpenDemand> truth, List<Profile> students, int k) {
    for (Profile s : students) {
      assertEquals(
          BruteForceRanking.topDemands(truth.values(), s, k), index.top(s, k), s::toString);
    }
  }

  private static List<Profile> students(SyntheticData data, int count) {
    List<Profile> students = data.profiles(count);
    students.add(student(id('n')).major(null).skills("unknown").build());
    students.add(student(id('m')).major("08").degree(Degree.DOCTOR).year(2030).build());
    return students;
  }

  @Test
  void indexedTopFiftyEqualsBruteForce() {
    SyntheticData data = new SyntheticData(21, 300, 0.1);
    List<OpenDemand> demands = data.openDemands(3_000, false);
    demands.addAll(data.openDemands(3_000, true));
    DemandIndex index = DemandIndex.build(demands);
    assertEquals(6_000, index.size());
    assertSameRankings(index, byId(demands), students(data, 200), 50);
  }

  @Test
  void upsertsAndRemovesStayExactIncludingARebuild() {
    SyntheticData data = new SyntheticData(22, 200, 0.1);
    List<OpenDemand> demands = data.openDemands(4_000, true);
    DemandIndex index = new DemandIndex();
    demands.forEach(index::upsert);
    Map<UUID, OpenDemand> truth = byId(demands);
    Random random = data.random();
    List<UUID> known = new ArrayList<>(truth.keySet());
    // Enough removals and replacements that retired slots outnumber live ones (a rebuild).
    for (int i = 0; i < 6_000; i++) {
      int op = random.nextInt(4);
      UUID id = known.get(random.nextInt(known.size()));
      if (op == 0) {
        OpenDemand d = data.openDemand(true);
        index.upsert(d);
        truth.put(d.demandId(), d);
        known.add(d.demandId());
      } else if (op == 1) {
        OpenDemand d = new OpenDemand(id, "ENT", data.variedDemand());
        index.upsert(d);
        truth.put(id, d);
      } else {
        assertEquals(truth.remove(id) != null, index.remove(id));
      }
    }
    assertEquals(truth.size(), index.size());
    assertSameRankings(index, truth, students(data, 100), 50);
    assertSameRankings(index, truth, students(data, 5), 10_000);
  }

  @Test
  void aRemovedDemandLeavesResults() {
    OpenDemand java = new OpenDemand(new UUID(0, 1), "E1", demand().essential("java").build());
    OpenDemand sql =
        new OpenDemand(new UUID(0, 2), "E2", demand().essential("sql").cities("北京").build());
    DemandIndex index = DemandIndex.build(List.of(java, sql));
    Profile student = student(id('a')).cities("上海").skills("java", "sql").build();
    assertEquals(
        List.of(java.demandId()),
        index.top(student, 5).stream().map(DemandMatch::demandId).toList());

    assertTrue(index.remove(java.demandId()));

    assertFalse(index.remove(java.demandId()));
    assertEquals(List.of(), index.top(student, 5));
    assertEquals(1, index.size());
  }

  @Test
  void ranksByShareThenPointsThenId() {
    // Shares: 8/12 for one essential held; 8+2 of 12+3 = 10/15 equal share, more points first.
    OpenDemand small = new OpenDemand(new UUID(0, 5), "E", demand().essential("java").build());
    OpenDemand larger =
        new OpenDemand(new UUID(0, 4), "E", demand().essential("java").optional("sql").build());
    OpenDemand twin = new OpenDemand(new UUID(0, 3), "E", demand().essential("java").build());
    OpenDemand none = new OpenDemand(new UUID(0, 1), "E", demand().essential("go").build());
    Profile student = student(id('a')).skills("java", "sql").build();

    List<DemandMatch> top = DemandIndex.build(List.of(small, larger, twin, none)).top(student, 10);

    assertEquals(
        List.of(larger.demandId(), twin.demandId(), small.demandId(), none.demandId()),
        top.stream().map(DemandMatch::demandId).toList());
    assertEquals(
        new DemandMatch(larger.demandId(), 10, 15, Explanation.of(larger.criteria(), student)),
        top.get(0));
  }

  @Test
  void entryBarsFilterCandidatesAndSurviveTheIndexCompactingItself() {
    SyntheticData data = new SyntheticData(23, 60, 0.1);
    List<OpenDemand> demands = data.openDemands(2_000, true);
    DemandIndex index = DemandIndex.build(demands);
    OpenDemand barred = demands.get(0);
    OpenDemand open = demands.get(1);
    // No student reaches 10,000 points: the barred demand is nobody's candidate.
    index.setEntryBar(barred.demandId(), 10_000, "0");
    index.setEntryBar(open.demandId(), 0, null);
    List<Profile> students = students(data, 300);
    assertEquals(0, candidates(index, students, barred.demandId()));
    long passingOpen = candidates(index, students, open.demandId());

    // Retired slots outnumber live ones: the index rebuilds its structures from the live demands.
    for (OpenDemand d : demands.subList(2, 1_600)) {
      index.remove(d.demandId());
    }
    assertEquals(402, index.size());
    assertEquals(0, candidates(index, students, barred.demandId()));
    assertEquals(passingOpen, candidates(index, students, open.demandId()));
    // A changed demand starts without a bar: every passing student is a candidate again.
    index.upsert(barred);
    long passingBarred = candidates(index, students, barred.demandId());
    assertTrue(passingBarred > 0, "no student passes the re-upserted demand");
    assertEquals(
        students.stream()
            .filter(s -> BruteForceRanking.topDemands(List.of(barred), s, 1).size() == 1)
            .count(),
        passingBarred);
  }

  private static long candidates(DemandIndex index, List<Profile> students, UUID demandId) {
    long[] count = {0};
    for (Profile s : students) {
      index.forEachCandidate(
          s,
          (demand, points) -> {
            if (demand.demandId().equals(demandId)) {
              count[0]++;
            }
          });
    }
    return count[0];
  }
}
