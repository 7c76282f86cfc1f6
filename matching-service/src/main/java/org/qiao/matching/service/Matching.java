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
import org.qiao.matching.domain.DemandView;
import org.qiao.matching.domain.SkillVocabulary;
import org.qiao.matching.domain.StudentProfile;
import org.qiao.matching.domain.ranking.DemandCriteria;
import org.qiao.matching.domain.ranking.DemandMatch;
import org.qiao.matching.domain.ranking.Diagnosis;
import org.qiao.matching.domain.ranking.Profile;
import org.qiao.matching.domain.ranking.StudentMatch;

/**
 * Ranking and diagnosis use cases, with who may ask: an enterprise for its own demands only, a
 * student for themself, a university for its own students. Anything else is "not found", so ids
 * cannot be probed.
 */
@ApplicationScoped
public class Matching {

  /**
   * A ranked student and their profile (no personal data: pseudonymous), with the status of the
   * latest application between them and the demand (null: none).
   */
  public record RankedStudent(
      StudentMatch match, StudentProfile profile, String applicationStatus) {}

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

  Matching(RankingIndexes indexes, Skills skills, Applications applications) {
    this.indexes = indexes;
    this.vocabulary = skills.vocabulary();
    this.applications = applications;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public RankedStudents topStudents(
      Caller caller, UUID demandId, int limit, Integer graduationYear) {
    DemandView demand = ownDemand(caller, demandId);
    DemandCriteria criteria = demand.criteria(vocabulary, graduationYear);
    List<StudentMatch> top = indexes.profiles().top(criteria, limit);
    Map<String, StudentProfile> rows = new HashMap<>();
    Map<String, String> applied = Map.of();
    if (!top.isEmpty()) {
      List<String> ids = top.stream().map(StudentMatch::studentId).toList();
      StudentProfile.<StudentProfile>list("studentId in ?1", ids)
          .forEach(p -> rows.put(p.studentId, p));
      // One lookup per ranking, by demand: whom the enterprise already invited or who applied.
      applied = applications.statusesOn(demandId, ids);
    }
    List<RankedStudent> ranked = new ArrayList<>();
    for (StudentMatch m : top) {
      // A student forgotten between ranking and here is left out rather than shown half.
      StudentProfile p = rows.get(m.studentId());
      if (p != null) {
        ranked.add(new RankedStudent(m, p, applied.get(m.studentId())));
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
