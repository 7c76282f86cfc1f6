package org.qiao.matching.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Placements of one key (a major, a major class, an occupation, a city): how many graduates were
 * placed, out of how many known where that is counted, and how many days the offers took. A cell of
 * 1–4 placed graduates, or of 1–4 graduates, is suppressed ({@link SmallCells}): its key and
 * figures are withheld, since the days of a cell of one are that person's.
 */
public record PlacementCell(
    String key,
    Long graduates,
    Long placed,
    Double placementRate,
    Integer medianDaysToOffer,
    Integer p75DaysToOffer,
    boolean suppressed) {

  /** One placement: who (a pseudonymous id, or the placement's id once forgotten) and where. */
  public record Row(
      String person, String majorCode, String occupationCode, String divisionCode, int days) {}

  /**
   * A cell of {@code placed} graduates (their placements took {@code days}); graduates null where
   * the key does not count them (occupation, place).
   */
  public static PlacementCell of(String key, Long graduates, long placed, List<Integer> days) {
    if (SmallCells.isSmall(placed) || (graduates != null && SmallCells.isSmall(graduates))) {
      return withheld();
    }
    return new PlacementCell(
        key,
        graduates,
        placed,
        rate(placed, graduates),
        percentile(days, 50),
        percentile(days, 75),
        false);
  }

  public static PlacementCell withheld() {
    return new PlacementCell(null, null, null, null, null, null, true);
  }

  /** Placed ÷ graduates as a fraction, four decimals (0.4231); null without graduates. */
  public static Double rate(long placed, Long graduates) {
    return graduates == null || graduates == 0
        ? null
        : Math.round(placed * 10_000.0 / graduates) / 10_000.0;
  }

  /** The nearest-rank percentile (a value some placement had); null for none. */
  public static Integer percentile(Collection<Integer> values, int percent) {
    if (values.isEmpty()) {
      return null;
    }
    List<Integer> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /**
   * The cells of the placements by a key (null keys are in no cell), ordered by key, small ones
   * folded into one suppressed cell at the end. With {@code graduates}, keys that have graduates
   * but no placement are cells too (0 placed).
   */
  public static List<PlacementCell> tally(
      Collection<Row> rows, Function<Row, String> keyOf, Map<String, Long> graduates) {
    Map<String, Set<String>> persons = new TreeMap<>();
    Map<String, List<Integer>> days = new HashMap<>();
    for (Row r : rows) {
      String key = keyOf.apply(r);
      if (key != null) {
        persons.computeIfAbsent(key, k -> new HashSet<>()).add(r.person());
        days.computeIfAbsent(key, k -> new ArrayList<>()).add(r.days());
      }
    }
    if (graduates != null) {
      graduates.keySet().forEach(k -> persons.computeIfAbsent(k, x -> new HashSet<>()));
    }
    List<PlacementCell> cells = new ArrayList<>();
    persons.forEach(
        (key, placed) ->
            cells.add(
                of(
                    key,
                    graduates == null ? null : graduates.getOrDefault(key, (long) placed.size()),
                    placed.size(),
                    days.getOrDefault(key, List.of()))));
    return SmallCells.folded(cells, PlacementCell::suppressed, withheld());
  }
}
