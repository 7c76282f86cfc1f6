package org.qiao.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Caller;
import org.qiao.kit.security.Roles;
import org.qiao.kit.time.ChinaTime;
import org.qiao.matching.domain.CoursePlanView;
import org.qiao.matching.domain.DemandView;
import org.qiao.matching.domain.MajorCodes;
import org.qiao.matching.domain.PlanSkill;
import org.qiao.matching.domain.SkillDemand;
import org.qiao.matching.domain.TrainingOrderView;

/**
 * The feedback loop: what the market asks of skills against what an institution's published plans
 * teach, optionally for one major, and how that changed since a date.
 */
@ApplicationScoped
public class SkillGaps {

  /** The inputs of a report; the resource turns them into the answer. */
  public record Report(
      String institutionCode,
      String majorCode,
      SkillDemand market,
      Set<String> taughtNow,
      LocalDate since,
      Set<String> taughtThen,
      int openDemands,
      int openTrainingOrders,
      int plansInForce) {}

  private final Skills skills;
  private final Clock clock;

  SkillGaps(Skills skills, Clock clock) {
    this.skills = skills;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Report report(Caller caller, String institutionCode, String majorCode, LocalDate since) {
    boolean own = caller.is(Roles.UNIVERSITY) && institutionCode.equals(caller.org());
    if (!own && !caller.isAdmin() && !caller.is(Roles.GOVERNMENT)) {
      throw ProblemException.notFound("institution " + institutionCode);
    }
    LocalDate today = ChinaTime.today(clock);
    SkillDemand market = new SkillDemand();
    int demands = 0;
    for (DemandView d : DemandView.<DemandView>list("status", "PUBLISHED")) {
      if (d.isOpen(today) && MajorCodes.concerns(d.majorCodes, majorCode, true)) {
        market.add(essentialByKey(d.skills), d.openHeadcount());
        demands++;
      }
    }
    int orders = 0;
    for (TrainingOrderView o :
        TrainingOrderView.<TrainingOrderView>list("status in ?1", TrainingOrderView.AWARDABLE)) {
      boolean askedHere =
          o.targetUniversities.isEmpty() || o.targetUniversities.contains(institutionCode);
      if (askedHere
          && o.openHeadcount() > 0
          && MajorCodes.concerns(o.majorCodes, majorCode, false)) {
        market.add(essentialByKey(o.skills), o.openHeadcount());
        orders++;
      }
    }
    List<CoursePlanView> plans =
        CoursePlanView.list("institutionCode = ?1 order by coursePlanId", institutionCode);
    List<CoursePlanView> forPlan =
        plans.stream()
            .filter(p -> majorCode == null || MajorCodes.sameMajor(p.majorCode, majorCode))
            .toList();
    Set<String> now =
        taught(forPlan.stream().filter(p -> CoursePlanView.PUBLISHED.equals(p.status)).toList());
    Set<String> then = null;
    if (since != null) {
      Instant at = since.atStartOfDay(ChinaTime.ZONE).toInstant();
      then = taught(forPlan.stream().filter(p -> p.inForceAt(at)).toList());
    }
    int inForce =
        (int) forPlan.stream().filter(p -> CoursePlanView.PUBLISHED.equals(p.status)).count();
    return new Report(
        institutionCode, majorCode, market, now, since, then, demands, orders, inForce);
  }

  private static Set<String> taught(List<CoursePlanView> plans) {
    Set<String> keys = new HashSet<>();
    for (CoursePlanView p : plans) {
      for (PlanSkill s : p.skills) {
        keys.add(s.key());
      }
    }
    return keys;
  }

  private Map<String, Boolean> essentialByKey(List<DemandView.RequiredSkill> required) {
    return DemandView.RequiredSkill.essentialByKey(required, skills.vocabulary());
  }
}
