package org.qiao.kit.statistics;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.qiao.kit.problem.ProblemException;

/**
 * The dated snapshots of a statistic (ADR 0012): a table of {@code (as_of date primary key,
 * computed_at timestamptz)}, one row per closed day, written once.
 */
public final class SnapshotDays {

  /** A kept snapshot: its day and when it was computed. */
  public record Day(LocalDate asOf, Instant computedAt) {}

  private SnapshotDays() {}

  /**
   * The snapshot of {@code date}, or the latest when null; 404 naming {@code what} ("market
   * statistics") when there is none. {@code table} is the service's own constant, never input.
   */
  public static Day find(EntityManager em, String table, LocalDate date, String what) {
    var query =
        em.createNativeQuery(
            "select as_of::text, (extract(epoch from computed_at) * 1000)::bigint from "
                + table
                + (date == null ? " order by as_of desc limit 1" : " where as_of = ?1"));
    if (date != null) {
      query.setParameter(1, date);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound(
          date == null ? what + " (no snapshot yet)" : what + " of " + date);
    }
    return new Day(
        LocalDate.parse((String) rows.get(0)[0]),
        Instant.ofEpochMilli(((Number) rows.get(0)[1]).longValue()));
  }
}
