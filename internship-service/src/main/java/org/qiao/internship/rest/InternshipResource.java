package org.qiao.internship.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.internship.domain.Internship;
import org.qiao.internship.domain.InternshipStatus;
import org.qiao.internship.service.InternshipService;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.PageRequest;
import org.qiao.kit.http.Params;
import org.qiao.kit.http.Responses;
import org.qiao.kit.http.Versions;
import org.qiao.kit.security.Roles;

@Path("/api/v1/internships")
@Tag(
    name = "Internships",
    description = "Dual-mentor internships and apprenticeships from proposal to evaluation")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InternshipResource {

  private final InternshipService internships;
  private final Idempotency idempotency;

  InternshipResource(InternshipService internships, Idempotency idempotency) {
    this.internships = internships;
    this.idempotency = idempotency;
  }

  @POST
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY})
  @Operation(
      operationId = "proposeInternship",
      summary = "Propose an internship",
      description =
          "By the enterprise or the institution (accepted by the proposer): a known student of the"
              + " institution, one mentor from each side with a free place (else 409), dates,"
              + " place and a plan of goals. Event: qiao.internship.proposed.v1.")
  @APIResponse(
      responseCode = "201",
      description = "Proposed; Location names the internship",
      content = @Content(schema = @Schema(implementation = InternshipResponse.class)))
  public Response propose(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull InternshipRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/internships",
        body,
        () -> {
          Internship i = internships.propose(body.terms());
          return Responses.created(uri, i.id, InternshipResponse.of(i), i.version);
        });
  }

  @GET
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY, Roles.MENTOR, Roles.STUDENT})
  @Operation(
      operationId = "listInternships",
      summary = "The internships the caller takes part in",
      description =
          "The institution's, the enterprise's, those a mentor mentors, or a student's own; newest"
              + " first, next page in the Link header.")
  @APIResponse(
      responseCode = "200",
      description = "A page of internships",
      content = @Content(schema = @Schema(implementation = InternshipResponse[].class)))
  public Response list(
      @Parameter(schema = @Schema(implementation = InternshipStatus.class)) @QueryParam("status")
          String status,
      @BeanParam PageRequest page,
      UriInfo uri) {
    return internships
        .list(
            Params.enumValue(InternshipStatus.class, status, "status"), page.cursor(), page.limit())
        .map(InternshipResponse::of)
        .toResponse(uri);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY, Roles.MENTOR, Roles.STUDENT})
  @Operation(
      operationId = "getInternship",
      summary = "Read an internship",
      description = "Only its parties and its student read it; the ETag is its version.")
  @APIResponse(
      responseCode = "200",
      description = "The internship",
      content = @Content(schema = @Schema(implementation = InternshipResponse.class)))
  public Response get(@PathParam("id") UUID id) {
    return ok(internships.get(id));
  }

  @POST
  @Path("/{id}/acceptances")
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY, Roles.MENTOR})
  @Operation(
      operationId = "acceptInternship",
      summary = "Accept a proposed internship",
      description =
          "By the institution, the enterprise or either mentor, once each; the fourth acceptance"
              + " confirms it (event qiao.internship.confirmed.v1). Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The internship with the acceptance",
      content = @Content(schema = @Schema(implementation = InternshipResponse.class)))
  public Response accept(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return ok(internships.accept(id, Versions.required(ifMatch)));
  }

  @POST
  @Path("/{id}/commencement")
  @RolesAllowed({Roles.ENTERPRISE, Roles.MENTOR})
  @Operation(
      operationId = "startInternship",
      summary = "Start a confirmed internship",
      description =
          "By the enterprise or its mentor. Event: qiao.internship.started.v1. Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The internship, active",
      content = @Content(schema = @Schema(implementation = InternshipResponse.class)))
  public Response start(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return ok(internships.start(id, Versions.required(ifMatch)));
  }

  @POST
  @Path("/{id}/evaluations")
  @RolesAllowed(Roles.MENTOR)
  @Operation(
      operationId = "evaluateInternship",
      summary = "Submit the calling mentor's evaluation",
      description =
          "While active: a rating 1–5 with evidence for every planned skill; replaces the mentor's"
              + " earlier evaluation. Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The internship with the evaluation",
      content = @Content(schema = @Schema(implementation = InternshipResponse.class)))
  public Response evaluate(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull EvaluationRequest body) {
    return ok(internships.evaluate(id, Versions.required(ifMatch), body.toRatings()));
  }

  @POST
  @Path("/{id}/completion")
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "completeInternship",
      summary = "Complete an active internship",
      description =
          "By the institution, once both mentors evaluated it; skills both rated at least 3 become"
              + " mentor-verified. Event: qiao.internship.completed.v1 (with the verified skills and"
              + " both ratings). Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The internship, completed",
      content = @Content(schema = @Schema(implementation = InternshipResponse.class)))
  public Response complete(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return ok(internships.complete(id, Versions.required(ifMatch)));
  }

  @POST
  @Path("/{id}/termination")
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY})
  @Operation(
      operationId = "terminateInternship",
      summary = "End an internship early",
      description =
          "By the institution or the enterprise, while proposed, confirmed or active, with a reason"
              + " code. Event: qiao.internship.terminated.v1. Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The internship, terminated",
      content = @Content(schema = @Schema(implementation = InternshipResponse.class)))
  public Response terminate(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull TerminationRequest body) {
    return ok(internships.terminate(id, Versions.required(ifMatch), body.reason()));
  }

  private static Response ok(Internship i) {
    return Responses.ok(InternshipResponse.of(i), i.version);
  }
}
