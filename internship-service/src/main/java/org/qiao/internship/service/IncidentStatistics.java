package org.qiao.internship.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;
import org.qiao.internship.domain.IncidentCells;
import org.qiao.internship.domain.IncidentType;
import org.qiao.internship.domain.Severity;
import org.qiao.kit.cluster.ClusterLocks;
import org.qiao.kit.outbox.Outbox;
import org.qiao.kit.statistics.SnapshotDays;
import org.qiao.kit.time.ChinaTime;
import org.qiao.kit.time.DailySchedule;

/**
 * Incident counts for government, published as dated snapshots (ADR 0012): once a day, as of the
 * previous day's close in China time, computed once and kept. A snapshot holds every month of
 * reporting closed by its day ({@link IncidentCells}: nothing below 5); a month still open is in
 * none, so no two views differ by a day. Counted by the month an incident was reported, which a
 * closed month never gains, so the counts of a month are the same in every snapshot. The first
 * snapshot is computed at start when the last closed day has none; tests call {@link
 * #snapshot(LocalDate)} with a day of their own.
 */
@ApplicationScoped
public class IncidentStatistics {

  /** A snapshot's cells for the months of a period. */
  public record Published(
      LocalDate asOf,
      Instant computedAt,
      YearMonth from,
      YearMonth to,
      List<IncidentCells.Cell> cells) {}

  /** Announces each new snapshot, so that partners' systems fetch it (a public event). */
  public static final String SNAPSHOT_PUBLISHED = "qiao.incident-statistics.snapshot-published.v1";

  /** The data of {@link #SNAPSHOT_PUBLISHED}: the day, its latest month, where to read it. */
  public record SnapshotPublished(
      LocalDate asOf, Instant computedAt, String lastMonth, String json, String csv) {}

  private final EntityManager em;
  private final Outbox outbox;
  private final Clock clock;
  private final Duration checkEvery;
  private final ClusterLocks locks;
  private DailySchedule schedule;

  IncidentStatistics(
      EntityManager em,
      Outbox outbox,
      Clock clock,
      ClusterLocks locks,
      @ConfigProperty(name = "qiao.statistics.snapshot-check", defaultValue = "10m")
          Duration checkEvery) {
    this.em = em;
    this.outbox = outbox;
    this.clock = clock;
    this.locks = locks;
    this.checkEvery = checkEvery;
  }

  void onStart(@Observes StartupEvent event) {
    schedule =
        DailySchedule.start(
            "incident-statistics-snapshot",
            clock,
            checkEvery,
            locks.lock("incident-statistics-snapshot"),
            this::snapshot);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (schedule != null) {
      schedule.close();
    }
  }

  /** The last month whose last day is on or before the day. */
  static YearMonth lastClosedMonth(LocalDate day) {
    YearMonth m = YearMonth.from(day);
    return day.equals(m.atEndOfMonth()) ? m : m.minusMonths(1);
  }

  /**
   * Computes and keeps the snapshot as of {@code asOf}'s close unless one exists; true when it was
   * computed now. Once kept it never changes (the primary key serialises instances). The schedule
   * passes only closed days.
   */
  public boolean snapshot(LocalDate asOf) {
    Instant closed =
        lastClosedMonth(asOf).plusMonths(1).atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Instant computedAt = clock.instant();
              int inserted =
                  em.createNativeQuery(
                          "insert into incident_statistics_snapshot (as_of, computed_at)"
                              + " values (?1, ?2) on conflict do nothing")
                      .setParameter(1, asOf)
                      .setParameter(2, computedAt)
                      .executeUpdate();
              if (inserted == 0) {
                return false;
              }
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  em.createNativeQuery(
                          "select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM'),"
                              + " type, severity, city_code, count(*) from incident"
                              + " where created_at < ?1 group by 1, 2, 3, 4 order by 1, 2, 3, 4")
                      .setParameter(1, closed)
                      .getResultList();
              List<IncidentCells.Count> counts = new ArrayList<>();
              for (Object[] r : rows) {
                counts.add(
                    new IncidentCells.Count(
                        (String) r[0],
                        IncidentType.valueOf((String) r[1]),
                        Severity.valueOf((String) r[2]),
                        (String) r[3],
                        ((Number) r[4]).longValue()));
              }
              List<IncidentCells.Cell> cells = IncidentCells.published(counts);
              for (int i = 0; i < cells.size(); i++) {
                IncidentCells.Cell c = cells.get(i);
                em.createNativeQuery(
                        "insert into incident_statistics_cell (as_of, position, month, type,"
                            + " severity, province_code, city_code, incidents, suppressed)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                    .unwrap(NativeQuery.class)
                    .setParameter(1, asOf)
                    .setParameter(2, i)
                    .setParameter(3, c.month())
                    // Typed: a suppressed cell's nulls must bind as text and bigint.
                    .setParameter(4, c.type() == null ? null : c.type().name(), String.class)
                    .setParameter(
                        5, c.severity() == null ? null : c.severity().name(), String.class)
                    .setParameter(6, c.provinceCode(), String.class)
                    .setParameter(7, c.cityCode(), String.class)
                    .setParameter(8, c.incidents(), Long.class)
                    .setParameter(9, c.suppressed())
                    .executeUpdate();
              }
              YearMonth last = lastClosedMonth(asOf);
              String query =
                  "?date=" + asOf + "&from=" + last.atDay(1) + "&to=" + last.atEndOfMonth();
              outbox.record(
                  "IncidentStatistics",
                  asOf.toString(),
                  SNAPSHOT_PUBLISHED,
                  new SnapshotPublished(
                      asOf,
                      computedAt,
                      last.toString(),
                      "/api/v1/incident-statistics" + query,
                      "/api/v1/incident-statistics/csv" + query));
              return true;
            });
  }

  /**
   * The cells of the months from {@code from}'s to {@code to}'s in the snapshot of {@code date}, or
   * the latest when null; 404 when there is no such snapshot. Months the snapshot does not hold
   * (not closed by its day) have no cells.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Published published(LocalDate date, LocalDate from, LocalDate to) {
    SnapshotDays.Day day =
        SnapshotDays.find(em, "incident_statistics_snapshot", date, "incident statistics");
    LocalDate asOf = day.asOf();
    Instant computedAt = day.computedAt();
    YearMonth first = YearMonth.from(from);
    YearMonth last = YearMonth.from(to);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select month, type, severity, province_code, city_code, incidents, suppressed"
                    + " from incident_statistics_cell"
                    + " where as_of = ?1 and month between ?2 and ?3 order by position")
            .setParameter(1, asOf)
            .setParameter(2, first.toString())
            .setParameter(3, last.toString())
            .getResultList();
    List<IncidentCells.Cell> cells = new ArrayList<>();
    for (Object[] r : rows) {
      cells.add(
          new IncidentCells.Cell(
              (String) r[0],
              r[1] == null ? null : IncidentType.valueOf((String) r[1]),
              r[2] == null ? null : Severity.valueOf((String) r[2]),
              (String) r[3],
              (String) r[4],
              r[5] == null ? null : ((Number) r[5]).longValue(),
              (Boolean) r[6]));
    }
    return new Published(asOf, computedAt, first, last, List.copyOf(cells));
  }
}
