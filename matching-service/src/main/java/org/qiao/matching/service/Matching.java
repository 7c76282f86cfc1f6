package org.qiao.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Caller;
import org.qiao.kit.security.Roles;
import org.qiao.matching.config.RankingsConfig;
import org.qiao.matching.domain.DemandView;
import org.qiao.matching.domain.SkillVocabulary;
import org.qiao.matching.domain.ranking.DemandCriteria;
import org.qiao.matching.domain.ranking.DemandMatch;
import org.qiao.matching.domain.ranking.Diagnosis;
import org.qiao.matching.domain.ranking.Profile;
import org.qiao.matching.domain.ranking.RecentTops;
import org.qiao.matching.domain.ranking.StudentCard;
import org.qiao.matching.domain.ranking.StudentMatch;

/**
 * Ranking and diagnosis use cases, with who may ask: an enterprise for its own demands only, a
 * student for themself, a university for its own students. Anything else is "not found", so ids
 * cannot be probed.
 */
@ApplicationScoped
public class Matching {

  /**
   * A ranked student and their card (no personal data: pseudonymous), with the status of the latest
   * application between them and the demand (null: none).
   */
  public record RankedStudent(StudentMatch match, StudentCard card, String applicationStatus) {}

  public record RankedStudents(
      DemandView demand,
      DemandCriteria criteria,
      Map<String, String> skillNames,
      List<RankedStudent> students) {}

  /** A ranked open demand and how it names its skills. */
  public record RankedDemand(
      DemandMatch match, DemandView demand, Map<String, String> skillNames) {}

  public record RankedDemands(Profile student, List<RankedDemand> demands) {}

  public record Diagnosed(
      DemandView demand,
      DemandCriteria criteria,
      Map<String, String> skillNames,
      Diagnosis diagnosis) {}

  private final RankingIndexes indexes;
  private final SkillVocabulary vocabulary;
  private final Applications applications;
  private final RecentTops recentTops;

  Matching(
      RankingIndexes indexes, Skills skills, Applications applications, RankingsConfig config) {
    this.indexes = indexes;
    this.vocabulary = skills.vocabulary();
    this.applications = applications;
    this.recentTops = new RecentTops(config.recentTops());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public RankedStudents topStudents(
      Caller caller, UUID demandId, int limit, Integer graduationYear) {
    DemandView demand = ownDemand(caller, demandId);
    DemandCriteria criteria = demand.criteria(vocabulary, graduationYear);
    // The cards come from the index, not the profile rows: a top of 100 costs no read per student;
    // and a top ranked on the same state of the index is answered again (issue 17).
    RecentTops.Top top = recentTops.top(indexes.profiles(), demandId, criteria, limit);
    Map<String, String> applied = Map.of();
    if (!top.matches().isEmpty()) {
      // One lookup per ranking, by demand: whom the enterprise already invited or who applied.
      applied =
          applications.statusesOn(
              demandId, top.matches().stream().map(StudentMatch::studentId).toList());
    }
    List<RankedStudent> ranked = new ArrayList<>();
    for (StudentMatch m : top.matches()) {
      // A student forgotten between ranking and here is left out rather than shown half.
      StudentCard card = top.cards().get(m.studentId());
      if (card != null) {
        ranked.add(new RankedStudent(m, card, applied.get(m.studentId())));
      }
    }
    return new RankedStudents(demand, criteria, skillNames(demand), ranked);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Diagnosed diagnose(Caller caller, UUID demandId, Integer graduationYear) {
    DemandView demand = ownDemand(caller, demandId);
    DemandCriteria criteria = demand.criteria(vocabulary, graduationYear);
    return new Diagnosed(
        demand, criteria, skillNames(demand), indexes.profiles().diagnose(criteria));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public RankedDemands topDemands(Caller caller, String studentId, int limit) {
    Profile student =
        indexes
            .profiles()
            .get(studentId)
            .filter(p -> mayRead(caller, p))
            .orElseThrow(() -> ProblemException.notFound("student " + studentId));
    List<DemandMatch> matches = indexes.demands().top(student, limit);
    Map<UUID, DemandView> views = new HashMap<>();
    if (!matches.isEmpty()) {
      DemandView.<DemandView>list(
              "demandId in ?1", matches.stream().map(DemandMatch::demandId).toList())
          .forEach(v -> views.put(v.demandId, v));
    }
    List<RankedDemand> ranked = new ArrayList<>();
    for (DemandMatch m : matches) {
      DemandView v = views.get(m.demandId());
      if (v != null) {
        ranked.add(new RankedDemand(m, v, skillNames(v)));
      }
    }
    return new RankedDemands(student, ranked);
  }

  private static boolean mayRead(Caller caller, Profile student) {
    if (caller.isAdmin()) {
      return true;
    }
    if (caller.is(Roles.STUDENT)) {
      // The pseudonymous id is unique only with the institution: a student token names both.
      return student.studentId().equals(caller.subject())
          && student.institutionCode().equals(caller.org());
    }
    return caller.is(Roles.UNIVERSITY) && student.institutionCode().equals(caller.org());
  }

  private static DemandView ownDemand(Caller caller, UUID demandId) {
    DemandView demand = DemandView.findById(demandId);
    boolean own =
        demand != null
            && (caller.isAdmin()
                || (caller.is(Roles.ENTERPRISE)
                    && demand.enterpriseCode != null
                    && demand.enterpriseCode.equals(caller.org())));
    if (!own) {
      throw ProblemException.notFound("demand " + demandId);
    }
    return demand;
  }

  /** Skill key → the name the demand used for it (its first), else the vocabulary's label. */
  private Map<String, String> skillNames(DemandView demand) {
    Map<String, String> names = new LinkedHashMap<>();
    for (DemandView.RequiredSkill s : demand.skills) {
      String key = vocabulary.keyOf(s.name());
      if (key != null) {
        names.putIfAbsent(key, s.name());
      }
    }
    return names;
  }
}
