package org.qiao.matching.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarketCellTest {

  @Test
  void smallCellsAreFoldedIntoOneCellWithoutKeyOrCounts() {
    List<MarketCell> published =
        MarketCell.published(
            List.of(
                MarketCell.of("310000", 4, 5),
                MarketCell.of("540100", 2, 1),
                MarketCell.of("320500", 3, 0),
                MarketCell.of("650200", 9, 4)));
    assertEquals(
        List.of(
            new MarketCell("310000", 4L, 5L, 1.25, false),
            new MarketCell("320500", 3L, 0L, 0.0, false),
            new MarketCell(null, null, null, null, true)),
        published);
  }

  @Test
  void withoutSmallCellsThereIsNoSuppressedCell() {
    assertEquals(
        List.of(new MarketCell("310000", 0L, 7L, null, false)),
        MarketCell.published(List.of(MarketCell.of("310000", 0, 7))));
  }
}
