package org.qiao.matching.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.http.Params;
import org.qiao.kit.security.Caller;
import org.qiao.kit.security.Roles;
import org.qiao.matching.domain.SkillVocabulary;
import org.qiao.matching.service.TrainingOrderMatching;

@Path("/api/v1/training-orders")
@Tag(
    name = "Training order matches",
    description = "Institutions ranked for a training order (订单式培养)")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingOrderMatchResource {

  private final TrainingOrderMatching orders;
  private final Caller caller;

  TrainingOrderMatchResource(TrainingOrderMatching orders, Caller caller) {
    this.orders = orders;
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
                  "Share of the order's skill weight (essential 2, optional 1) the plans teach,"
                      + " percent")
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
  @Path("/{id}/matches")
  @RolesAllowed({Roles.ENTERPRISE, Roles.ADMIN})
  @Operation(
      operationId = "rankInstitutionsForTrainingOrder",
      summary = "Rank institutions for an own training order",
      description =
          "Institutions with published course plans for an ordered major (and among the target"
              + " universities, if the order names any), by how much of the order's skill weight"
              + " those plans teach, then essential skills taught, then institution code.")
  public InstitutionMatches rankInstitutions(
      @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @PathParam("id")
          @Size(max = 36)
          String id) {
    TrainingOrderMatching.Ranked r = orders.rank(caller, Params.requiredUuid(id, "id"));
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
}
