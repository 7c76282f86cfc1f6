package org.qiao.matching.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
import org.qiao.matching.service.DemandViews;
import org.qiao.matching.service.Matching;
import org.qiao.matching.service.Skills;

@Path("/api/v1/demands")
@Tag(
    name = "Published demands",
    description = "Demands as matching sees them, their ranked students and diagnosis")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DemandViewResource {

  private final DemandViews views;
  private final Matching matching;
  private final SkillVocabulary vocabulary;
  private final Caller caller;

  DemandViewResource(DemandViews views, Matching matching, Skills skills, Caller caller) {
    this.views = views;
    this.matching = matching;
    this.vocabulary = skills.vocabulary();
    this.caller = caller;
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getPublishedDemand",
      summary = "Read a published demand (any authenticated role)",
      description =
          "The demand as matching-service learned it from talent-demand-service's events"
              + " (eventually consistent); drafts never appear here.")
  public DemandViewResponse get(@PathParam("id") UUID id) {
    return DemandViewResponse.of(views.get(id));
  }

  @GET
  @Path("/{id}/matches")
  @RolesAllowed({Roles.ENTERPRISE, Roles.ADMIN})
  @Operation(
      operationId = "rankStudentsForDemand",
      summary = "Rank consented students for an own demand",
      description =
          "The students passing the demand's hard constraints (minimum degree, city, graduation"
              + " year if given) with the most points, best first; ties by pseudonymous id."
              + " Each match explains its points. Only the enterprise that owns the demand.")
  public MatchResponses.StudentMatches rankStudents(
      @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @PathParam("id")
          @Size(max = 36)
          String id,
      @Parameter(
              description = "At most this many (1–100, default 10)",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
          @QueryParam("limit")
          @Size(max = 3)
          String limit,
      @Parameter(
              description = "Only students graduating in this year",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"))
          @QueryParam("graduationYear")
          @Size(max = 4)
          String graduationYear) {
    Integer n = Params.intValue(limit, "limit", 1, 100);
    return MatchResponses.StudentMatches.of(
        matching.topStudents(
            caller,
            Params.requiredUuid(id, "id"),
            n == null ? 10 : n,
            Params.intValue(graduationYear, "graduationYear", 2000, 2100)),
        vocabulary);
  }

  @GET
  @Path("/{id}/diagnosis")
  @RolesAllowed({Roles.ENTERPRISE, Roles.ADMIN})
  @Operation(
      operationId = "diagnoseDemand",
      summary = "Diagnose why an own demand finds few candidates (招聘诊断)",
      description =
          "Exact counts: students passing the hard constraints, those holding every essential"
              + " skill, those also with a fitting major; per requirement how many more relaxing it"
              + " alone would yield; the essential skills near-misses lack most.")
  public MatchResponses.DiagnosisResponse diagnose(
      @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @PathParam("id")
          @Size(max = 36)
          String id,
      @Parameter(
              description = "Only students graduating in this year",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"))
          @QueryParam("graduationYear")
          @Size(max = 4)
          String graduationYear) {
    return MatchResponses.DiagnosisResponse.of(
        matching.diagnose(
            caller,
            Params.requiredUuid(id, "id"),
            Params.intValue(graduationYear, "graduationYear", 2000, 2100)),
        vocabulary);
  }
}
