package org.qiao.internship.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What government may see of a month's incidents (ADR 0012): a count by type, severity and city
 * when it is at least {@value #SMALLEST_SHOWN}; the province's smaller city counts of that type and
 * severity together, without their cities, when they reach it; everything smaller only as one
 * suppressed cell of the month, without type, place or count. No count of 1–4 is ever shown, and
 * since each incident is in at most one shown cell and views are whole months, no two views differ
 * by a small count.
 */
public final class IncidentCells {

  public static final int SMALLEST_SHOWN = 5;

  /** Incidents reported in a month of one type, severity and city-level division code. */
  public record Count(
      String month, IncidentType type, Severity severity, String cityCode, long incidents) {}

  /**
   * A published cell: a city cell (city and province code), a province cell (province code only) or
   * the month's suppressed cell (month only, no count).
   */
  public record Cell(
      String month,
      IncidentType type,
      Severity severity,
      String provinceCode,
      String cityCode,
      Long incidents,
      boolean suppressed) {

    static Cell suppressed(String month) {
      return new Cell(month, null, null, null, null, null, true);
    }
  }

  private IncidentCells() {}

  /** The published cells of the counts, ordered by month, then type, severity and place. */
  public static List<Cell> published(List<Count> counts) {
    Map<String, List<Count>> byMonth = new TreeMap<>();
    for (Count c : counts) {
      byMonth.computeIfAbsent(c.month(), m -> new ArrayList<>()).add(c);
    }
    List<Cell> out = new ArrayList<>();
    byMonth.forEach(
        (month, cs) -> {
          Map<String, Long> rest = new TreeMap<>();
          List<Cell> cities = new ArrayList<>();
          for (Count c : cs) {
            if (c.incidents() >= SMALLEST_SHOWN) {
              cities.add(
                  new Cell(
                      month,
                      c.type(),
                      c.severity(),
                      province(c.cityCode()),
                      c.cityCode(),
                      c.incidents(),
                      false));
            } else if (c.incidents() > 0) {
              rest.merge(
                  c.type() + "/" + c.severity() + "/" + province(c.cityCode()),
                  c.incidents(),
                  Long::sum);
            }
          }
          out.addAll(cities);
          boolean suppressed = false;
          for (Map.Entry<String, Long> r : rest.entrySet()) {
            if (r.getValue() >= SMALLEST_SHOWN) {
              String[] k = r.getKey().split("/");
              out.add(
                  new Cell(
                      month,
                      IncidentType.valueOf(k[0]),
                      Severity.valueOf(k[1]),
                      k[2],
                      null,
                      r.getValue(),
                      false));
            } else {
              suppressed = true;
            }
          }
          if (suppressed) {
            out.add(Cell.suppressed(month));
          }
        });
    return List.copyOf(out);
  }

  private static String province(String cityCode) {
    return cityCode.substring(0, 2) + "0000";
  }
}
