package org.qiao.matching.domain;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the market asks of skills: each open position of a demand or training order weighs its
 * essential skills twice and its optional skills once. A skill named twice by one demand counts
 * once, as essential if it is essential anywhere in it.
 */
public final class SkillDemand {

  public static final int ESSENTIAL_WEIGHT = 2;
  public static final int OPTIONAL_WEIGHT = 1;

  /** A skill's weight in the market. */
  public record Weighted(String key, long weight) {}

  private final Map<String, Long> weights = new HashMap<>();

  /** Adds one demand or order: its skill keys (essential or not) for so many open positions. */
  public void add(Map<String, Boolean> essentialByKey, int openPositions) {
    if (openPositions <= 0) {
      return;
    }
    essentialByKey.forEach(
        (key, essential) ->
            weights.merge(
                key,
                (long) openPositions * (essential ? ESSENTIAL_WEIGHT : OPTIONAL_WEIGHT),
                Long::sum));
  }

  public long weightOf(String key) {
    return weights.getOrDefault(key, 0L);
  }

  public long total() {
    return weights.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Every skill the market asks for, heaviest first, ties by key. */
  public List<Weighted> ranked() {
    return weights.entrySet().stream()
        .map(e -> new Weighted(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(Weighted::weight).reversed().thenComparing(Weighted::key))
        .toList();
  }

  /**
   * Share of the market's weight the taught skills cover, in percent (1 decimal); null: no demand.
   */
  public Double coveragePercent(java.util.Set<String> taught) {
    long total = total();
    if (total == 0) {
      return null;
    }
    long covered = taught.stream().mapToLong(this::weightOf).sum();
    return Math.round(covered * 1000.0 / total) / 10.0;
  }
}
