package org.qiao.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.qiao.kit.time.ChinaTime;
import org.qiao.matching.domain.DemandView;
import org.qiao.matching.domain.MajorCodes;
import org.qiao.matching.domain.MarketCell;

/**
 * Market statistics for government systems: open positions of open demands against consented
 * graduates of one graduation year, by major class, occupation or city. Aggregates only; small
 * cells suppressed ({@link MarketCell}). Always one year: an all-years view beside a one-year view
 * would give the other years' small counts away by subtraction. Computed from the read models at
 * the time of asking, so a forgotten student is out at once.
 */
@ApplicationScoped
public class MarketStatistics {

  public enum Dimension {
    MAJOR_CLASS,
    OCCUPATION,
    CITY
  }

  private static final String WHERE_YEAR = " where graduation_year = ?1";

  private final EntityManager em;
  private final Clock clock;

  MarketStatistics(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /**
   * Major class: a demand's positions count in each class its majors fall in (demands open to any
   * major are left out), graduates by their major's class. Occupation: graduates whose major is in
   * a class the occupation's demands ask for. City: the demand's city against graduates preferring
   * it (graduates without a preference are in no city).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<MarketCell> cells(Dimension by, int graduationYear) {
    LocalDate today = ChinaTime.today(clock);
    List<DemandView> open =
        DemandView.<DemandView>list("status", "PUBLISHED").stream()
            .filter(d -> d.isOpen(today))
            .toList();
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
          positions.merge(d.city, (long) d.openHeadcount(), Long::sum);
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
                    ? MarketCell.suppressed(e.getKey(), e.getValue())
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
