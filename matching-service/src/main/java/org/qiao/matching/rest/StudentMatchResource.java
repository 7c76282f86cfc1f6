package org.qiao.matching.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.http.Params;
import org.qiao.kit.security.Caller;
import org.qiao.kit.security.Roles;
import org.qiao.matching.domain.SkillVocabulary;
import org.qiao.matching.service.Matching;
import org.qiao.matching.service.Skills;

@Path("/api/v1/students")
@Tag(name = "Student matches", description = "Open demands ranked and explained for a student")
@Produces(MediaType.APPLICATION_JSON)
public class StudentMatchResource {

  private final Matching matching;
  private final SkillVocabulary vocabulary;
  private final Caller caller;

  StudentMatchResource(Matching matching, Skills skills, Caller caller) {
    this.matching = matching;
    this.vocabulary = skills.vocabulary();
    this.caller = caller;
  }

  @GET
  @Path("/{studentId}/matches")
  @RolesAllowed({Roles.STUDENT, Roles.UNIVERSITY, Roles.ADMIN})
  @Operation(
      operationId = "rankDemandsForStudent",
      summary = "Rank open demands for a student",
      description =
          "The open demands whose hard constraints the student passes, best first by the share of"
              + " each demand's maximum points. A student for themself (token sub), a university"
              + " for its own students.")
  public MatchResponses.DemandMatches rankDemands(
      @PathParam("studentId") @Size(max = 40) String studentId,
      @Parameter(
              description = "At most this many (1–50, default 10)",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50"))
          @QueryParam("limit")
          @Size(max = 3)
          String limit) {
    Integer n = Params.intValue(limit, "limit", 1, 50);
    return MatchResponses.DemandMatches.of(
        matching.topDemands(caller, studentId, n == null ? 10 : n), vocabulary);
  }
}
