package org.qiao.talentdemand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ChallengeTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

  static Challenge challenge() {
    return Challenge.post(
        UUID.randomUUID(),
        UUID.randomUUID(),
        new Challenge.Brief("缺陷检测", "小样本", List.of("0812"), List.of(), 1, 2, TODAY.plusDays(10)),
        TODAY,
        NOW);
  }

  static Interest interest(Challenge c, String university) {
    return c.registerInterest(UUID.randomUUID(), university, "李", null, false, TODAY, NOW);
  }

  static Challenge inState(ChallengeStatus status) {
    Challenge c = challenge();
    switch (status) {
      case OPEN -> {}
      case MATCHED -> c.select(interest(c, "4131010246"), NOW);
      case CLOSED -> c.close(NOW);
    }
    assertEquals(status, c.status);
    return c;
  }

  static final Map<String, Consumer<Challenge>> ACTIONS =
      Map.of(
          "registerInterest", c -> interest(c, "4131010999"),
          "select", c -> c.select(interestOf(c), NOW),
          "close", c -> c.close(NOW));

  static Interest interestOf(Challenge c) {
    Interest i = new InterestBuilder().of(c);
    return i;
  }

  static final Map<String, List<ChallengeStatus>> ALLOWED_FROM =
      Map.of(
          "registerInterest", List.of(ChallengeStatus.OPEN),
          "select", List.of(ChallengeStatus.OPEN),
          "close", List.of(ChallengeStatus.OPEN, ChallengeStatus.MATCHED));

  @Test
  void everyActionIsAllowedExactlyFromItsStates() {
    for (var action : ACTIONS.entrySet()) {
      for (ChallengeStatus from : ChallengeStatus.values()) {
        Challenge c = inState(from);
        if (ALLOWED_FROM.get(action.getKey()).contains(from)) {
          action.getValue().accept(c);
        } else {
          assertThrows(
              IllegalTransition.class,
              () -> action.getValue().accept(c),
              action.getKey() + " from " + from + " must be refused");
          assertEquals(from, c.status);
        }
      }
    }
  }

  @Test
  void oneInterestPerUniversityAndNoneAfterTheDeadline() {
    Challenge c = challenge();
    interest(c, "4131010246");
    assertThrows(
        IllegalTransition.class,
        () -> c.registerInterest(UUID.randomUUID(), "4131010246", "李", null, true, TODAY, NOW));
    assertThrows(
        IllegalTransition.class,
        () ->
            c.registerInterest(
                UUID.randomUUID(), "4131010247", "王", null, false, TODAY.plusDays(11), NOW));
    assertEquals(1, c.interestCount);
  }

  @Test
  void onlyItsOwnInterestCanBeSelected() {
    Challenge c = challenge();
    Interest foreign = interest(challenge(), "4131010246");
    assertThrows(DomainViolation.class, () -> c.select(foreign, NOW));
    assertEquals(ChallengeStatus.OPEN, c.status);
  }

  /** An interest in a challenge, registered outside the state being tested. */
  static final class InterestBuilder {
    Interest of(Challenge c) {
      Challenge twin = challenge();
      Interest i = interest(twin, "4131010555");
      i.challengeId = c.id;
      return i;
    }
  }
}
