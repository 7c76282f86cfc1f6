package org.qiao.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Caller;
import org.qiao.kit.security.Roles;
import org.qiao.matching.domain.PlacementCell;
import org.qiao.matching.domain.SmallCells;

/**
 * An institution's outcomes for one graduation year (ADR 0016): its graduates matching knows, how
 * many were placed and how fast, by major, occupation and place. Computed from the tables at each
 * request (an institution's rows, by index). Only the institution itself (and admins) may read it.
 */
@ApplicationScoped
public class Outcomes {

  public record InstitutionOutcomes(
      String institutionCode,
      int graduationYear,
      long graduatesKnown,
      long placed,
      Double placementRate,
      Integer medianDaysToOffer,
      Integer p75DaysToOffer,
      List<PlacementCell> byMajor,
      List<PlacementCell> byOccupation,
      List<PlacementCell> byPlace) {}

  private final EntityManager em;
  private final Placements placements;

  Outcomes(EntityManager em, Placements placements) {
    this.em = em;
    this.placements = placements;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public InstitutionOutcomes of(Caller caller, String institutionCode, int graduationYear) {
    boolean own = caller.is(Roles.UNIVERSITY) && institutionCode.equals(caller.org());
    if (!own && !caller.isAdmin()) {
      throw ProblemException.notFound("institution " + institutionCode);
    }
    // Graduates: consented profiles of the year, and placed graduates matching no longer knows
    // (forgotten: their placement is kept without them), each once.
    Map<String, String> majorOf = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "select student_id, major_code from student_profile"
                    + " where institution_code = ?1 and graduation_year = ?2")
            .setParameter(1, institutionCode)
            .setParameter(2, graduationYear)
            .getResultList()) {
      Object[] r = (Object[]) row;
      majorOf.put((String) r[0], (String) r[1]);
    }
    List<PlacementCell.Row> rows = placements.rows(institutionCode, graduationYear);
    Set<String> placed = new HashSet<>();
    List<Integer> days = new ArrayList<>();
    for (PlacementCell.Row r : rows) {
      majorOf.putIfAbsent(r.person(), r.majorCode());
      placed.add(r.person());
      days.add(r.days());
    }
    Map<String, Long> graduatesByMajor = new HashMap<>();
    majorOf.values().forEach(m -> graduatesByMajor.merge(m, 1L, Long::sum));
    boolean fewPlaced = placed.size() < SmallCells.SMALLEST_SHOWN;
    return new InstitutionOutcomes(
        institutionCode,
        graduationYear,
        majorOf.size(),
        placed.size(),
        PlacementCell.rate(placed.size(), (long) majorOf.size()),
        // The days of fewer than five placements are (nearly) those of persons.
        fewPlaced ? null : PlacementCell.percentile(days, 50),
        fewPlaced ? null : PlacementCell.percentile(days, 75),
        PlacementCell.tally(rows, PlacementCell.Row::majorCode, graduatesByMajor),
        PlacementCell.tally(rows, PlacementCell.Row::occupationCode, null),
        PlacementCell.tally(rows, r -> Placements.place(r.divisionCode()), null));
  }
}
