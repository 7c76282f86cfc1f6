package org.qiao.matching.domain.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A top answered again is always the top the index would rank now. */
class RecentTopsTest {

  private final SyntheticData data = new SyntheticData(21, 120, 0.1);
  private final UUID demandId = UUID.randomUUID();

  private static void assertCurrent(
      ProfileIndex index, DemandCriteria criteria, int limit, RecentTops.Top top) {
    List<StudentMatch> fresh = index.top(criteria, limit);
    assertEquals(fresh, top.matches());
    for (StudentMatch m : fresh) {
      Profile p = index.get(m.studentId()).orElseThrow();
      assertEquals(p.cities(), top.cards().get(m.studentId()).cities());
      assertEquals(p.majorCode(), top.cards().get(m.studentId()).majorCode());
    }
  }

  @Test
  void anUnchangedIndexAnswersAgainAndAShorterLimitIsThePrefix() {
    ProfileIndex index = ProfileIndex.build(data.profiles(3_000));
    RecentTops tops = new RecentTops(10);
    DemandCriteria criteria = data.demand();

    RecentTops.Top first = tops.top(index, demandId, criteria, 50);
    assertSame(first, tops.top(index, demandId, criteria, 50));
    assertCurrent(index, criteria, 50, first);
    assertCurrent(index, criteria, 7, tops.top(index, demandId, criteria, 7));
    // A longer top than the one kept is ranked again.
    assertNotSame(first, tops.top(index, demandId, criteria, 80));
  }

  @Test
  void everyChangeOfTheIndexOrTheDemandIsSeenAtOnce() {
    ProfileIndex index = ProfileIndex.build(data.profiles(3_000));
    RecentTops tops = new RecentTops(10);
    Random random = data.random();
    DemandCriteria criteria = data.demand();
    List<String> known = index.top(criteria, 100).stream().map(StudentMatch::studentId).toList();
    for (int round = 0; round < 300; round++) {
      tops.top(index, demandId, criteria, 20);
      switch (random.nextInt(5)) {
        case 0 -> index.upsert(data.profile()); // a newcomer, who may enter the top
        case 1 -> index.upsert(data.profile(known.get(random.nextInt(known.size()))));
        case 2 -> index.remove(known.get(random.nextInt(known.size())));
        case 3 -> index.setHidden(known.get(random.nextInt(known.size())), random.nextBoolean());
        default -> criteria = round % 2 == 0 ? data.variedDemand() : data.demand();
      }
      assertCurrent(index, criteria, 20, tops.top(index, demandId, criteria, 20));
    }
  }

  @Test
  void aRebuiltIndexAndAnotherYearAreNotAnsweredFromTheOldTop() {
    List<Profile> profiles = data.profiles(2_000);
    ProfileIndex index = ProfileIndex.build(profiles);
    RecentTops tops = new RecentTops(10);
    DemandCriteria criteria = data.demand();
    RecentTops.Top before = tops.top(index, demandId, criteria, 30);

    ProfileIndex rebuilt = ProfileIndex.build(profiles.subList(0, 1_000));
    assertCurrent(rebuilt, criteria, 30, tops.top(rebuilt, demandId, criteria, 30));
    DemandCriteria anotherYear =
        new DemandCriteria(
            criteria.essentialSkills(),
            criteria.optionalSkills(),
            criteria.majorCodes(),
            criteria.minimumDegree(),
            criteria.cities(),
            2027);
    assertNotSame(before, tops.top(index, demandId, anotherYear, 30));
  }

  @Test
  void noneKeptWhenTheCapacityIsZero() {
    ProfileIndex index = ProfileIndex.build(data.profiles(500));
    RecentTops tops = new RecentTops(0);
    DemandCriteria criteria = data.demand();
    assertNotSame(tops.top(index, demandId, criteria, 10), tops.top(index, demandId, criteria, 10));
  }
}
