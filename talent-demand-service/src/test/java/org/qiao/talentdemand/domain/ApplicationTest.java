package org.qiao.talentdemand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApplicationTest {

  static final Instant NOW = DemandTest.NOW;
  static final Instant ANSWER_BY = NOW.plus(Duration.ofDays(14));
  static final String STUDENT = "sm4k2q7xz3h5n6p2r4t7v3w5y2a";

  /**
   * Every allowed move, as "stage started-by transition by"; every other combination of stage,
   * starter, transition and side is refused.
   */
  static final Set<String> ALLOWED =
      Set.of(
          "INVITED ENTERPRISE ACCEPT STUDENT",
          "INVITED ENTERPRISE DECLINE STUDENT",
          "INVITED ENTERPRISE WITHDRAW ENTERPRISE",
          "INVITED ENTERPRISE WITHDRAW STUDENT",
          "APPLIED STUDENT ACCEPT ENTERPRISE",
          "APPLIED STUDENT DECLINE ENTERPRISE",
          "APPLIED STUDENT WITHDRAW STUDENT",
          "ACCEPTED ENTERPRISE WITHDRAW ENTERPRISE",
          "ACCEPTED ENTERPRISE WITHDRAW STUDENT",
          "ACCEPTED ENTERPRISE REJECT ENTERPRISE",
          "ACCEPTED ENTERPRISE INTERVIEW ENTERPRISE",
          "ACCEPTED STUDENT WITHDRAW STUDENT",
          "ACCEPTED STUDENT REJECT ENTERPRISE",
          "ACCEPTED STUDENT INTERVIEW ENTERPRISE",
          "INTERVIEWING ENTERPRISE WITHDRAW ENTERPRISE",
          "INTERVIEWING ENTERPRISE WITHDRAW STUDENT",
          "INTERVIEWING ENTERPRISE REJECT ENTERPRISE",
          "INTERVIEWING ENTERPRISE OFFER ENTERPRISE",
          "INTERVIEWING STUDENT WITHDRAW STUDENT",
          "INTERVIEWING STUDENT REJECT ENTERPRISE",
          "INTERVIEWING STUDENT OFFER ENTERPRISE",
          "OFFERED ENTERPRISE WITHDRAW ENTERPRISE",
          "OFFERED ENTERPRISE WITHDRAW STUDENT",
          "OFFERED ENTERPRISE DECLINE STUDENT",
          "OFFERED ENTERPRISE REJECT ENTERPRISE",
          "OFFERED STUDENT REJECT ENTERPRISE",
          "OFFERED ENTERPRISE HIRE STUDENT",
          "OFFERED STUDENT WITHDRAW STUDENT",
          "OFFERED STUDENT DECLINE STUDENT",
          "OFFERED STUDENT HIRE STUDENT");

  static Application started(Side by) {
    return Application.start(
        UUID.randomUUID(), DemandTest.inState(DemandStatus.PUBLISHED), STUDENT, by, ANSWER_BY, NOW);
  }

  /** An application started by {@code by} brought to {@code stage}. */
  static Application inStage(ApplicationStatus stage, Side by) {
    Application a = started(by);
    a.status = stage;
    return a;
  }

  /** Invited and applied fix their starter; every later stage is reached from either. */
  static List<Application> everyStageAndStarter() {
    List<Application> all = new ArrayList<>();
    for (ApplicationStatus stage : ApplicationStatus.values()) {
      for (Side by : Side.values()) {
        boolean fixed =
            stage == ApplicationStatus.INVITED && by == Side.STUDENT
                || stage == ApplicationStatus.APPLIED && by == Side.ENTERPRISE;
        if (!fixed) {
          all.add(inStage(stage, by));
        }
      }
    }
    return all;
  }

  @Test
  void anInvitationAndAnApplicationStartAwaitingTheOtherSide() {
    Application invitation = started(Side.ENTERPRISE);
    assertEquals(ApplicationStatus.INVITED, invitation.status);
    assertEquals(ANSWER_BY, invitation.answerBy);
    assertEquals(ApplicationStatus.APPLIED, started(Side.STUDENT).status);
    assertEquals("qiao.application.invited.v1", invitation.status.eventType());
  }

  @Test
  void onlyAPublishedDemandTakesInvitationsOrApplications() {
    for (DemandStatus s : DemandStatus.values()) {
      if (s == DemandStatus.PUBLISHED) {
        continue;
      }
      Demand d = DemandTest.inState(s);
      assertThrows(
          IllegalTransition.class,
          () -> Application.start(UUID.randomUUID(), d, STUDENT, Side.ENTERPRISE, ANSWER_BY, NOW),
          s.name());
    }
  }

  @Test
  void everyTransitionIsTakenOnlyFromItsStagesAndByItsSide() {
    int allowed = 0;
    int refused = 0;
    for (Application template : everyStageAndStarter()) {
      for (Application.Transition t : Application.Transition.values()) {
        for (Side by : Side.values()) {
          Application a = inStage(template.status, template.startedBy);
          String move = a.status + " " + a.startedBy + " " + t + " " + by;
          ApplicationStatus before = a.status;
          if (ALLOWED.contains(move)) {
            a.take(t, by, NOW.plusSeconds(1));
            assertEquals(t.to, a.status, move);
            assertEquals(NOW.plusSeconds(1), a.updatedAt, move);
            allowed++;
          } else {
            assertThrows(IllegalTransition.class, () -> a.take(t, by, NOW), move);
            assertEquals(before, a.status, move + " leaves the stage as it was");
            refused++;
          }
        }
      }
    }
    assertEquals(ALLOWED.size(), allowed, "every allowed move was tried");
    // 18 stage-starter pairs x 7 transitions x 2 sides.
    assertEquals(18 * 7 * 2 - ALLOWED.size(), refused);
  }

  @Test
  void onlyAnUnansweredOneOrOfferExpiresAndOnlyWhenItsTimeIsUp() {
    for (Application a : everyStageAndStarter()) {
      boolean awaiting = ApplicationStatus.EXPIRABLE.contains(a.status);
      assertFalse(a.isDueToExpire(ANSWER_BY.minusSeconds(1)), a.status.name());
      assertThrows(IllegalTransition.class, () -> a.expire(ANSWER_BY.minusSeconds(1)));
      assertEquals(awaiting, a.isDueToExpire(ANSWER_BY), a.status.name());
      if (awaiting) {
        a.expire(ANSWER_BY);
        assertEquals(ApplicationStatus.EXPIRED, a.status);
      } else {
        assertThrows(IllegalTransition.class, () -> a.expire(ANSWER_BY), a.status.name());
      }
    }
  }

  @Test
  void thePlatformEndsEveryOpenStageNamingWhy() {
    for (Application a : everyStageAndStarter()) {
      if (a.status.isOpen()) {
        a.end(Application.EndReason.STUDENT_FORGOTTEN, NOW);
        assertEquals(ApplicationStatus.WITHDRAWN, a.status);
        assertEquals(Application.EndReason.STUDENT_FORGOTTEN, a.endReason);
      } else {
        ApplicationStatus ended = a.status;
        assertThrows(
            IllegalTransition.class, () -> a.end(Application.EndReason.DEMAND_FILLED, NOW));
        assertEquals(ended, a.status);
        assertEquals(null, a.endReason);
      }
    }
  }

  @Test
  void anOfferValidatesItselfAndReportsOnlyABand() {
    LocalDate today = LocalDate.of(2027, 3, 10);
    Offer o = Offer.of(9000, 12000, today.plusDays(30), today.plusDays(7), "310115", today);
    assertEquals("FROM_8000_TO_11999", o.salaryBand());
    assertEquals("UNDER_5000", Offer.of(3000, 4000, today, today, "310115", today).salaryBand());
    assertEquals("FROM_20000", Offer.of(20000, 20000, today, today, "310115", today).salaryBand());
    assertViolation("salaryMin", () -> Offer.of(0, 1, today, today, "310115", today));
    assertViolation("salaryMax", () -> Offer.of(9000, 8999, today, today, "310115", today));
    assertViolation("answerBy", () -> Offer.of(1, 1, today, today.minusDays(1), "310115", today));
    assertViolation(
        "answerBy", () -> Offer.of(1, 1, today.plusDays(90), today.plusDays(61), "310115", today));
    assertViolation(
        "startDate", () -> Offer.of(1, 1, today.plusDays(1), today.plusDays(2), "310115", today));
    assertViolation("divisionCode", () -> Offer.of(1, 1, today, today, "990101", today));
  }

  @Test
  void anOfferIsAnsweredByTheEndOfItsDayInChina() {
    Application a = inStage(ApplicationStatus.INTERVIEWING, Side.STUDENT);
    LocalDate today = LocalDate.of(2027, 3, 10);
    a.offer(Offer.of(9000, 12000, today.plusDays(30), today.plusDays(7), "310115", today), NOW);
    assertEquals(ApplicationStatus.OFFERED, a.status);
    // 2027-03-17 ends at 16:00 UTC (midnight in China).
    assertEquals(Instant.parse("2027-03-17T16:00:00Z"), a.answerBy);
    assertEquals(today.plusDays(7), a.offer().answerBy());
    assertFalse(a.isDueToExpire(Instant.parse("2027-03-17T15:59:59Z")));
    assertTrue(a.isDueToExpire(Instant.parse("2027-03-17T16:00:00Z")));
    a.hire(NOW.plusSeconds(60));
    assertEquals(ApplicationStatus.HIRED, a.status);
    assertEquals(NOW.plusSeconds(60), a.hiredAt);
    assertThrows(IllegalTransition.class, () -> a.hire(NOW));
  }

  @Test
  void noAnswerIsTakenOnceItsTimeIsUpEvenBeforeTheExpiryJobRuns() {
    for (Application a : everyStageAndStarter()) {
      if (!ApplicationStatus.EXPIRABLE.contains(a.status)) {
        continue;
      }
      for (Application.Transition t :
          List.of(
              Application.Transition.ACCEPT,
              Application.Transition.DECLINE,
              Application.Transition.HIRE)) {
        for (Side by : Side.values()) {
          if (a.allows(t, by)) {
            ApplicationStatus before = a.status;
            IllegalTransition late =
                assertThrows(IllegalTransition.class, () -> a.take(t, by, ANSWER_BY));
            assertTrue(late.getMessage().contains("lapsed"), late.getMessage());
            assertEquals(before, a.status);
          }
        }
      }
      // Leaving is still possible: the student may always withdraw an open one.
      a.take(Application.Transition.WITHDRAW, Side.STUDENT, ANSWER_BY);
      assertEquals(ApplicationStatus.WITHDRAWN, a.status);
    }
  }

  private static void assertViolation(String field, Runnable r) {
    DomainViolation v = assertThrows(DomainViolation.class, r::run);
    assertTrue(v.getMessage().startsWith(field + ":"), v.getMessage());
  }

  @Test
  void theCallersSideIsTheDemandsEnterpriseOrTheStudent() {
    Application a = started(Side.ENTERPRISE);
    assertEquals(Side.ENTERPRISE, a.sideOf(a.enterpriseId, null));
    assertEquals(Side.STUDENT, a.sideOf(null, STUDENT));
    assertEquals(null, a.sideOf(UUID.randomUUID(), "sother7xz3h5n6p2r4t7v3w5y2a"));
    assertTrue(a.sideOf(null, null) == null);
  }
}
