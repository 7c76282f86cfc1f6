package org.qiao.talentdemand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DemandTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

  static DemandDetails details(int headcount, LocalDate validThrough) {
    return new DemandDetails(
        "芯片验证工程师",
        null,
        "2-02-10-03",
        List.of("080704"),
        Degree.BACHELOR,
        List.of(new SkillRequirement("UVM", true, 3)),
        headcount,
        "上海",
        10000,
        20000,
        EmploymentType.FULL_TIME,
        null,
        validThrough);
  }

  static Demand inState(DemandStatus status) {
    Demand d =
        Demand.draft(UUID.randomUUID(), UUID.randomUUID(), details(2, TODAY.plusDays(30)), NOW);
    switch (status) {
      case DRAFT -> {}
      case PUBLISHED -> d.publish(TODAY, NOW);
      case FILLED -> {
        d.publish(TODAY, NOW);
        d.recordHires(2, NOW);
      }
      case CLOSED -> d.close(NOW);
      case EXPIRED -> {
        d.publish(TODAY, NOW);
        d.expire(TODAY.plusDays(31), NOW);
      }
    }
    assertEquals(status, d.status);
    return d;
  }

  /** Each action, and the states it is allowed from. */
  static final Map<String, Consumer<Demand>> ACTIONS =
      Map.of(
          "publish", d -> d.publish(TODAY, NOW),
          "revise", d -> d.revise(details(2, TODAY.plusDays(40)), TODAY, NOW),
          "recordHires", d -> d.recordHires(1, NOW),
          "close", d -> d.close(NOW),
          "expire", d -> d.expire(TODAY.plusDays(31), NOW));

  static final Map<String, List<DemandStatus>> ALLOWED_FROM =
      Map.of(
          "publish", List.of(DemandStatus.DRAFT),
          "revise", List.of(DemandStatus.DRAFT, DemandStatus.PUBLISHED),
          "recordHires", List.of(DemandStatus.PUBLISHED),
          "close", List.of(DemandStatus.DRAFT, DemandStatus.PUBLISHED),
          "expire", List.of(DemandStatus.PUBLISHED));

  @Test
  void everyActionIsAllowedExactlyFromItsStates() {
    for (var action : ACTIONS.entrySet()) {
      for (DemandStatus from : DemandStatus.values()) {
        Demand d = inState(from);
        if (ALLOWED_FROM.get(action.getKey()).contains(from)) {
          action.getValue().accept(d);
        } else {
          assertThrows(
              IllegalTransition.class,
              () -> action.getValue().accept(d),
              action.getKey() + " from " + from + " must be refused");
          assertEquals(from, d.status, "a refused action changes nothing");
        }
      }
    }
  }

  @Test
  void transitionsLeadWhereTheLifecycleSays() {
    Demand d = inState(DemandStatus.DRAFT);
    d.publish(TODAY, NOW);
    assertEquals(DemandStatus.PUBLISHED, d.status);
    assertFalse(d.recordHires(1, NOW));
    assertEquals(DemandStatus.PUBLISHED, d.status);
    assertTrue(d.recordHires(1, NOW));
    assertEquals(DemandStatus.FILLED, d.status);
    assertEquals(2, d.filledCount);
  }

  @Test
  void hiresBeyondHeadcountAreRefused() {
    Demand d = inState(DemandStatus.PUBLISHED);
    assertThrows(IllegalTransition.class, () -> d.recordHires(3, NOW));
    assertEquals(0, d.filledCount);
  }

  @Test
  void expiresOnlyAfterValidThrough() {
    Demand d = inState(DemandStatus.PUBLISHED);
    LocalDate validThrough = d.validThrough;
    assertFalse(d.isDueToExpire(validThrough));
    assertThrows(IllegalTransition.class, () -> d.expire(validThrough, NOW));
    assertTrue(d.isDueToExpire(validThrough.plusDays(1)));
    d.expire(validThrough.plusDays(1), NOW);
    assertEquals(DemandStatus.EXPIRED, d.status);
  }

  @Test
  void cannotPublishPastValidThroughNorShrinkBelowHires() {
    Demand late =
        Demand.draft(UUID.randomUUID(), UUID.randomUUID(), details(2, TODAY.minusDays(1)), NOW);
    assertThrows(DomainViolation.class, () -> late.publish(TODAY, NOW));
    Demand d =
        Demand.draft(UUID.randomUUID(), UUID.randomUUID(), details(3, TODAY.plusDays(9)), NOW);
    d.publish(TODAY, NOW);
    d.recordHires(2, NOW);
    DomainViolation e =
        assertThrows(
            DomainViolation.class, () -> d.revise(details(1, TODAY.plusDays(9)), TODAY, NOW));
    assertEquals("headcount", e.errors().get(0).field());
  }

  @Test
  void draftsAreVisibleOnlyToTheirEnterprise() {
    Demand d = inState(DemandStatus.DRAFT);
    assertTrue(d.isVisibleTo(d.enterpriseId));
    assertFalse(d.isVisibleTo(UUID.randomUUID()));
    assertFalse(d.isVisibleTo(null));
    d.publish(TODAY, NOW);
    assertTrue(d.isVisibleTo(null));
  }

  @Test
  void detailsCheckTheirOwnRules() {
    assertEquals(
        "salaryMax",
        assertThrows(
                DomainViolation.class,
                () ->
                    new DemandDetails(
                        "t",
                        null,
                        "2-02-10-03",
                        List.of(),
                        null,
                        List.of(),
                        1,
                        "上海",
                        9,
                        8,
                        EmploymentType.FULL_TIME,
                        null,
                        TODAY))
            .errors()
            .get(0)
            .field());
    assertEquals(
        "skills",
        assertThrows(
                DomainViolation.class,
                () ->
                    SkillRequirement.distinct(
                        List.of(
                            new SkillRequirement("Java", true, 2),
                            new SkillRequirement("java", false, 3))))
            .errors()
            .get(0)
            .field());
  }
}
