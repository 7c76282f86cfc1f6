package org.qiao.talentdemand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
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
  void onlyAnUnansweredOneExpiresAndOnlyWhenItsTimeIsUp() {
    for (Application a : everyStageAndStarter()) {
      boolean awaiting = ApplicationStatus.AWAITING_ANSWER.contains(a.status);
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
  void aForgottenStudentLeavesEveryOpenStage() {
    for (Application a : everyStageAndStarter()) {
      if (a.status.isOpen()) {
        a.withdrawForgotten(NOW);
        assertEquals(ApplicationStatus.WITHDRAWN, a.status);
      } else {
        ApplicationStatus ended = a.status;
        assertThrows(IllegalTransition.class, () -> a.withdrawForgotten(NOW));
        assertEquals(ended, a.status);
      }
    }
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
