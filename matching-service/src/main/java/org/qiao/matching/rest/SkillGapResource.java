package org.qiao.matching.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.http.Params;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Caller;
import org.qiao.kit.security.Roles;
import org.qiao.matching.domain.SkillDemand;
import org.qiao.matching.domain.SkillVocabulary;
import org.qiao.matching.service.SkillGaps;
import org.qiao.matching.service.Skills;

@Path("/api/v1/institutions")
@Tag(name = "Skill gaps", description = "What the market asks that an institution does not teach")
@Produces(MediaType.APPLICATION_JSON)
public class SkillGapResource {

  private final SkillGaps gaps;
  private final SkillVocabulary vocabulary;
  private final Caller caller;

  SkillGapResource(SkillGaps gaps, Skills skills, Caller caller) {
    this.gaps = gaps;
    this.vocabulary = skills.vocabulary();
    this.caller = caller;
  }

  @Schema(name = "GapSkill")
  public record GapSkill(
      String code,
      String name,
      @Schema(description = "Open positions × 2 where essential, × 1 where optional")
          long demandWeight) {}

  @Schema(name = "SkillGapReport")
  public record SkillGapResponse(
      String institutionCode,
      @Schema(description = "Null: every major") String majorCode,
      int openDemands,
      int openTrainingOrders,
      int coursePlansInForce,
      @Schema(
              description =
                  "Share of the market's skill weight the plans teach, percent; null without"
                      + " demand")
          Double coveragePercent,
      @Schema(description = "Skills the market asks for that no plan teaches, most demanded first")
          List<GapSkill> missing,
      @Schema(description = "Skills taught that the market asks for, most demanded first")
          List<GapSkill> covered,
      Change change,
      String explanation) {}

  @Schema(
      name = "SkillGapChange",
      description = "Against the plans in force at the start of `since` (same market)")
  public record Change(
      LocalDate since,
      Double coveragePercentThen,
      @Schema(description = "Percentage points gained (negative: lost)") Double coverageChange,
      List<GapSkill> nowTaught,
      List<GapSkill> noLongerTaught) {}

  @GET
  @Path("/{code}/skill-gap")
  @RolesAllowed({Roles.UNIVERSITY, Roles.GOVERNMENT, Roles.ADMIN})
  @Operation(
      operationId = "reportSkillGap",
      summary = "What the market asks that the institution's plans do not teach",
      description =
          "Open demands (weighted by open positions, essential skills twice) and open training"
              + " orders asking this institution, against the skills of its published course plans;"
              + " optionally for one major (demands listing its 4-digit class or no major). With"
              + " `since`, the change against the plan versions then in force. A university for"
              + " itself only.")
  public SkillGapResponse skillGap(
      @PathParam("code") @Size(max = 20) String code,
      @Parameter(
              description = "A major code (6 digits, optional T/K)",
              example = "080901",
              schema = @Schema(type = SchemaType.STRING, maxLength = 7, pattern = "^\\d{6}[TK]?$"))
          @QueryParam("majorCode")
          @Size(max = 7)
          String majorCode,
      @Parameter(
              description = "Compare with the plans in force on this date",
              example = "2026-09-01",
              schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
          @QueryParam("since")
          @Size(max = 10)
          String since,
      @Parameter(
              description = "At most this many skills per list (1–200, default 20)",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
          @QueryParam("limit")
          @Size(max = 3)
          String limit) {
    if (majorCode != null && !majorCode.isBlank() && !majorCode.strip().matches("\\d{6}[TK]?")) {
      throw ProblemException.invalidField(
          "majorCode", "must be 6 digits, optionally followed by T or K");
    }
    int n = java.util.Objects.requireNonNullElse(Params.intValue(limit, "limit", 1, 200), 20);
    SkillGaps.Report r =
        gaps.report(
            caller,
            code,
            majorCode == null || majorCode.isBlank() ? null : majorCode.strip(),
            Params.date(since, "since"));
    SkillDemand market = r.market();
    List<GapSkill> missing = new java.util.ArrayList<>();
    List<GapSkill> covered = new java.util.ArrayList<>();
    for (SkillDemand.Weighted w : market.ranked()) {
      (r.taughtNow().contains(w.key()) ? covered : missing).add(gap(w.key(), w.weight()));
    }
    Change change = null;
    if (r.since() != null) {
      Double then = market.coveragePercent(r.taughtThen());
      Double now = market.coveragePercent(r.taughtNow());
      change =
          new Change(
              r.since(),
              then,
              then == null ? null : Math.round((now - then) * 10) / 10.0,
              difference(r.taughtNow(), r.taughtThen(), market, n),
              difference(r.taughtThen(), r.taughtNow(), market, n));
    }
    return new SkillGapResponse(
        r.institutionCode(),
        r.majorCode(),
        r.openDemands(),
        r.openTrainingOrders(),
        r.plansInForce(),
        market.coveragePercent(r.taughtNow()),
        missing.stream().limit(n).toList(),
        covered.stream().limit(n).toList(),
        change,
        "Coverage = the demand weight of the skills the published plans teach ÷ the demand weight"
            + " of every skill asked for; demand weight = open positions × 2 for an essential"
            + " skill, × 1 for an optional one, over open demands and open training orders.");
  }

  private GapSkill gap(String key, long weight) {
    return new GapSkill(SkillVocabulary.codeOf(key), vocabulary.label(key), weight);
  }

  /** Skills in {@code a} but not {@code b}, most demanded first, then by key. */
  private List<GapSkill> difference(Set<String> a, Set<String> b, SkillDemand market, int limit) {
    Set<String> only = new HashSet<>(a);
    only.removeAll(b);
    return only.stream()
        .map(k -> gap(k, market.weightOf(k)))
        .sorted(
            java.util.Comparator.comparingLong(GapSkill::demandWeight)
                .reversed()
                .thenComparing(g -> g.code() == null ? "~" + g.name() : g.code()))
        .limit(limit)
        .toList();
  }
}
