package org.qiao.internship.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.qiao.kit.problem.ProblemException;

/** The lifecycle: every transition from every state, allowed or refused with 409. */
class InternshipTest {

  private static final Instant NOW = Instant.parse("2027-07-05T01:00:00Z");
  private static final UUID IM = UUID.randomUUID();
  private static final UUID EM = UUID.randomUUID();

  static Internship proposed() {
    return Internship.propose(
        UUID.randomUUID(),
        new Internship.Terms(
            InternshipKind.INTERNSHIP,
            "sm4k2q7xz3h5n6p2r4t7v3w5y2a",
            "4131010246",
            "91310115MA1K4Q2X3B",
            null,
            null,
            IM,
            EM,
            LocalDate.of(2027, 7, 5),
            LocalDate.of(2027, 8, 27),
            "310115",
            "张江",
            List.of(
                new Goal("验证环境", List.of("UVM验证", "SystemVerilog")),
                new Goal("测试用例", List.of("Python", "uvm验证")))),
        Party.ENTERPRISE,
        NOW);
  }

  static Internship in(InternshipStatus status) {
    Internship i = proposed();
    if (status == InternshipStatus.PROPOSED) {
      return i;
    }
    if (status == InternshipStatus.TERMINATED) {
      i.terminate(TerminationReason.OTHER, NOW);
      return i;
    }
    i.accept(Party.INSTITUTION, NOW);
    i.accept(Party.INSTITUTION_MENTOR, NOW);
    i.accept(Party.ENTERPRISE_MENTOR, NOW);
    if (status == InternshipStatus.CONFIRMED) {
      return i;
    }
    i.start(NOW);
    if (status == InternshipStatus.ACTIVE) {
      return i;
    }
    rateAll(i, Side.INSTITUTION, 4);
    rateAll(i, Side.ENTERPRISE, 4);
    i.complete(NOW);
    return i;
  }

  static void rateAll(Internship i, Side side, int rating) {
    i.evaluate(
        i.mentorOf(side),
        side,
        Goal.plannedSkills(i.goals).stream().map(s -> new Rating(s, rating, "证据")).toList(),
        NOW);
  }

  /** Each step and the states it may start from. */
  private static final Map<String, Set<InternshipStatus>> ALLOWED =
      Map.of(
          "accept", EnumSet.of(InternshipStatus.PROPOSED),
          "start", EnumSet.of(InternshipStatus.CONFIRMED),
          "evaluate", EnumSet.of(InternshipStatus.ACTIVE),
          "terminate",
              EnumSet.of(
                  InternshipStatus.PROPOSED, InternshipStatus.CONFIRMED, InternshipStatus.ACTIVE));

  private static final Map<String, Consumer<Internship>> STEPS =
      Map.of(
          "accept", i -> i.accept(Party.INSTITUTION, NOW),
          "start", i -> i.start(NOW),
          "evaluate", i -> rateAll(i, Side.INSTITUTION, 3),
          "terminate", i -> i.terminate(TerminationReason.HEALTH, NOW));

  @Test
  void everyStepIsAllowedExactlyFromItsStates() {
    for (var step : STEPS.entrySet()) {
      for (InternshipStatus from : InternshipStatus.values()) {
        Internship i = in(from);
        if (ALLOWED.get(step.getKey()).contains(from)) {
          step.getValue().accept(i);
        } else {
          ProblemException e =
              assertThrows(ProblemException.class, () -> step.getValue().accept(i));
          assertEquals(409, e.status(), step.getKey() + " from " + from);
          assertEquals(from, i.status, "a refused step changes nothing");
        }
      }
    }
  }

  @Test
  void completionIsAllowedOnlyFromActiveWithBothEvaluations() {
    for (InternshipStatus from : InternshipStatus.values()) {
      Internship i = in(from);
      if (from == InternshipStatus.ACTIVE) {
        continue;
      }
      assertEquals(409, assertThrows(ProblemException.class, () -> i.complete(NOW)).status());
    }
    Internship active = in(InternshipStatus.ACTIVE);
    rateAll(active, Side.INSTITUTION, 5);
    assertEquals(409, assertThrows(ProblemException.class, () -> active.complete(NOW)).status());
    rateAll(active, Side.ENTERPRISE, 5);
    active.complete(NOW);
    assertEquals(InternshipStatus.COMPLETED, active.status);
  }

  @Test
  void confirmationNeedsAllFourPartiesAndEachAcceptsOnce() {
    Internship i = proposed();
    assertFalse(i.accept(Party.INSTITUTION, NOW));
    assertFalse(i.accept(Party.ENTERPRISE_MENTOR, NOW));
    assertThrows(ProblemException.class, () -> i.accept(Party.ENTERPRISE, NOW), "the proposer");
    assertThrows(ProblemException.class, () -> i.accept(Party.INSTITUTION, NOW), "twice");
    assertEquals(InternshipStatus.PROPOSED, i.status);
    assertTrue(i.accept(Party.INSTITUTION_MENTOR, NOW));
    assertEquals(InternshipStatus.CONFIRMED, i.status);
  }

  @Test
  void skillsBothMentorsRateAtLeastThreeAreVerifiedWithBothRatings() {
    Internship i = in(InternshipStatus.ACTIVE);
    i.evaluate(
        IM,
        Side.INSTITUTION,
        List.of(
            new Rating("UVM验证", 4, "a"),
            new Rating("SystemVerilog", 3, "b"),
            new Rating("Python", 5, "c")),
        NOW);
    i.evaluate(
        EM,
        Side.ENTERPRISE,
        List.of(
            new Rating("uvm验证", 3, "a"),
            new Rating("SystemVerilog", 2, "b"),
            new Rating("PYTHON", 5, "c")),
        NOW);
    i.complete(NOW);
    assertEquals(
        List.of(new VerifiedSkill("UVM验证", 4, 3), new VerifiedSkill("Python", 5, 5)),
        i.verifiedSkills,
        "SystemVerilog has a 2: not verified; the plan's spelling is kept");
  }

  @Test
  void anEvaluationRatesEveryPlannedSkillOnceAndNothingElse() {
    Internship i = in(InternshipStatus.ACTIVE);
    List<List<Rating>> wrong =
        List.of(
            List.of(new Rating("UVM验证", 4, "a"), new Rating("SystemVerilog", 4, "b")),
            List.of(
                new Rating("UVM验证", 4, "a"),
                new Rating("SystemVerilog", 4, "b"),
                new Rating("Python", 4, "c"),
                new Rating("Go", 4, "d")),
            List.of(
                new Rating("UVM验证", 4, "a"),
                new Rating("uvm验证", 4, "a"),
                new Rating("SystemVerilog", 4, "b"),
                new Rating("Python", 4, "c")));
    for (List<Rating> ratings : wrong) {
      ProblemException e =
          assertThrows(
              ProblemException.class, () -> i.evaluate(IM, Side.INSTITUTION, ratings, NOW));
      assertEquals(400, e.status());
    }
    assertTrue(i.evaluations.isEmpty());
  }

  @Test
  void termsRefuseBadDatesAndEmptyPlans() {
    assertEquals(
        "endDate",
        assertThrows(
                ProblemException.class,
                () ->
                    new Internship.Terms(
                        InternshipKind.APPRENTICESHIP,
                        "s",
                        "i",
                        "e",
                        null,
                        null,
                        IM,
                        EM,
                        LocalDate.of(2027, 7, 5),
                        LocalDate.of(2027, 7, 5),
                        "310115",
                        "p",
                        List.of(new Goal("g", List.of("x")))))
            .errors()
            .get(0)
            .field());
    assertThrows(ProblemException.class, () -> new Goal("g", List.of()));
  }
}
