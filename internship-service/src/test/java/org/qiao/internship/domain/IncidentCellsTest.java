package org.qiao.internship.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentCellsTest {

  private static IncidentCells.Count count(String month, String city, long n) {
    return new IncidentCells.Count(month, IncidentType.INJURY, Severity.MINOR, city, n);
  }

  private static IncidentCells.Cell shown(String month, String province, String city, long n) {
    return new IncidentCells.Cell(
        month, IncidentType.INJURY, Severity.MINOR, province, city, n, false);
  }

  @Test
  void citiesOfFiveOrMoreAreShownSmallerOnesTogetherPerProvinceOrOnlyAsSuppressed() {
    List<IncidentCells.Cell> cells =
        IncidentCells.published(
            List.of(
                count("2027-07", "360100", 5),
                count("2027-07", "360200", 3),
                count("2027-07", "360300", 2),
                count("2027-07", "310000", 4),
                count("2027-08", "320500", 7)));
    assertEquals(
        List.of(
            shown("2027-07", "360000", "360100", 5),
            shown("2027-07", "360000", null, 5),
            new IncidentCells.Cell("2027-07", null, null, null, null, null, true),
            shown("2027-08", "320000", "320500", 7)),
        cells);
  }

  @Test
  void aSingleIncidentIsNeverCountedAndItsPlaceNeverNamed() {
    assertEquals(
        List.of(new IncidentCells.Cell("2027-07", null, null, null, null, null, true)),
        IncidentCells.published(List.of(count("2027-07", "540100", 1))));
  }
}
