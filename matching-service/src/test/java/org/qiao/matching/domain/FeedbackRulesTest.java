package org.qiao.matching.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qiao.matching.domain.ranking.DemandCriteria;
import org.qiao.matching.domain.ranking.MajorMatch;

class FeedbackRulesTest {

  private static Map<String, Boolean> skills(Object... keyAndEssential) {
    Map<String, Boolean> m = new LinkedHashMap<>();
    for (int i = 0; i < keyAndEssential.length; i += 2) {
      m.put((String) keyAndEssential[i], (Boolean) keyAndEssential[i + 1]);
    }
    return m;
  }

  @Test
  void skillDemandWeighsPositionsEssentialTwiceOptionalOnce() {
    SkillDemand market = new SkillDemand();
    market.add(skills("A", true, "B", false), 3); // A 6, B 3
    market.add(skills("A", false, "C", true), 2); // A 2, C 4
    market.add(skills("D", true), 0); // no open position: nothing
    assertEquals(15, market.total());
    assertEquals(
        List.of(
            new SkillDemand.Weighted("A", 8),
            new SkillDemand.Weighted("C", 4),
            new SkillDemand.Weighted("B", 3)),
        market.ranked());
    assertEquals(80.0, market.coveragePercent(Set.of("A", "C"))); // 12 of 15
    assertEquals(0.0, market.coveragePercent(Set.of("X")));
    assertNull(new SkillDemand().coveragePercent(Set.of("A")));
  }

  @Test
  void cellsOfOneToFourGraduatesAreSuppressed() {
    assertTrue(MarketCell.of("0809", 10, 4).suppressed());
    assertNull(MarketCell.of("0809", 10, 1).graduates());
    assertNull(MarketCell.of("0809", 10, 4).graduatesPerPosition());
    assertFalse(MarketCell.of("0809", 10, 5).suppressed());
    assertEquals(0.5, MarketCell.of("0809", 10, 5).graduatesPerPosition());
    assertEquals(0L, MarketCell.of("0809", 10, 0).graduates());
    assertNull(MarketCell.of("0809", 0, 7).graduatesPerPosition());
  }

  @Test
  void majorMatchFollowsTheCatalogueCode() {
    assertEquals(MajorMatch.SAME_MAJOR, MajorMatch.of("080901", List.of("120201", "080901T")));
    assertEquals(MajorMatch.SAME_CLASS, MajorMatch.of("080902", List.of("080901")));
    assertEquals(MajorMatch.SAME_DISCIPLINE, MajorMatch.of("081001", List.of("080901")));
    assertEquals(MajorMatch.NONE, MajorMatch.of("120201", List.of("080901")));
    assertEquals(MajorMatch.NONE, MajorMatch.of("080901", List.of()));
  }

  @Test
  void aMajorFilterConcernsListingsOfItsClass() {
    assertTrue(MajorCodes.concerns(List.of("080902"), "080901", false));
    assertFalse(MajorCodes.concerns(List.of("081001"), "080901", true));
    assertTrue(MajorCodes.concerns(List.of(), "080901", true));
    assertFalse(MajorCodes.concerns(List.of(), "080901", false));
    assertTrue(MajorCodes.concerns(List.of("120201"), null, false));
  }

  @Test
  void aSkillBothEssentialAndOptionalCountsOnceAsEssential() {
    DemandCriteria c =
        new DemandCriteria(
            List.of("A", "A", "B"), List.of("B", "C"), List.of("080901"), null, Set.of(), null);
    assertEquals(List.of("A", "B"), c.essentialSkills());
    assertEquals(List.of("C"), c.optionalSkills());
    assertEquals(2 * 12 + 3 + 6, c.maxPoints());
  }
}
