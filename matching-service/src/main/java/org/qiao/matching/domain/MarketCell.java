package org.qiao.matching.domain;

/**
 * One cell of the market statistics: open positions against consented graduates who could fill
 * them. A cell of fewer than {@value #SMALLEST_SHOWN} graduates (but some) is suppressed: its
 * graduate count and ratio are withheld, so no person can be singled out.
 */
public record MarketCell(
    String key,
    long openPositions,
    Long graduates,
    Double graduatesPerPosition,
    boolean suppressed) {

  public static final int SMALLEST_SHOWN = 5;

  public static MarketCell of(String key, long openPositions, long graduates) {
    if (isSmall(graduates)) {
      return suppressed(key, openPositions);
    }
    Double ratio =
        openPositions == 0 ? null : Math.round(graduates * 100.0 / openPositions) / 100.0;
    return new MarketCell(key, openPositions, graduates, ratio, false);
  }

  /** A cell whose graduate count is withheld. */
  public static MarketCell suppressed(String key, long openPositions) {
    return new MarketCell(key, openPositions, null, null, true);
  }

  /** Whether a count of persons is too small to show (1–4). */
  public static boolean isSmall(long persons) {
    return persons > 0 && persons < SMALLEST_SHOWN;
  }
}
