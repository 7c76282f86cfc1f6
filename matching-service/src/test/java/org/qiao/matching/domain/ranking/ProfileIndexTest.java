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
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qiao.matching.domain.ranking.Diagnosis.MissingSkill;
import org.qiao.matching.domain.ranking.Diagnosis.Relaxation;
import org.qiao.matching.domain.ranking.Diagnosis.Requirement;

class ProfileIndexTest {

  private static Map<String, Profile> byId(List<Profile> profiles) {
    Map<String, Profile> map = new LinkedHashMap<>();
    profiles.forEach(p -> map.put(p.studentId(), p));
    return map;
  }

  private static void assertSameRankings(
      ProfileIndex index, Map<String, Profile> truth, List<DemandCriteria> demands, int k) {
    for (DemandCriteria d : demands) {
      assertEquals(
          BruteForceRanking.topStudents(truth.values(), d, k), index.top(d, k), d::toString);
    }
  }

  @Test
  void indexedTopHundredEqualsBruteForce() {
    SyntheticData data = new SyntheticData(11);
    List<Profile> profiles = data.profiles(10_000);
    ProfileIndex index = ProfileIndex.build(profiles);
    List<DemandCriteria> demands = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      demands.add(i % 2 == 0 ? data.demand() : data.variedDemand());
    }
    assertEquals(10_000, index.size());
    assertSameRankings(index, byId(profiles), demands, 100);
  }

  @Test
  void smallVocabularyWithManyTiesEqualsBruteForce() {
    // 40 skills and many verified ones: most students tie on points, ids decide.
    SyntheticData data = new SyntheticData(12, 40, 0.3);
    List<Profile> profiles = data.profiles(3_000);
    ProfileIndex index = ProfileIndex.build(profiles);
    List<DemandCriteria> demands = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      demands.add(data.variedDemand());
    }
    assertSameRankings(index, byId(profiles), demands, 100);
    assertSameRankings(index, byId(profiles), demands.subList(0, 10), 5_000);
  }

  @Test
  void sparseAndDenseSkillsTiesAndEdgeShapesEqualBruteForce() {
    // A mid-size vocabulary gives each demand both bitset (popular) and sorted-array (rare) skills;
    // many verified skills make many ties at the threshold.
    SyntheticData data = new SyntheticData(16, 1_500, 0.3);
    List<Profile> profiles = data.profiles(6_000);
    ProfileIndex index = ProfileIndex.build(profiles);
    ProfileIndex small = ProfileIndex.build(profiles.subList(0, 500));
    Map<String, Profile> truth = byId(profiles);
    Map<String, Profile> smallTruth = byId(profiles.subList(0, 500));
    List<String> vocabulary = new ArrayList<>();
    profiles.forEach(p -> p.skills().forEach(vocabulary::add));
    List<String> manySkills = vocabulary.stream().distinct().limit(400).toList();
    List<DemandCriteria> demands = new ArrayList<>();
    demands.add(new DemandCriteria(List.of(), List.of(), List.of(), null, Set.of(), null));
    demands.add(
        new DemandCriteria(List.of(), List.of(), List.of("080902"), Degree.MASTER, Set.of(), null));
    // Hundreds of skills: sums far wider than the usual seven bit slices.
    demands.add(
        new DemandCriteria(
            manySkills.subList(0, 150),
            manySkills.subList(150, 400),
            List.of(),
            null,
            Set.of("上海"),
            null));
    for (int i = 0; i < 40; i++) {
      demands.add(i % 2 == 0 ? data.demand() : data.variedDemand());
    }
    for (int k : new int[] {1, 7, 100, 10_000}) {
      assertSameRankings(index, truth, demands, k);
      // The same thread's scratch, reused by a smaller index and back.
      assertSameRankings(small, smallTruth, demands.subList(0, 10), k);
    }
  }

  @Test
  void concurrentQueriesEqualBruteForce() throws Exception {
    // More threads than pooled scratches: queries run side by side, each on its own scratch.
    SyntheticData data = new SyntheticData(17, 2_000, 0.1);
    List<Profile> profiles = data.profiles(8_000);
    ProfileIndex index = ProfileIndex.build(profiles);
    List<DemandCriteria> demands = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      demands.add(i % 2 == 0 ? data.demand() : data.variedDemand());
    }
    List<List<StudentMatch>> expected = new ArrayList<>();
    for (DemandCriteria d : demands) {
      expected.add(BruteForceRanking.topStudents(profiles, d, 100));
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<List<StudentMatch>>> results = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (DemandCriteria d : demands) {
          results.add(pool.submit(() -> index.top(d, 100)));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        assertEquals(expected.get(i % demands.size()), results.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void upsertsAndRemovesAfterBuildStayExact() {
    SyntheticData data = new SyntheticData(13, 300, 0.1);
    List<Profile> profiles = data.profiles(10_000);
    ProfileIndex index = ProfileIndex.build(profiles);
    Map<String, Profile> truth = byId(profiles);
    Random random = data.random();
    List<String> known = new ArrayList<>(truth.keySet());
    for (int i = 0; i < 3_000; i++) {
      int op = random.nextInt(3);
      if (op == 0) {
        Profile p = data.profile();
        index.upsert(p);
        truth.put(p.studentId(), p);
        known.add(p.studentId());
      } else if (op == 1) {
        String id = known.get(random.nextInt(known.size()));
        Profile p = data.profile(id); // a new version of a known student
        index.upsert(p);
        truth.put(id, p);
      } else {
        String id = known.get(random.nextInt(known.size()));
        assertEquals(truth.remove(id) != null, index.remove(id));
      }
    }
    assertEquals(truth.size(), index.size());
    List<DemandCriteria> demands = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      demands.add(i % 2 == 0 ? data.demand() : data.variedDemand());
    }
    assertSameRankings(index, truth, demands, 100);
    for (DemandCriteria d : demands.subList(0, 20)) {
      assertEquals(BruteForceRanking.diagnose(truth.values(), d), index.diagnose(d));
    }
    for (String id : known.subList(0, 200)) {
      assertEquals(Optional.ofNullable(truth.get(id)), index.get(id));
    }
    // A ranking's cards come from the index: each current version's, none for the removed.
    Map<String, StudentCard> cards = index.cards(known);
    assertEquals(truth.size(), cards.size());
    truth.values().forEach(p -> assertEquals(cardOf(p), cards.get(p.studentId()), p::toString));
  }

  private static StudentCard cardOf(Profile p) {
    return new StudentCard(
        p.studentId(),
        p.institutionCode(),
        p.majorCode(),
        p.degree(),
        p.graduationYear(),
        p.cities());
  }

  @Test
  void anIndexFilledOnlyByUpsertsEqualsBruteForce() {
    SyntheticData data = new SyntheticData(14, 200, 0.1);
    ProfileIndex index = new ProfileIndex();
    List<Profile> profiles = data.profiles(2_000);
    profiles.forEach(index::upsert);
    List<DemandCriteria> demands = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      demands.add(data.variedDemand());
    }
    assertSameRankings(index, byId(profiles), demands, 50);
  }

  @Test
  void diagnosisEqualsBruteForceCounting() {
    SyntheticData data = new SyntheticData(15, 500, 0.05);
    List<Profile> profiles = data.profiles(10_000);
    ProfileIndex index = ProfileIndex.build(profiles);
    for (int i = 0; i < 60; i++) {
      DemandCriteria d = i % 2 == 0 ? data.demand() : data.variedDemand();
      assertEquals(BruteForceRanking.diagnose(profiles, d), index.diagnose(d), d::toString);
    }
  }

  private static List<Profile> handExample() {
    return List.of(
        // A: meets everything (major in the same class).
        student(id('a')).cities("上海").skills("java", "sql").major("080902").build(),
        // B: master preferring no city, lacks sql.
        student(id('b')).degree(Degree.MASTER).skills("java").build(),
        // C: degree too low only.
        student(id('c')).degree(Degree.ASSOCIATE).cities("上海").skills("java", "sql").build(),
        // D: city only.
        student(id('d')).cities("北京").skills("java", "sql").build(),
        // E: major only of the same discipline.
        student(id('e')).cities("上海").skills("java", "sql").major("081001").build(),
        // F: lacks both essentials.
        student(id('f')).cities("上海").skills("python").build(),
        // G: fails degree, city, java and major.
        student(id('g'))
            .degree(Degree.VOCATIONAL)
            .cities("北京")
            .skills("sql")
            .major("070101")
            .build(),
        // H: one of two cities listed, lacks java.
        student(id('h')).cities("北京", "上海").skills("sql").build(),
        // I: city only (doctor).
        student(id('i')).degree(Degree.DOCTOR).cities("深圳").skills("java", "sql").build(),
        // J: lacks sql, major in the same class.
        student(id('j')).cities("上海").skills("java").verified("java").major("080905").build(),
        // K: graduation year only.
        student(id('k')).cities("上海").skills("java", "sql").year(2025).build());
  }

  private static DemandCriteria handDemand() {
    return demand()
        .essential("java", "sql")
        .optional("python")
        .majors("080901")
        .minimum(Degree.BACHELOR)
        .cities("上海")
        .year(2026)
        .build();
  }

  @Test
  void diagnosisOfAHandComputedExample() {
    Diagnosis expected =
        new Diagnosis(
            6, // A B E F H J pass degree, city and year
            2, // A E also hold java and sql
            1, // A also has a major of the same class
            List.of(
                new Relaxation(Requirement.ESSENTIAL_SKILL, "java", 1), // + H
                new Relaxation(Requirement.ESSENTIAL_SKILL, "sql", 2), // + B J
                new Relaxation(Requirement.MINIMUM_DEGREE, null, 1), // + C
                new Relaxation(Requirement.CITIES, null, 2), // + D I
                new Relaxation(Requirement.GRADUATION_YEAR, null, 1), // + K
                new Relaxation(Requirement.MAJOR_CODES, null, 1)), // + E
            List.of(new MissingSkill("sql", 3), new MissingSkill("java", 2))); // B F J; F H
    assertEquals(expected, ProfileIndex.build(handExample()).diagnose(handDemand()));
    assertEquals(expected, BruteForceRanking.diagnose(handExample(), handDemand()));
    ProfileIndex incremental = new ProfileIndex();
    handExample().forEach(incremental::upsert);
    assertEquals(expected, incremental.diagnose(handDemand()));
  }

  @Test
  void aRemovedStudentLeavesResultsAndDiagnosis() {
    ProfileIndex index = ProfileIndex.build(handExample());
    assertEquals(id('a'), index.top(handDemand(), 1).get(0).studentId());

    assertTrue(index.remove(id('a')));

    assertFalse(index.remove(id('a')));
    assertTrue(index.top(handDemand(), 100).stream().noneMatch(m -> m.studentId().equals(id('a'))));
    Diagnosis after = index.diagnose(handDemand());
    assertEquals(5, after.passingHardConstraints());
    assertEquals(0, after.qualified());
    assertEquals(Optional.empty(), index.get(id('a')));
    assertEquals(10, index.size());
  }

  @Test
  void aHiddenStudentLeavesResultsAndDiagnosisButStaysKnownAndHiddenAcrossUpserts() {
    ProfileIndex index = ProfileIndex.build(handExample());
    Diagnosis before = index.diagnose(handDemand());
    Profile a = index.get(id('a')).orElseThrow();

    index.setHidden(id('a'), true);

    assertTrue(index.top(handDemand(), 100).stream().noneMatch(m -> m.studentId().equals(id('a'))));
    assertEquals(
        before.passingHardConstraints() - 1, index.diagnose(handDemand()).passingHardConstraints());
    assertEquals(Optional.of(a), index.get(id('a')));
    assertEquals(Map.of(id('a'), cardOf(a)), index.cards(List.of(id('a'))));
    assertEquals(11, index.size());
    // A new version of a hidden student stays hidden; one hidden before being known is too.
    index.upsert(a);
    index.setHidden(id('z'), true);
    index.upsert(student(id('z')).cities("上海").skills("java", "sql").build());
    assertTrue(
        index.top(handDemand(), 100).stream()
            .noneMatch(m -> m.studentId().equals(id('a')) || m.studentId().equals(id('z'))));

    index.setHidden(id('a'), false);
    assertEquals(id('a'), index.top(handDemand(), 1).get(0).studentId());
    assertEquals(before, index.diagnose(handDemand()));
    // Forgetting also ends the hiding: known again later, they are ranked.
    assertTrue(index.remove(id('z')));
    assertFalse(index.isHidden(id('z')));
  }

  @Test
  void topRanksByPointsThenIdWithTheFullExplanation() {
    ProfileIndex index = ProfileIndex.build(handExample());
    DemandCriteria d = demand().essential("java").optional("sql").majors("080901").build();

    List<StudentMatch> top = index.top(d, 5);

    // C D I K: java 8 + sql 2 + same major 6; J: java verified 12 + same class 4. A, B: 14.
    assertEquals(
        List.of(id('c'), id('d'), id('i'), id('j'), id('k')),
        top.stream().map(StudentMatch::studentId).toList());
    assertTrue(top.stream().allMatch(m -> m.points() == 16));
    assertEquals(
        new Explanation(
            List.of("java"), List.of(), List.of(), List.of(), List.of(), MajorMatch.SAME_CLASS),
        top.get(3).explanation());
    assertEquals(
        new Explanation(
            List.of(),
            List.of("java"),
            List.of(),
            List.of(),
            List.of("sql"),
            MajorMatch.SAME_MAJOR),
        top.get(0).explanation());
  }

  @Test
  void replacingAStudentReplacesEverythingKnownOfThem() {
    ProfileIndex index = ProfileIndex.build(handExample());
    Profile replaced =
        student(id('a'))
            .degree(Degree.VOCATIONAL)
            .cities("成都")
            .skills("rust")
            .verified("rust")
            .major(null)
            .build();

    index.upsert(replaced);

    assertEquals(Optional.of(replaced), index.get(id('a')));
    assertEquals(11, index.size());
    assertEquals(0, index.diagnose(handDemand()).qualified());
    List<StudentMatch> rust = index.top(demand().essential("rust").build(), 1);
    assertEquals(
        List.of(
            new StudentMatch(
                id('a'),
                12,
                new Explanation(
                    List.of("rust"), List.of(), List.of(), List.of(), List.of(), MajorMatch.NONE))),
        rust);
  }

  @Test
  void idsOutsideThePseudonymFormatWorkAndOrderAsStrings() {
    List<Profile> profiles =
        List.of(
            student("student-7").skills("go").build(),
            student(id('2')).skills("go").build(),
            student("s" + "z".repeat(27)).skills("go").build(),
            student(id('z')).skills("go").build(),
            student("S" + "a".repeat(26)).skills("go").build());
    for (ProfileIndex index : List.of(ProfileIndex.build(profiles), upserted(profiles))) {
      List<String> ids =
          index.top(demand().essential("go").build(), 10).stream()
              .map(StudentMatch::studentId)
              .toList();
      assertEquals(
          List.of("S" + "a".repeat(26), id('2'), "student-7", id('z'), "s" + "z".repeat(27)), ids);
      assertEquals(Optional.of(profiles.get(0)), index.get("student-7"));
      assertTrue(index.remove("student-7"));
      assertEquals(Optional.empty(), index.get("student-7"));
      assertEquals(4, index.top(demand().essential("go").build(), 10).size());
    }
  }

  private static ProfileIndex upserted(List<Profile> profiles) {
    ProfileIndex index = new ProfileIndex();
    profiles.forEach(index::upsert);
    return index;
  }

  @Test
  void buildKeepsTheLastProfileOfAnId() {
    Profile first = student(id('a')).cities("北京").skills("java").build();
    Profile last = student(id('a')).skills("sql").build();
    Profile other = student(id('b')).cities("上海").skills("java").build();

    ProfileIndex index = ProfileIndex.build(List.of(first, other, last));

    assertEquals(2, index.size());
    assertEquals(Optional.of(last), index.get(id('a')));
    assertEquals(
        List.of(id('b')),
        index.top(demand().essential("java").build(), 5).stream()
            .filter(m -> m.points() > 0)
            .map(StudentMatch::studentId)
            .toList());
  }

  @Test
  void unknownValuesAndEdgeSizes() {
    ProfileIndex index = ProfileIndex.build(handExample());
    assertEquals(List.of(), index.top(handDemand(), 0));
    assertEquals(List.of(), index.top(demand().year(2031).build(), 10));
    assertEquals(List.of(), new ProfileIndex().top(handDemand(), 10));
    // A city nobody prefers still admits the students preferring none.
    assertEquals(
        List.of(id('b')),
        index.top(demand().cities("拉萨").build(), 10).stream()
            .map(StudentMatch::studentId)
            .toList());
    DemandCriteria unknownSkill = demand().essential("cobol").build();
    assertEquals(11, index.top(unknownSkill, 100).size());
    assertEquals(
        BruteForceRanking.diagnose(handExample(), unknownSkill), index.diagnose(unknownSkill));
  }
}
