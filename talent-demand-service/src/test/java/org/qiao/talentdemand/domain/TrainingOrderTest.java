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
import org.qiao.kit.time.ChinaTime;

class TrainingOrderTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
  static final String FUDAN = "4131010246";

  static TrainingOrder order(int headcount, List<String> targets) {
    return TrainingOrder.place(
        UUID.randomUUID(),
        UUID.randomUUID(),
        new TrainingOrder.Terms(
            "订单班",
            null,
            List.of("080704"),
            headcount,
            2028,
            List.of(),
            targets,
            TODAY.plusDays(30),
            null),
        TODAY,
        NOW);
  }

  static Proposal proposalTo(TrainingOrder o, String university, int capacity, LocalDate on) {
    Proposal p =
        Proposal.received(
            UUID.randomUUID(),
            o.id,
            university,
            "大学",
            null,
            null,
            capacity,
            on.atStartOfDay(ChinaTime.ZONE).toInstant(),
            NOW);
    o.receive(p, on);
    return p;
  }

  static TrainingOrder inState(TrainingOrderStatus status) {
    TrainingOrder o = order(10, List.of());
    switch (status) {
      case OPEN -> {}
      case CONTRACTED -> o.award(proposalTo(o, FUDAN, 5, TODAY), 5, NOW);
      case FULFILLED -> {
        o.award(proposalTo(o, FUDAN, 5, TODAY), 5, NOW);
        o.fulfil(NOW);
      }
      case CANCELLED -> o.cancel(NOW);
    }
    assertEquals(status, o.status);
    return o;
  }

  static final Map<String, Consumer<TrainingOrder>> ACTIONS =
      Map.of(
          "award", o -> o.award(proposalTo(o, "4131010247", 2, TODAY), 2, NOW),
          "fulfil", o -> o.fulfil(NOW),
          "cancel", o -> o.cancel(NOW));

  static final Map<String, List<TrainingOrderStatus>> ALLOWED_FROM =
      Map.of(
          "award", List.of(TrainingOrderStatus.OPEN, TrainingOrderStatus.CONTRACTED),
          "fulfil", List.of(TrainingOrderStatus.CONTRACTED),
          "cancel", List.of(TrainingOrderStatus.OPEN, TrainingOrderStatus.CONTRACTED));

  @Test
  void everyActionIsAllowedExactlyFromItsStates() {
    for (var action : ACTIONS.entrySet()) {
      for (TrainingOrderStatus from : TrainingOrderStatus.values()) {
        TrainingOrder o = inState(from);
        boolean allowed = ALLOWED_FROM.get(action.getKey()).contains(from);
        if (allowed) {
          action.getValue().accept(o);
        } else {
          assertThrows(
              IllegalTransition.class,
              () -> action.getValue().accept(o),
              action.getKey() + " from " + from + " must be refused");
          assertEquals(from, o.status);
        }
      }
    }
  }

  @Test
  void awardedCapacityNeverExceedsHeadcount() {
    TrainingOrder o = order(10, List.of());
    o.award(proposalTo(o, FUDAN, 8, TODAY), 8, NOW);
    Proposal second = proposalTo(o, "4131010247", 5, TODAY);
    assertThrows(IllegalTransition.class, () -> o.award(second, 3, NOW));
    assertEquals(8, o.awardedCapacity);
    assertEquals(ProposalStatus.RECEIVED, second.status);
    o.award(second, 2, NOW);
    assertEquals(10, o.awardedCapacity);
    assertEquals(TrainingOrderStatus.CONTRACTED, o.status);
  }

  @Test
  void aProposalIsAwardedOnceAndWithinItsCapacity() {
    TrainingOrder o = order(10, List.of());
    Proposal p = proposalTo(o, FUDAN, 4, TODAY);
    assertThrows(DomainViolation.class, () -> o.award(p, 5, NOW));
    o.award(p, 4, NOW);
    assertThrows(IllegalTransition.class, () -> o.award(p, 1, NOW));
  }

  @Test
  void lateUnaddressedOrClosedProposalsAreKeptAsRejected() {
    TrainingOrder targeted = order(10, List.of(FUDAN));
    assertEquals(ProposalStatus.REJECTED, proposalTo(targeted, "4131010247", 2, TODAY).status);
    assertEquals(ProposalStatus.RECEIVED, proposalTo(targeted, FUDAN, 2, TODAY).status);
    Proposal late = proposalTo(targeted, FUDAN, 2, TODAY.plusDays(31));
    assertEquals(ProposalStatus.REJECTED, late.status);
    assertThrows(IllegalTransition.class, () -> targeted.award(late, 1, NOW));
    TrainingOrder cancelled = inState(TrainingOrderStatus.CANCELLED);
    assertEquals(ProposalStatus.REJECTED, proposalTo(cancelled, FUDAN, 2, TODAY).status);
  }

  @Test
  void deadlineAndCohortMustBeFuture() {
    var pastDeadline =
        new TrainingOrder.Terms(
            "t", null, List.of("080704"), 1, 2028, List.of(), List.of(), TODAY.minusDays(1), null);
    assertThrows(
        DomainViolation.class,
        () -> TrainingOrder.place(UUID.randomUUID(), UUID.randomUUID(), pastDeadline, TODAY, NOW));
    var pastCohort =
        new TrainingOrder.Terms(
            "t", null, List.of("080704"), 1, 2020, List.of(), List.of(), TODAY, null);
    assertThrows(
        DomainViolation.class,
        () -> TrainingOrder.place(UUID.randomUUID(), UUID.randomUUID(), pastCohort, TODAY, NOW));
  }
}
