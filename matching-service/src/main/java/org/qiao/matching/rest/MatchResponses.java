package org.qiao.matching.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.matching.domain.DemandView;
import org.qiao.matching.domain.SkillVocabulary;
import org.qiao.matching.domain.ranking.Diagnosis;
import org.qiao.matching.domain.ranking.Explanation;
import org.qiao.matching.domain.ranking.MajorMatch;
import org.qiao.matching.domain.ranking.MatchScoring;
import org.qiao.matching.domain.ranking.StudentCard;
import org.qiao.matching.service.Matching;

/** The answers of ranking and diagnosis: pseudonymous ids only, every score explained. */
final class MatchResponses {

  private MatchResponses() {}

  @Schema(name = "MatchedSkill", description = "A skill of the demand as the match involves it")
  record SkillRef(
      @Schema(
              description = "Vocabulary code; null for a name the vocabulary does not know",
              example = "IC-VERILOG")
          String code,
      @Schema(description = "The name the demand uses", example = "Verilog") String name,
      @Schema(description = "Both mentors of a completed internship confirmed it (counts more)")
          Boolean verified) {}

  @Schema(name = "MatchExplanation", description = "Why the pair scored what it did")
  record ExplanationResponse(
      @Schema(description = "Essential skills held, verified ones first")
          List<SkillRef> essentialSkillsMatched,
      @Schema(description = "Essential skills the student lacks (each lowers the score)")
          List<SkillRef> essentialSkillsMissing,
      List<SkillRef> optionalSkillsMatched,
      @Schema(description = "SAME_MAJOR (6 digits), SAME_CLASS (4), SAME_DISCIPLINE (2) or NONE")
          MajorMatch majorMatch,
      @Schema(
              description =
                  "Points per part: essential verified 12, held 8; optional verified 3, held 2; major 6/4/2")
          int points,
      int maxPoints) {

    static ExplanationResponse of(
        Explanation e, int maxPoints, Map<String, String> names, SkillVocabulary v) {
      List<SkillRef> essential =
          new java.util.ArrayList<>(refs(e.essentialVerified(), true, names, v));
      essential.addAll(refs(e.essentialHeld(), false, names, v));
      List<SkillRef> optional =
          new java.util.ArrayList<>(refs(e.optionalVerified(), true, names, v));
      optional.addAll(refs(e.optionalHeld(), false, names, v));
      return new ExplanationResponse(
          essential,
          refs(e.essentialMissing(), null, names, v),
          optional,
          e.majorMatch(),
          e.points(),
          maxPoints);
    }

    private static List<SkillRef> refs(
        List<String> keys, Boolean verified, Map<String, String> names, SkillVocabulary v) {
      return keys.stream()
          .map(
              k ->
                  new SkillRef(
                      SkillVocabulary.codeOf(k), names.getOrDefault(k, v.label(k)), verified))
          .toList();
    }
  }

  @Schema(
      name = "StudentMatch",
      description = "A consented student ranked for a demand, under the pseudonymous id")
  record StudentMatchResponse(
      int rank,
      @Schema(example = "sm4k2q7xz3h5n6p2r4t7v3w5y2a") String studentId,
      @Schema(description = "Points as a percentage of the demand's maximum", example = "72.5")
          double score,
      String institutionCode,
      String majorCode,
      String degree,
      int graduationYear,
      Set<String> preferredCities,
      ExplanationResponse explanation,
      @Schema(
              description =
                  "The enterprise already has an application with this student for this demand"
                      + " (its invitation or the student's application, in any status)")
          boolean alreadyInvited,
      @Schema(
              description =
                  "Status of the latest such application (INVITED, APPLIED, ACCEPTED,"
                      + " INTERVIEWING, OFFERED, HIRED, DECLINED, WITHDRAWN, REJECTED, EXPIRED);"
                      + " null: none",
              nullable = true)
          String applicationStatus) {}

  @Schema(name = "DemandMatches", description = "The students best matching a demand, best first")
  record StudentMatches(
      UUID demandId,
      @Schema(description = "The hard constraints applied") Constraints constraints,
      int maxPoints,
      List<StudentMatchResponse> matches) {

    static StudentMatches of(Matching.RankedStudents r, SkillVocabulary v) {
      int max = r.criteria().maxPoints();
      List<StudentMatchResponse> rows = new java.util.ArrayList<>();
      int rank = 1;
      for (Matching.RankedStudent s : r.students()) {
        StudentCard c = s.card();
        rows.add(
            new StudentMatchResponse(
                rank++,
                c.studentId(),
                MatchScoring.percent(s.match().points(), max),
                c.institutionCode(),
                c.majorCode(),
                c.degree().name(),
                c.graduationYear(),
                new java.util.TreeSet<>(c.cities()),
                ExplanationResponse.of(s.match().explanation(), max, r.skillNames(), v),
                s.applicationStatus() != null,
                s.applicationStatus()));
      }
      return new StudentMatches(
          r.demand().demandId,
          Constraints.of(r.demand(), r.criteria().graduationYear()),
          max,
          rows);
    }
  }

  @Schema(
      name = "MatchConstraints",
      description = "Hard constraints: a student failing one is never ranked")
  record Constraints(
      @Schema(description = "Null: any degree") String minimumDegree,
      @Schema(description = "Students preferring this city or no city pass") String city,
      @Schema(description = "Null: any year") Integer graduationYear) {
    static Constraints of(DemandView d, Integer graduationYear) {
      return new Constraints(d.minimumDegree, d.city, graduationYear);
    }
  }

  @Schema(name = "OpenDemandMatch", description = "An open demand ranked for a student")
  record DemandMatchResponse(
      int rank,
      UUID demandId,
      String title,
      String enterpriseName,
      String occupationCode,
      String city,
      @Schema(description = "The demand's hard constraints, all of which the student passes")
          Constraints constraints,
      @Schema(description = "Points as a percentage of this demand's maximum") double score,
      ExplanationResponse explanation) {}

  @Schema(
      name = "StudentDemandMatches",
      description = "The open demands best matching a student, best first")
  record DemandMatches(String studentId, List<DemandMatchResponse> matches) {
    static DemandMatches of(Matching.RankedDemands r, SkillVocabulary v) {
      List<DemandMatchResponse> rows = new java.util.ArrayList<>();
      int rank = 1;
      for (Matching.RankedDemand d : r.demands()) {
        DemandView view = d.demand();
        rows.add(
            new DemandMatchResponse(
                rank++,
                view.demandId,
                view.title,
                view.enterpriseName,
                view.occupationCode,
                view.city,
                Constraints.of(view, null),
                MatchScoring.percent(d.match().points(), d.match().maxPoints()),
                ExplanationResponse.of(
                    d.match().explanation(), d.match().maxPoints(), d.skillNames(), v)));
      }
      return new DemandMatches(r.student().studentId(), rows);
    }
  }

  @Schema(
      name = "DiagnosisRelaxation",
      description = "How many more would qualify if this requirement alone were dropped")
  record RelaxationResponse(
      Diagnosis.Requirement requirement,
      @Schema(description = "The essential skill, for ESSENTIAL_SKILL") SkillRef skill,
      int additionalCandidates) {}

  @Schema(name = "MissingSkill")
  record MissingSkillResponse(SkillRef skill, int nearMisses) {}

  @Schema(name = "Diagnosis", description = "招聘诊断: exact counts over the consented students")
  record DiagnosisResponse(
      UUID demandId,
      Constraints constraints,
      @Schema(description = "Students passing degree, city and graduation year")
          int passingHardConstraints,
      @Schema(description = "Of those, holding every essential skill") int withAllEssentialSkills,
      @Schema(
              description =
                  "Of those, with a major in the same 4-digit class as a listed one (all, if none is listed)")
          int qualified,
      List<RelaxationResponse> relaxations,
      @Schema(
              description =
                  "Essential skills most often missing among near-misses: students meeting every other requirement but lacking one or two essential skills")
          List<MissingSkillResponse> missingAmongNearMisses,
      @Schema(description = "How to read the numbers") String explanation) {

    static DiagnosisResponse of(Matching.Diagnosed d, SkillVocabulary v) {
      Diagnosis g = d.diagnosis();
      java.util.function.Function<String, SkillRef> ref =
          k ->
              k == null
                  ? null
                  : new SkillRef(
                      SkillVocabulary.codeOf(k), d.skillNames().getOrDefault(k, v.label(k)), null);
      String text =
          g.passingHardConstraints()
              + " consented students pass the hard constraints, "
              + g.withAllEssentialSkills()
              + " of them hold every essential skill and "
              + g.qualified()
              + " also have a fitting major. Each relaxation says how many more would qualify if"
              + " that requirement alone were dropped.";
      return new DiagnosisResponse(
          d.demand().demandId,
          Constraints.of(d.demand(), d.criteria().graduationYear()),
          g.passingHardConstraints(),
          g.withAllEssentialSkills(),
          g.qualified(),
          g.relaxations().stream()
              .map(
                  r ->
                      new RelaxationResponse(
                          r.requirement(), ref.apply(r.skill()), r.additionalCandidates()))
              .toList(),
          g.missingAmongNearMisses().stream()
              .map(m -> new MissingSkillResponse(ref.apply(m.skill()), m.nearMisses()))
              .toList(),
          text);
    }
  }
}
