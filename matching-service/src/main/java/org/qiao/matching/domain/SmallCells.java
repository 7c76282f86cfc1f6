package org.qiao.matching.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The small-cell rule of every statistic this service shows (ADR 0012): no count of 1–4 persons,
 * and the cells holding one are folded into a single keyless cell after the shown ones, which says
 * that small cells exist, not where nor how many. Market cells, placement cells for government and
 * institutions' outcome breakdowns all go through here.
 */
public final class SmallCells {

  public static final int SMALLEST_SHOWN = 5;

  private SmallCells() {}

  /** Whether a count of persons is too small to show (1–4; 0 names nobody). */
  public static boolean isSmall(long persons) {
    return persons > 0 && persons < SMALLEST_SHOWN;
  }

  /** The shown cells in their order, then {@code withheld} once if any cell was suppressed. */
  public static <T> List<T> folded(List<T> cells, Predicate<T> suppressed, T withheld) {
    List<T> out = new ArrayList<>();
    boolean anySuppressed = false;
    for (T c : cells) {
      if (suppressed.test(c)) {
        anySuppressed = true;
      } else {
        out.add(c);
      }
    }
    if (anySuppressed) {
      out.add(withheld);
    }
    return List.copyOf(out);
  }
}
