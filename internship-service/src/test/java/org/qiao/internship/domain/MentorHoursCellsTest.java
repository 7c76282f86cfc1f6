package org.qiao.internship.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentorHoursCellsTest {

  private static MentorHoursCells.Count count(
      String month, Side side, HoursKind kind, long mentors, String hours) {
    return new MentorHoursCells.Count(month, side, kind, mentors, new BigDecimal(hours));
  }

  @Test
  void cellsOfFewerThanFiveMentorsAreOnlyTheMonthsSuppressedCell() {
    List<MentorHoursCells.Cell> cells =
        MentorHoursCells.published(
            List.of(
                count("2027-07", Side.ENTERPRISE, HoursKind.GUIDANCE, 5, "40.5"),
                count("2027-07", Side.ENTERPRISE, HoursKind.TEACHING, 4, "12"),
                count("2027-07", Side.INSTITUTION, HoursKind.GUIDANCE, 1, "3"),
                count("2027-08", Side.INSTITUTION, HoursKind.TEACHING, 9, "30")));
    assertEquals(
        List.of(
            new MentorHoursCells.Cell(
                "2027-07", Side.ENTERPRISE, HoursKind.GUIDANCE, 5L, new BigDecimal("40.5"), false),
            new MentorHoursCells.Cell("2027-07", null, null, null, null, true),
            new MentorHoursCells.Cell(
                "2027-08", Side.INSTITUTION, HoursKind.TEACHING, 9L, new BigDecimal("30"), false)),
        cells);
  }

  @Test
  void aMonthOfShownCellsOnlyHasNoSuppressedCell() {
    assertEquals(
        1,
        MentorHoursCells.published(
                List.of(count("2027-07", Side.ENTERPRISE, HoursKind.GUIDANCE, 12, "80")))
            .size());
  }
}
