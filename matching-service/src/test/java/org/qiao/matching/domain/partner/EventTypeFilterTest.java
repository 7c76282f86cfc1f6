package org.qiao.matching.domain.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiao.kit.problem.ProblemException;

class EventTypeFilterTest {

  @Test
  void exactTypesAndAggregatePatterns() {
    EventTypeFilter f =
        EventTypeFilter.of(List.of("qiao.demand.*", "qiao.training-order.placed.v1"), "eventTypes");
    assertTrue(f.matches("qiao.demand.published.v1"));
    assertTrue(f.matches("qiao.demand.closed.v1"));
    assertTrue(f.matches("qiao.training-order.placed.v1"));
    assertFalse(f.matches("qiao.training-order.awarded.v1"));
    assertFalse(f.matches("qiao.demand-ranking.changed.v1"));
  }

  @Test
  void noneMeansAll() {
    assertTrue(EventTypeFilter.of(null, "eventTypes").matches("qiao.course-plan.published.v1"));
    assertTrue(EventTypeFilter.of(List.of(), "eventTypes").matches("qiao.demand.published.v1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "qiao.student.profile-published.v1",
        "qiao.student.*",
        "qiao.internship.*",
        "qiao.demand.published.v9",
        "*",
        "qiao.*",
        "qiao.demand.",
        " ",
        "QIAO.DEMAND.*"
      })
  void refusesWhatPartnersCannotSee(String pattern) {
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> EventTypeFilter.of(List.of("qiao.demand.*", pattern), "eventTypes"));
    assertEquals(400, e.status());
    assertEquals("eventTypes[1]", e.errors().get(0).field());
  }

  @Test
  void refusesNullEntriesAndTooMany() {
    assertThrows(
        ProblemException.class,
        () -> EventTypeFilter.of(Arrays.asList("qiao.demand.*", null), "eventTypes"));
    assertThrows(
        ProblemException.class,
        () ->
            EventTypeFilter.of(
                Collections.nCopies(EventTypeFilter.MAX_PATTERNS + 1, "qiao.demand.*"),
                "eventTypes"));
  }
}
