package org.qiao.matching.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementCellTest {

  private static PlacementCell.Row row(String person, String major, int days) {
    return new PlacementCell.Row(person, major, "2-02-10-03", "350200", days);
  }

  @Test
  void percentilesAreNearestRankValuesSomePlacementHad() {
    assertNull(PlacementCell.percentile(List.of(), 50));
    assertEquals(7, PlacementCell.percentile(List.of(7), 50));
    assertEquals(20, PlacementCell.percentile(List.of(40, 10, 30, 20), 50));
    assertEquals(30, PlacementCell.percentile(List.of(40, 10, 30, 20), 75));
    assertEquals(30, PlacementCell.percentile(List.of(50, 10, 30, 20, 40), 50));
  }

  @Test
  void cellsOfOneToFourArePlacedOrGraduatesAreFoldedIntoOneKeylessCellAtTheEnd() {
    List<PlacementCell.Row> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(row("s" + i, "080901", 10 * (i + 1)));
    }
    // The same person placed twice counts once; their days count for each placement.
    rows.add(row("s0", "080901", 60));
    rows.add(row("t1", "080902", 5));
    rows.add(row("t2", "080903", 5));
    List<PlacementCell> cells =
        PlacementCell.tally(
            rows,
            PlacementCell.Row::majorCode,
            Map.of("080901", 8L, "080902", 9L, "080903", 9L, "080904", 3L, "080905", 6L));

    assertEquals(
        List.of(
            new PlacementCell("080901", 8L, 5L, 0.625, 30, 50, false),
            new PlacementCell("080905", 6L, 0L, 0.0, null, null, false),
            PlacementCell.withheld()),
        cells);
  }
}
