package org.qiao.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Caller;
import org.qiao.kit.security.Roles;
import org.qiao.matching.domain.CoursePlanView;
import org.qiao.matching.domain.DemandView;
import org.qiao.matching.domain.MajorCodes;
import org.qiao.matching.domain.SkillDemand;
import org.qiao.matching.domain.TrainingOrderView;

/**
 * Training order → institutions: each institution with published plans for an ordered major, ranked
 * by how much of the order's skills those plans teach (essential twice, optional once), then by
 * essential skills taught, then by institution code.
 */
@ApplicationScoped
public class TrainingOrderMatching {

  /** An order skill as an institution's plans teach it; level 0 = not taught. */
  public record SkillCoverage(
      String key, String name, boolean essential, int requiredLevel, int taughtLevel) {}

  public record RankedInstitution(
      String institutionCode,
      String institutionName,
      double coveragePercent,
      List<SkillCoverage> skills,
      List<CoursePlanView> plans,
      long studentsInOrderedMajors,
      int contractedCapacity) {}

  public record Ranked(TrainingOrderView order, List<RankedInstitution> institutions) {}

  private final Skills skills;
  private final EntityManager em;

  TrainingOrderMatching(Skills skills, EntityManager em) {
    this.skills = skills;
    this.em = em;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Ranked rank(Caller caller, UUID orderId) {
    TrainingOrderView order = TrainingOrderView.findById(orderId);
    boolean own =
        order != null
            && (caller.isAdmin()
                || (caller.is(Roles.ENTERPRISE) && order.enterpriseCode.equals(caller.org())));
    if (!own) {
      throw ProblemException.notFound("training order " + orderId);
    }
    Map<String, List<CoursePlanView>> byInstitution = new TreeMap<>();
    for (CoursePlanView p :
        CoursePlanView.<CoursePlanView>list(
            "status = ?1 and kind = 'MAJOR' order by coursePlanId", CoursePlanView.PUBLISHED)) {
      boolean ordered =
          order.majorCodes.stream().anyMatch(m -> MajorCodes.sameMajor(m, p.majorCode));
      boolean asked =
          order.targetUniversities.isEmpty()
              || order.targetUniversities.contains(p.institutionCode);
      if (ordered && asked) {
        byInstitution.computeIfAbsent(p.institutionCode, k -> new ArrayList<>()).add(p);
      }
    }
    Map<String, Boolean> essential =
        DemandView.RequiredSkill.essentialByKey(order.skills, skills.vocabulary());
    Map<String, DemandView.RequiredSkill> required = new LinkedHashMap<>();
    for (DemandView.RequiredSkill s : order.skills) {
      String key = skills.keyOf(s.name());
      if (key != null) {
        required.putIfAbsent(key, s);
      }
    }
    SkillDemand weights = new SkillDemand();
    weights.add(essential, 1);
    List<RankedInstitution> ranked = new ArrayList<>();
    byInstitution.forEach(
        (code, plans) -> {
          Map<String, Integer> taught = new LinkedHashMap<>();
          plans.forEach(p -> p.skills.forEach(s -> taught.merge(s.key(), s.level(), Math::max)));
          List<SkillCoverage> coverage = new ArrayList<>();
          required.forEach(
              (key, s) ->
                  coverage.add(
                      new SkillCoverage(
                          key,
                          s.name(),
                          essential.get(key),
                          s.level(),
                          taught.getOrDefault(key, 0))));
          Double percent = weights.coveragePercent(taught.keySet());
          ranked.add(
              new RankedInstitution(
                  code,
                  plans.get(0).institutionName,
                  percent == null ? 0 : percent,
                  coverage,
                  plans,
                  students(code, order.majorCodes),
                  plans.stream().mapToInt(p -> p.contractedCapacity).sum()));
        });
    ranked.sort(
        Comparator.comparingDouble(RankedInstitution::coveragePercent)
            .reversed()
            .thenComparing(
                Comparator.comparingLong(
                        (RankedInstitution r) ->
                            r.skills().stream()
                                .filter(c -> c.essential() && c.taughtLevel() > 0)
                                .count())
                    .reversed())
            .thenComparing(RankedInstitution::institutionCode));
    return new Ranked(order, ranked);
  }

  private long students(String institutionCode, List<String> majors) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from student_profile where institution_code = ?1"
                        + " and substr(major_code, 1, 6) in (?2)")
                .setParameter(1, institutionCode)
                .setParameter(2, majors.stream().map(m -> m.substring(0, 6)).toList())
                .getSingleResult())
        .longValue();
  }
}
