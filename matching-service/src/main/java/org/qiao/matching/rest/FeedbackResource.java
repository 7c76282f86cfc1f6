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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.http.Params;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Caller;
import org.qiao.kit.security.Roles;
import org.qiao.matching.domain.MarketCell;
import org.qiao.matching.domain.SkillDemand;
import org.qiao.matching.domain.SkillVocabulary;
import org.qiao.matching.service.MarketStatistics;
import org.qiao.matching.service.SkillGaps;
import org.qiao.matching.service.Skills;
import org.qiao.matching.service.TrainingOrderMatching;

@Path("/api/v1")
@Tag(
    name = "Market feedback",
    description = "Training orders to institutions, skill gaps, market statistics")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

  private final TrainingOrderMatching orders;
  private final SkillGaps gaps;
  private final MarketStatistics statistics;
  private final SkillVocabulary vocabulary;
  private final Caller caller;

  FeedbackResource(
      TrainingOrderMatching orders,
      SkillGaps gaps,
      MarketStatistics statistics,
      Skills skills,
      Caller caller) {
    this.orders = orders;
    this.gaps = gaps;
    this.statistics = statistics;
    this.vocabulary = skills.vocabulary();
    this.caller = caller;
  }

  @Schema(name = "OrderSkillCoverage")
  public record SkillCoverageResponse(
      String code,
      String name,
      boolean essential,
      int requiredLevel,
      @Schema(description = "Highest level the plans teach it; 0 = not taught") int taughtLevel) {}

  @Schema(name = "InstitutionPlanRef")
  public record PlanRef(UUID coursePlanId, String title, String majorCode, Integer cohortYear) {}

  @Schema(name = "InstitutionMatch")
  public record InstitutionMatchResponse(
      int rank,
      String institutionCode,
      String institutionName,
      @Schema(
              description =
                  "Share of the order's skill weight (essential 2, optional 1) the plans teach, percent")
          double coveragePercent,
      List<SkillCoverageResponse> skills,
      List<PlanRef> coursePlans,
      @Schema(description = "Consented students the institution has in the ordered majors")
          long studentsInOrderedMajors,
      @Schema(description = "Places these plans already promised to other training orders")
          int contractedCapacity) {}

  @Schema(name = "TrainingOrderMatches")
  public record InstitutionMatches(
      UUID trainingOrderId,
      int headcount,
      int cohortYear,
      List<InstitutionMatchResponse> institutions) {}

  @GET
  @Path("/training-orders/{id}/matches")
  @RolesAllowed({Roles.ENTERPRISE, Roles.ADMIN})
  @Operation(
      operationId = "rankInstitutionsForTrainingOrder",
      summary = "Rank institutions for an own training order",
      description =
          "Institutions with published course plans for an ordered major (and among the target"
              + " universities, if the order names any), by how much of the order's skill weight"
              + " those plans teach, then essential skills taught, then institution code.")
  public InstitutionMatches rankInstitutions(@PathParam("id") @Size(max = 36) String id) {
    TrainingOrderMatching.Ranked r = orders.rank(caller, Params.uuid(id, "id"));
    List<InstitutionMatchResponse> rows = new java.util.ArrayList<>();
    int rank = 1;
    for (TrainingOrderMatching.RankedInstitution i : r.institutions()) {
      rows.add(
          new InstitutionMatchResponse(
              rank++,
              i.institutionCode(),
              i.institutionName(),
              i.coveragePercent(),
              i.skills().stream()
                  .map(
                      c ->
                          new SkillCoverageResponse(
                              SkillVocabulary.codeOf(c.key()),
                              c.name(),
                              c.essential(),
                              c.requiredLevel(),
                              c.taughtLevel()))
                  .toList(),
              i.plans().stream()
                  .map(p -> new PlanRef(p.coursePlanId, p.title, p.majorCode, p.cohortYear))
                  .toList(),
              i.studentsInOrderedMajors(),
              i.contractedCapacity()));
    }
    return new InstitutionMatches(
        r.order().trainingOrderId, r.order().headcount, r.order().cohortYear, rows);
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
                  "Share of the market's skill weight the plans teach, percent; null without demand")
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
  @Path("/institutions/{code}/skill-gap")
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
      @Parameter(description = "A major code (6 digits, optional T/K)", example = "080901")
          @QueryParam("majorCode")
          @Size(max = 7)
          String majorCode,
      @Parameter(
              description = "Compare with the plans in force on this date",
              example = "2026-09-01")
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

  @Schema(name = "MarketCell")
  public record CellResponse(
      @Schema(description = "The major class (4 digits), occupation code or city") String key,
      long openPositions,
      @Schema(description = "Null when suppressed") Long graduates,
      @Schema(description = "Graduates per open position; null when suppressed or no position")
          Double graduatesPerPosition,
      @Schema(description = "Fewer than 5 graduates: counts withheld") boolean suppressed) {
    static CellResponse of(MarketCell c) {
      return new CellResponse(
          c.key(), c.openPositions(), c.graduates(), c.graduatesPerPosition(), c.suppressed());
    }
  }

  @Schema(name = "MarketStatistics")
  public record MarketStatisticsResponse(
      MarketStatistics.Dimension by,
      Integer graduationYear,
      List<CellResponse> cells,
      String explanation) {}

  @GET
  @Path("/market-statistics")
  @RolesAllowed({Roles.GOVERNMENT, Roles.ADMIN})
  @Operation(
      operationId = "getMarketStatistics",
      summary = "Open positions against consented graduates (aggregates only)",
      description =
          "By major class (4 digits), occupation code or city: open positions of open demands,"
              + " consented graduates who could fill them, and their ratio. Cells of fewer than 5"
              + " graduates are suppressed; no person is ever listed.")
  public MarketStatisticsResponse marketStatistics(
      @Parameter(
              description = "MAJOR_CLASS (default), OCCUPATION or CITY",
              schema = @Schema(enumeration = {"MAJOR_CLASS", "OCCUPATION", "CITY"}))
          @QueryParam("by")
          @Size(max = 20)
          String by,
      @Parameter(
              description = "Only graduates of this year (default: every consented student)",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"))
          @QueryParam("graduationYear")
          @Size(max = 4)
          String graduationYear) {
    MarketStatistics.Dimension dimension =
        java.util.Objects.requireNonNullElse(
            Params.enumValue(MarketStatistics.Dimension.class, by, "by"),
            MarketStatistics.Dimension.MAJOR_CLASS);
    Integer year = Params.intValue(graduationYear, "graduationYear", 2000, 2100);
    return new MarketStatisticsResponse(
        dimension,
        year,
        statistics.cells(dimension, year).stream().map(CellResponse::of).toList(),
        "openPositions: headcount not yet filled of open demands; graduates: consented student"
            + " profiles (graduating in graduationYear, if given); cells of 1–4 graduates are"
            + " suppressed.");
  }
}
