package org.qiao.internship.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;
import org.qiao.internship.domain.HoursKind;
import org.qiao.internship.domain.MentorHoursCells;
import org.qiao.internship.domain.Side;
import org.qiao.kit.cluster.ClusterLocks;
import org.qiao.kit.outbox.Outbox;
import org.qiao.kit.statistics.SnapshotDays;
import org.qiao.kit.time.ChinaTime;
import org.qiao.kit.time.DailySchedule;

/**
 * Mentors' hours in aggregate for government (issue 18), as daily snapshots like the incidents':
 * once a day, the months of recording closed by the previous day's close, by mentor side and kind,
 * cells of fewer than five mentors folded into the month's suppressed cell ({@link
 * MentorHoursCells}); announced by an event.
 */
@ApplicationScoped
public class MentorHoursStatistics {

  /** Announces each new snapshot, so that partners' systems fetch it (a public event). */
  public static final String SNAPSHOT_PUBLISHED =
      "qiao.mentor-hours-statistics.snapshot-published.v1";

  /** The data of {@link #SNAPSHOT_PUBLISHED}: the day, its latest month, where to read it. */
  public record SnapshotPublished(
      LocalDate asOf, Instant computedAt, String lastMonth, String json, String csv) {}

  /** A snapshot's cells for the months of a period. */
  public record Published(
      LocalDate asOf,
      Instant computedAt,
      YearMonth from,
      YearMonth to,
      List<MentorHoursCells.Cell> cells) {}

  private final EntityManager em;
  private final Outbox outbox;
  private final Clock clock;
  private final Duration checkEvery;
  private final ClusterLocks locks;
  private DailySchedule schedule;

  MentorHoursStatistics(
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
            "mentor-hours-statistics-snapshot",
            clock,
            checkEvery,
            locks.lock("mentor-hours-statistics-snapshot"),
            this::snapshot);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (schedule != null) {
      schedule.close();
    }
  }

  /**
   * Computes and keeps the snapshot as of {@code asOf}'s close unless one exists; true when it was
   * computed now. Once kept it never changes (the primary key serialises instances).
   */
  public boolean snapshot(LocalDate asOf) {
    YearMonth last = IncidentStatistics.lastClosedMonth(asOf);
    Instant closed = last.plusMonths(1).atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Instant computedAt = clock.instant();
              int inserted =
                  em.createNativeQuery(
                          "insert into mentor_hours_statistics_snapshot (as_of, computed_at)"
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
                          "select to_char(h.created_at at time zone 'Asia/Shanghai', 'YYYY-MM'),"
                              + " m.side, h.kind, count(distinct h.mentor_id), sum(h.hours)"
                              + " from mentor_hours h join mentor m on m.id = h.mentor_id"
                              + " where h.created_at < ?1 group by 1, 2, 3 order by 1, 2, 3")
                      .setParameter(1, closed)
                      .getResultList();
              List<MentorHoursCells.Count> counts = new ArrayList<>();
              for (Object[] r : rows) {
                counts.add(
                    new MentorHoursCells.Count(
                        (String) r[0],
                        Side.valueOf((String) r[1]),
                        HoursKind.valueOf((String) r[2]),
                        ((Number) r[3]).longValue(),
                        (BigDecimal) r[4]));
              }
              List<MentorHoursCells.Cell> cells = MentorHoursCells.published(counts);
              for (int i = 0; i < cells.size(); i++) {
                MentorHoursCells.Cell c = cells.get(i);
                em.createNativeQuery(
                        "insert into mentor_hours_statistics_cell (as_of, position, month, side,"
                            + " kind, mentors, hours, suppressed)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .unwrap(NativeQuery.class)
                    .setParameter(1, asOf)
                    .setParameter(2, i)
                    .setParameter(3, c.month())
                    // Typed: a suppressed cell's nulls must bind as text, bigint and numeric.
                    .setParameter(4, c.side() == null ? null : c.side().name(), String.class)
                    .setParameter(5, c.kind() == null ? null : c.kind().name(), String.class)
                    .setParameter(6, c.mentors(), Long.class)
                    .setParameter(7, c.hours(), BigDecimal.class)
                    .setParameter(8, c.suppressed())
                    .executeUpdate();
              }
              String query =
                  "?date=" + asOf + "&from=" + last.atDay(1) + "&to=" + last.atEndOfMonth();
              outbox.record(
                  "MentorHoursStatistics",
                  asOf.toString(),
                  SNAPSHOT_PUBLISHED,
                  new SnapshotPublished(
                      asOf,
                      computedAt,
                      last.toString(),
                      "/api/v1/mentor-hours-statistics" + query,
                      "/api/v1/mentor-hours-statistics/csv" + query));
              return true;
            });
  }

  /**
   * The cells of the months from {@code from}'s to {@code to}'s in the snapshot of {@code date}, or
   * the latest when null; 404 when there is no such snapshot.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Published published(LocalDate date, LocalDate from, LocalDate to) {
    SnapshotDays.Day day =
        SnapshotDays.find(em, "mentor_hours_statistics_snapshot", date, "mentor hours statistics");
    YearMonth first = YearMonth.from(from);
    YearMonth last = YearMonth.from(to);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select month, side, kind, mentors, hours, suppressed"
                    + " from mentor_hours_statistics_cell"
                    + " where as_of = ?1 and month between ?2 and ?3 order by position")
            .setParameter(1, day.asOf())
            .setParameter(2, first.toString())
            .setParameter(3, last.toString())
            .getResultList();
    List<MentorHoursCells.Cell> cells = new ArrayList<>();
    for (Object[] r : rows) {
      cells.add(
          new MentorHoursCells.Cell(
              (String) r[0],
              r[1] == null ? null : Side.valueOf((String) r[1]),
              r[2] == null ? null : HoursKind.valueOf((String) r[2]),
              r[3] == null ? null : ((Number) r[3]).longValue(),
              (BigDecimal) r[4],
              (Boolean) r[5]));
    }
    return new Published(day.asOf(), day.computedAt(), first, last, List.copyOf(cells));
  }
}
