package org.qiao.matching.domain;

import java.util.List;

/**
 * One cell of the market statistics: open positions against consented graduates who could fill
 * them. A cell of fewer than {@value #SMALLEST_SHOWN} graduates (but some) is suppressed: its
 * graduate count, its ratio and its key are withheld, so no person and no rare place can be singled
 * out (ADR 0012).
 */
public record MarketCell(
    String key,
    Long openPositions,
    Long graduates,
    Double graduatesPerPosition,
    boolean suppressed) {

  public static final int SMALLEST_SHOWN = SmallCells.SMALLEST_SHOWN;

  public static MarketCell of(String key, long openPositions, long graduates) {
    if (isSmall(graduates)) {
      return withheld();
    }
    Double ratio =
        openPositions == 0 ? null : Math.round(graduates * 100.0 / openPositions) / 100.0;
    return new MarketCell(key, openPositions, graduates, ratio, false);
  }

  /**
   * A cell whose key and counts are withheld: its open positions too, which beside the shown cells'
   * could tell which keys were suppressed.
   */
  public static MarketCell withheld() {
    return new MarketCell(null, null, null, null, true);
  }

  /** Whether a count of persons is too small to show (1–4). */
  public static boolean isSmall(long persons) {
    return SmallCells.isSmall(persons);
  }

  /**
   * The shown cells, then at most one keyless suppressed cell standing for all suppressed ones: a
   * reader learns that some small cells exist, not where nor how many.
   */
  public static List<MarketCell> published(List<MarketCell> cells) {
    return SmallCells.folded(cells, MarketCell::suppressed, withheld());
  }
}
