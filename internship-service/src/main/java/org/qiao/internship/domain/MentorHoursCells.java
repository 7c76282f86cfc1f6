package org.qiao.internship.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What government may see of mentors' hours (ADR 0012): for each month (of recording, China time),
 * side and kind, the number of mentors and their hours together when at least {@value
 * #SMALLEST_SHOWN} mentors recorded some; fewer only as one suppressed cell of the month, without
 * side, kind or figures, so that no mentor's own hours can be read or worked out. Months are those
 * of recording, so a closed month never changes: a later record counts in its own month.
 */
public final class MentorHoursCells {

  public static final int SMALLEST_SHOWN = 5;

  /** Hours recorded in a month by mentors of one side, of one kind. */
  public record Count(String month, Side side, HoursKind kind, long mentors, BigDecimal hours) {}

  /** A shown cell, or the month's suppressed cell (month only). */
  public record Cell(
      String month,
      Side side,
      HoursKind kind,
      Long mentors,
      BigDecimal hours,
      boolean suppressed) {}

  private MentorHoursCells() {}

  /** The cells to publish, in month, side, kind order; the suppressed cell last in its month. */
  public static List<Cell> published(List<Count> counts) {
    List<Cell> out = new ArrayList<>();
    Set<String> months = new TreeSet<>();
    counts.forEach(c -> months.add(c.month()));
    for (String month : months) {
      boolean hidden = false;
      for (Count c : counts) {
        if (!c.month().equals(month)) {
          continue;
        }
        if (c.mentors() >= SMALLEST_SHOWN) {
          out.add(new Cell(month, c.side(), c.kind(), c.mentors(), c.hours(), false));
        } else if (c.mentors() > 0) {
          hidden = true;
        }
      }
      if (hidden) {
        out.add(new Cell(month, null, null, null, null, true));
      }
    }
    return out;
  }
}
