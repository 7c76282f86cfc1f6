package org.qiao.talentdemand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An interview round's rules: who moves it when, and how a past round settles. */
class InterviewTest {

  private static final Instant NOW = Instant.parse("2027-03-10T02:00:00Z");
  private static final InterviewSlot FIRST = new InterviewSlot(NOW.plus(Duration.ofDays(2)), 60);
  private static final InterviewSlot SECOND = new InterviewSlot(NOW.plus(Duration.ofDays(3)), 30);

  private static Interview proposed() {
    return Interview.propose(
        UUID.randomUUID(),
        UUID.randomUUID(),
        List.of(FIRST, SECOND),
        Interview.Mode.ON_SITE,
        "310115",
        "前台",
        NOW);
  }

  @Test
  void theStudentPicksTheEnterpriseDoesNotAndEitherCancels() {
    Interview i = proposed();
    assertThrows(IllegalTransition.class, () -> i.choose(0, Side.ENTERPRISE, NOW));
    i.choose(1, Side.STUDENT, NOW);
    assertEquals(InterviewStatus.SCHEDULED, i.status);
    assertEquals(SECOND, i.chosen());
    assertThrows(IllegalTransition.class, () -> i.choose(0, Side.STUDENT, NOW));
    i.cancel(Side.ENTERPRISE, NOW);
    assertEquals(Side.ENTERPRISE, i.cancelledBy);
    assertThrows(IllegalTransition.class, () -> i.cancel(Side.STUDENT, NOW));
  }

  @Test
  void aScheduledRoundWhoseTimePassedWasHeldAndIsNotCancelledWithItsApplication() {
    Interview i = proposed();
    i.choose(0, Side.STUDENT, NOW);
    assertTrue(i.settle(FIRST.endsAt().minusSeconds(1)), "still ahead: live");
    assertFalse(i.settle(FIRST.endsAt()));
    assertEquals(InterviewStatus.HELD, i.status);
    i.closeWithApplication(FIRST.endsAt().plusSeconds(60));
    assertEquals(InterviewStatus.HELD, i.status, "what took place stays so");
    assertThrows(IllegalTransition.class, () -> i.cancel(Side.STUDENT, NOW));
  }

  @Test
  void aProposedRoundLapsesWhenEverySlotBegan() {
    Interview i = proposed();
    assertTrue(i.settle(SECOND.startsAt().minusSeconds(1)), "one slot still ahead");
    assertFalse(i.settle(SECOND.startsAt()));
    assertEquals(InterviewStatus.LAPSED, i.status);
    assertThrows(IllegalTransition.class, () -> i.choose(1, Side.STUDENT, NOW));
  }

  @Test
  void aRoundStillAheadIsCancelledByNeitherSideWhenItsApplicationMovesOn() {
    Interview i = proposed();
    i.choose(1, Side.STUDENT, NOW);
    i.closeWithApplication(NOW.plusSeconds(60));
    assertEquals(InterviewStatus.CANCELLED, i.status);
    assertNull(i.cancelledBy);
  }

  @Test
  void aRoundIsOneToThreeSlotsAheadOnlineOrAtAPlace() {
    refused(List.of(), Interview.Mode.ONLINE, null);
    refused(
        List.of(
            FIRST,
            SECOND,
            new InterviewSlot(NOW.plusSeconds(7200), 30),
            new InterviewSlot(NOW.plusSeconds(9000), 30)),
        Interview.Mode.ONLINE,
        null);
    refused(List.of(new InterviewSlot(NOW.minusSeconds(1), 30)), Interview.Mode.ONLINE, null);
    refused(List.of(FIRST), Interview.Mode.ON_SITE, null);
  }

  private static void refused(List<InterviewSlot> slots, Interview.Mode mode, String place) {
    assertThrows(
        DomainViolation.class,
        () ->
            Interview.propose(UUID.randomUUID(), UUID.randomUUID(), slots, mode, place, null, NOW));
  }
}
