package org.qiao.matching.service;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;
import org.qiao.kit.cluster.ClusterLocks;
import org.qiao.kit.outbox.Outbox;
import org.qiao.kit.statistics.SnapshotDays;
import org.qiao.kit.time.DailySchedule;
import org.qiao.matching.domain.DemandView;
import org.qiao.matching.domain.MajorCodes;
import org.qiao.matching.domain.MarketCell;
import org.qiao.matching.domain.PlacementCell;

/**
 * Market statistics for government systems: open positions of open demands against consented
 * graduates of one graduation year, by major class, occupation or city (a city-level GB/T 2260
 * code), and the placements of that year's graduates by the same dimension (ADR 0016). Aggregates
 * only; small cells suppressed and keyless ({@link MarketCell}). Always one year: an all-years view
 * beside a one-year view would give the other years' small counts away by subtraction.
 *
 * <p>Published as dated snapshots (ADR 0012): once a day, as of the previous day's close in China
 * time, computed once and kept; a caller reads a date, never the live read models, so polling
 * cannot show one graduate arriving or leaving. The first snapshot is computed at start when the
 * last closed day has none; tests call {@link #snapshot(LocalDate)} with a date of their own.
 */
@ApplicationScoped
public class MarketStatistics {

  public enum Dimension {
    MAJOR_CLASS,
    OCCUPATION,
    CITY
  }

  /** Graduation years computed around the snapshot's year, besides those graduates have. */
  private static final int YEARS_BEFORE = 1;

  private static final int YEARS_AFTER = 5;

  private static final String WHERE_YEAR = " where graduation_year = ?1";

  /** A snapshot's cells of one dimension and year. */
  public record Published(
      LocalDate asOf,
      Instant computedAt,
      int graduationYear,
      List<MarketCell> cells,
      List<PlacementCell> placements) {}

  /** Announces each new snapshot, so that partners' systems fetch it (a public event). */
  public static final String SNAPSHOT_PUBLISHED = "qiao.market-statistics.snapshot-published.v1";

  /** The data of {@link #SNAPSHOT_PUBLISHED}: the day and where to read it. */
  public record SnapshotPublished(
      LocalDate asOf,
      Instant computedAt,
      List<Integer> graduationYears,
      List<Dimension> dimensions,
      String json,
      String csv) {}

  private final EntityManager em;
  private final Placements placements;
  private final Outbox outbox;
  private final Clock clock;
  private final Duration checkEvery;
  private final ClusterLocks locks;
  private DailySchedule schedule;

  MarketStatistics(
      EntityManager em,
      Placements placements,
      Outbox outbox,
      Clock clock,
      ClusterLocks locks,
      @ConfigProperty(name = "qiao.statistics.snapshot-check", defaultValue = "10m")
          Duration checkEvery) {
    this.em = em;
    this.placements = placements;
    this.outbox = outbox;
    this.clock = clock;
    this.locks = locks;
    this.checkEvery = checkEvery;
  }

  void onStart(@Observes StartupEvent event) {
    schedule =
        DailySchedule.start(
            "market-statistics-snapshot",
            clock,
            checkEvery,
            locks.lock("market-statistics-snapshot"),
            this::snapshot);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (schedule != null) {
      schedule.close();
    }
  }

  /**
   * Computes and keeps the snapshot as of {@code asOf}'s close unless one exists; true when it was
   * computed now. Once kept it never changes: a second call, here or on another instance (the
   * primary key serialises them), does nothing. The schedule passes only closed days.
   */
  public boolean snapshot(LocalDate asOf) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Instant computedAt = clock.instant();
              int inserted =
                  em.createNativeQuery(
                          "insert into market_statistics_snapshot (as_of, computed_at)"
                              + " values (?1, ?2) on conflict do nothing")
                      .setParameter(1, asOf)
                      .setParameter(2, computedAt)
                      .executeUpdate();
              if (inserted == 0) {
                return false;
              }
              List<DemandView> open =
                  DemandView.<DemandView>list("status", "PUBLISHED").stream()
                      .filter(d -> d.isOpen(asOf))
                      .toList();
              Set<Integer> years = years(asOf);
              for (int year : years) {
                List<PlacementCell.Row> placed = placements.rows(null, year);
                for (Dimension by : Dimension.values()) {
                  insertPlacements(asOf, by, year, placementCells(placed, by));
                  List<MarketCell> cells = MarketCell.published(cells(open, by, year));
                  for (int i = 0; i < cells.size(); i++) {
                    MarketCell c = cells.get(i);
                    em.createNativeQuery(
                            "insert into market_statistics_cell (as_of, dimension,"
                                + " graduation_year, position, cell_key, open_positions,"
                                + " graduates, suppressed) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                        .unwrap(NativeQuery.class)
                        .setParameter(1, asOf)
                        .setParameter(2, by.name())
                        .setParameter(3, year)
                        .setParameter(4, i)
                        // Typed: the suppressed cell's nulls must bind as text and bigint.
                        .setParameter(5, c.key(), String.class)
                        .setParameter(6, c.openPositions(), Long.class)
                        .setParameter(7, c.graduates(), Long.class)
                        .setParameter(8, c.suppressed())
                        .executeUpdate();
                  }
                }
              }
              String query = "?date=" + asOf;
              outbox.record(
                  "MarketStatistics",
                  asOf.toString(),
                  SNAPSHOT_PUBLISHED,
                  new SnapshotPublished(
                      asOf,
                      computedAt,
                      List.copyOf(years),
                      List.of(Dimension.values()),
                      "/api/v1/market-statistics" + query,
                      "/api/v1/market-statistics/csv" + query));
              return true;
            });
  }

  /**
   * The cells of a kept snapshot: of {@code date}, or the latest when null; of the graduation year,
   * or the snapshot's year when null. 404 when there is no such snapshot; a year the snapshot did
   * not compute has no cells.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Published published(LocalDate date, Dimension by, Integer year) {
    SnapshotDays.Day day =
        SnapshotDays.find(em, "market_statistics_snapshot", date, "market statistics");
    LocalDate asOf = day.asOf();
    Instant computedAt = day.computedAt();
    int graduationYear = year != null ? year : asOf.getYear();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select cell_key, open_positions, graduates, suppressed from market_statistics_cell"
                    + " where as_of = ?1 and dimension = ?2 and graduation_year = ?3"
                    + " order by position")
            .setParameter(1, asOf)
            .setParameter(2, by.name())
            .setParameter(3, graduationYear)
            .getResultList();
    List<MarketCell> cells = new ArrayList<>();
    for (Object[] r : rows) {
      cells.add(
          (Boolean) r[3]
              ? MarketCell.withheld()
              : MarketCell.of(
                  (String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> placed =
        em.createNativeQuery(
                "select cell_key, placements, median_days_to_offer, p75_days_to_offer, suppressed"
                    + " from market_statistics_placement_cell"
                    + " where as_of = ?1 and dimension = ?2 and graduation_year = ?3"
                    + " order by position")
            .setParameter(1, asOf)
            .setParameter(2, by.name())
            .setParameter(3, graduationYear)
            .getResultList();
    List<PlacementCell> placementCells = new ArrayList<>();
    for (Object[] r : placed) {
      placementCells.add(
          (Boolean) r[4]
              ? PlacementCell.withheld()
              : new PlacementCell(
                  (String) r[0],
                  null,
                  ((Number) r[1]).longValue(),
                  null,
                  r[2] == null ? null : ((Number) r[2]).intValue(),
                  r[3] == null ? null : ((Number) r[3]).intValue(),
                  false));
    }
    return new Published(
        asOf, computedAt, graduationYear, List.copyOf(cells), List.copyOf(placementCells));
  }

  /**
   * Placements of one graduation year by major class (the major code's first 4 characters, 专业类),
   * occupation or city of the job; cells of 1–4 placed graduates folded like the market cells.
   */
  private static List<PlacementCell> placementCells(List<PlacementCell.Row> rows, Dimension by) {
    return switch (by) {
      case MAJOR_CLASS ->
          PlacementCell.tally(rows, r -> MajorCodes.majorClass(r.majorCode()), null);
      case OCCUPATION -> PlacementCell.tally(rows, PlacementCell.Row::occupationCode, null);
      case CITY -> PlacementCell.tally(rows, r -> Placements.place(r.divisionCode()), null);
    };
  }

  private void insertPlacements(LocalDate asOf, Dimension by, int year, List<PlacementCell> cells) {
    for (int i = 0; i < cells.size(); i++) {
      PlacementCell c = cells.get(i);
      em.createNativeQuery(
              "insert into market_statistics_placement_cell (as_of, dimension, graduation_year,"
                  + " position, cell_key, placements, median_days_to_offer, p75_days_to_offer,"
                  + " suppressed) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
          .unwrap(NativeQuery.class)
          .setParameter(1, asOf)
          .setParameter(2, by.name())
          .setParameter(3, year)
          .setParameter(4, i)
          .setParameter(5, c.key(), String.class)
          .setParameter(6, c.placed(), Long.class)
          .setParameter(7, c.medianDaysToOffer(), Integer.class)
          .setParameter(8, c.p75DaysToOffer(), Integer.class)
          .setParameter(9, c.suppressed())
          .executeUpdate();
    }
  }

  private Set<Integer> years(LocalDate asOf) {
    Set<Integer> years = new TreeSet<>();
    for (int y = asOf.getYear() - YEARS_BEFORE; y <= asOf.getYear() + YEARS_AFTER; y++) {
      years.add(y);
    }
    for (Object y :
        em.createNativeQuery(
                "select graduation_year from student_profile"
                    + " union select graduation_year from placement")
            .getResultList()) {
      years.add(((Number) y).intValue());
    }
    return years;
  }

  /**
   * Major class: a demand's positions count in each class its majors fall in (demands open to any
   * major are left out), graduates by their major's class. Occupation: graduates whose major is in
   * a class the occupation's demands ask for. City: the demand's city-level code against graduates
   * preferring it (graduates without a preference are in no city; a demand whose typed city is not
   * a known city is in none).
   */
  private List<MarketCell> cells(List<DemandView> open, Dimension by, int graduationYear) {
    Map<String, Long> positions = new TreeMap<>();
    Map<String, Long> graduates = new HashMap<>();
    Set<String> withheld = new HashSet<>();
    switch (by) {
      case MAJOR_CLASS -> {
        for (DemandView d : open) {
          classes(d.majorCodes)
              .forEach(c -> positions.merge(c, (long) d.openHeadcount(), Long::sum));
        }
        graduates.putAll(graduatesByClass(graduationYear));
        graduates.keySet().forEach(c -> positions.putIfAbsent(c, 0L));
      }
      case OCCUPATION -> {
        Map<String, Set<String>> classesOf = new HashMap<>();
        for (DemandView d : open) {
          positions.merge(d.occupationCode, (long) d.openHeadcount(), Long::sum);
          classesOf
              .computeIfAbsent(d.occupationCode, o -> new HashSet<>())
              .addAll(classes(d.majorCodes));
        }
        Map<String, Long> byClass = graduatesByClass(graduationYear);
        // A graduate has one major, so summing distinct classes counts each graduate once. A sum
        // that includes a small class is withheld: two occupations differing by that class alone
        // would otherwise give its count away by subtraction.
        classesOf.forEach(
            (occupation, cls) -> {
              graduates.put(
                  occupation, cls.stream().mapToLong(c -> byClass.getOrDefault(c, 0L)).sum());
              if (cls.stream().anyMatch(c -> MarketCell.isSmall(byClass.getOrDefault(c, 0L)))) {
                withheld.add(occupation);
              }
            });
      }
      case CITY -> {
        for (DemandView d : open) {
          if (d.cityCode() != null) {
            positions.merge(d.cityCode(), (long) d.openHeadcount(), Long::sum);
          }
        }
        graduates.putAll(
            counts(
                "select c, count(*) from student_profile, jsonb_array_elements_text(preferred_cities) c"
                    + WHERE_YEAR
                    + " group by c",
                graduationYear));
        graduates.keySet().forEach(c -> positions.putIfAbsent(c, 0L));
      }
    }
    return positions.entrySet().stream()
        .map(
            e ->
                withheld.contains(e.getKey())
                    ? MarketCell.withheld()
                    : MarketCell.of(
                        e.getKey(), e.getValue(), graduates.getOrDefault(e.getKey(), 0L)))
        .toList();
  }

  private static Set<String> classes(List<String> majorCodes) {
    Set<String> classes = new HashSet<>();
    for (String m : majorCodes) {
      String c = MajorCodes.majorClass(m);
      if (c != null) {
        classes.add(c);
      }
    }
    return classes;
  }

  private Map<String, Long> graduatesByClass(int graduationYear) {
    return counts(
        "select substr(major_code, 1, 4), count(*) from student_profile"
            + WHERE_YEAR
            + " group by 1",
        graduationYear);
  }

  private Map<String, Long> counts(String sql, int graduationYear) {
    var query = em.createNativeQuery(sql).setParameter(1, graduationYear);
    Map<String, Long> counts = new HashMap<>();
    for (Object row : query.getResultList()) {
      Object[] r = (Object[]) row;
      counts.put((String) r[0], ((Number) r[1]).longValue());
    }
    return counts;
  }
}
