package org.qiao.talentdemand.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.PageRequest;
import org.qiao.kit.http.Params;
import org.qiao.kit.http.Responses;
import org.qiao.kit.http.Versions;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Roles;
import org.qiao.talentdemand.domain.Application;
import org.qiao.talentdemand.domain.ApplicationStatus;
import org.qiao.talentdemand.domain.Demand;
import org.qiao.talentdemand.domain.DemandStatus;
import org.qiao.talentdemand.service.ApplicationService;
import org.qiao.talentdemand.service.DemandService;

@Path("/api/v1/demands")
@Tag(name = "Demands", description = "Talent demand lists (人才需求清单)")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DemandResource {

  private final DemandService demands;
  private final ApplicationService applications;
  private final Idempotency idempotency;
  private final JobPostingResource jobPostings;

  DemandResource(
      DemandService demands,
      ApplicationService applications,
      Idempotency idempotency,
      JobPostingResource jobPostings) {
    this.demands = demands;
    this.applications = applications;
    this.idempotency = idempotency;
    this.jobPostings = jobPostings;
  }

  /** Whom an enterprise invites: a student's pseudonymous id (from a ranking, or given). */
  @Schema(name = "InvitationRequest")
  public record InvitationRequest(
      @Schema(example = "sm4k2q7xz3h5n6p2r4t7v3w5y2a")
          @NotNull
          @Size(max = 27)
          @Pattern(regexp = "s[a-z2-7]{26}", message = "must be a pseudonymous id")
          String studentId) {}

  /** Hires to count against a demand's headcount. */
  @Schema(name = "Hires")
  public record HiresRequest(@Schema(example = "1") @NotNull @Min(1) @Max(10_000) Integer count) {}

  @POST
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "createDemand",
      summary = "Create a demand",
      description =
          "Creates a demand of the caller's (registered) enterprise and publishes it, unless"
              + " publish is false (a private draft). Events: qiao.demand.published.v1 or"
              + " qiao.demand.drafted.v1.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the new demand",
      content = @Content(schema = @Schema(implementation = DemandResponse.class)))
  public Response create(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull DemandRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/demands",
        body,
        () -> {
          Demand d = demands.create(body.toDomain(), body.publishNow());
          return Responses.created(uri, d.id, DemandResponse.of(d), d.version);
        });
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "searchDemands",
      summary = "Search demands",
      description =
          "Newest first; every filter optional. Drafts appear only to their own enterprise. The"
              + " next page is in the Link header (rel=next).")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = DemandResponse[].class)))
  public Response search(
      @Parameter(schema = @Schema(implementation = DemandStatus.class)) @QueryParam("status")
          String status,
      @Parameter(description = "职业分类大典 code", example = "2-02-10-03")
          @QueryParam("occupationCode")
          @Size(max = 10)
          @Pattern(regexp = "[1-8]-\\d{2}-\\d{2}-\\d{2}", message = "must look like 2-02-10-03")
          String occupationCode,
      @Parameter(example = "080704")
          @QueryParam("majorCode")
          @Size(max = 7)
          @Pattern(regexp = "\\d{6}[TK]?", message = "must be 6 digits with optional T or K")
          String majorCode,
      @Parameter(description = "Skill name, case-insensitive") @QueryParam("skill") @Size(max = 100)
          String skill,
      @QueryParam("city") @Size(max = 50) String city,
      @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @QueryParam("enterpriseId")
          String enterpriseId,
      @BeanParam PageRequest page,
      UriInfo uri) {
    var filter =
        new DemandService.Filter(
            Params.enumValue(DemandStatus.class, status, "status"),
            occupationCode,
            majorCode,
            skill,
            city,
            Params.uuid(enterpriseId, "enterpriseId"));
    return demands
        .search(filter, page.cursor(), page.limit())
        .map(DemandResponse::of)
        .toResponse(uri);
  }

  @GET
  @Path("/{id}")
  @Authenticated
  @Produces({MediaType.APPLICATION_JSON, JobPostingResource.LD_JSON})
  @Operation(
      operationId = "getDemand",
      summary = "Read a demand (a draft only by its own enterprise)",
      description =
          "Any authenticated role reads a published, filled, closed or expired demand; a draft only"
              + " its own enterprise. The ETag is the version to send as If-Match. With Accept:"
              + " application/ld+json, an open demand as a schema.org JobPosting (410 once it has"
              + " ended, 404 while a draft).")
  @APIResponse(
      responseCode = "200",
      description = "The demand; ETag is its version",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DemandResponse.class)),
        @Content(
            mediaType = JobPostingResource.LD_JSON,
            schema = @Schema(implementation = JobPosting.class))
      })
  @APIResponse(responseCode = "410", description = "As a JobPosting: the demand has ended")
  public Response get(@PathParam("id") UUID id, HttpHeaders headers, UriInfo uri) {
    // Two representations of one URL: caches must key on Accept.
    if (JobPostingResource.wantsJsonLd(headers)) {
      return Response.ok(jobPostings.of(id, uri), JobPostingResource.LD_JSON)
          .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
          .build();
    }
    Demand d = demands.get(id);
    return Response.fromResponse(Responses.ok(DemandResponse.of(d), d.version))
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "reviseDemand",
      summary = "Revise a draft or published demand",
      description = "Requires If-Match. Event: qiao.demand.revised.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The demand as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = DemandResponse.class)))
  public Response revise(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull DemandRequest body) {
    if (body.publish() != null) {
      throw ProblemException.invalidField(
          "publish", "is not part of an update; POST /api/v1/demands/{id}/publication publishes");
    }
    Demand d = demands.revise(id, Versions.required(ifMatch), body.toDomain());
    return Responses.ok(DemandResponse.of(d), d.version);
  }

  @POST
  @Path("/{id}/publication")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "publishDemand",
      summary = "Publish a draft",
      description = "Event: qiao.demand.published.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The demand as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = DemandResponse.class)))
  public Response publish(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    Demand d = demands.publish(id, Versions.required(ifMatch));
    return Responses.ok(DemandResponse.of(d), d.version);
  }

  @POST
  @Path("/{id}/hires")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "recordDemandHires",
      summary = "Count hires against the headcount",
      description =
          "Reaching the headcount fills the demand. Events: qiao.demand.hires-recorded.v1 or"
              + " qiao.demand.filled.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The demand as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = DemandResponse.class)))
  public Response recordHires(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull HiresRequest body) {
    Demand d = demands.recordHires(id, body.count(), Versions.required(ifMatch));
    return Responses.ok(DemandResponse.of(d), d.version);
  }

  @POST
  @Path("/{id}/closure")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "closeDemand",
      summary = "Close a draft or published demand",
      description = "Event: qiao.demand.closed.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The demand as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = DemandResponse.class)))
  public Response close(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    Demand d = demands.close(id, Versions.required(ifMatch));
    return Responses.ok(DemandResponse.of(d), d.version);
  }

  @POST
  @Path("/{id}/invitations")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "inviteStudent",
      summary = "Invite a student to the caller's published demand",
      description =
          "404 alike for a demand not the caller's and for a student who is unknown, has not"
              + " consented, was forgotten or has blocked the enterprise, so ids cannot be probed."
              + " 409 when the student declined an invitation to this demand before, already has"
              + " an open application to it, or the demand has its most unanswered invitations"
              + " (10 per person of its headcount by default). The student answers within the"
              + " configured days (14 by default), or it expires. Event:"
              + " qiao.application.invited.v1.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
  public Response invite(
      @PathParam("id") UUID id,
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull InvitationRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/demands/" + id + "/invitations",
        body,
        () -> {
          Application a = applications.invite(id, body.studentId());
          return Response.created(
                  uri.getBaseUriBuilder().path("api/v1/applications").path(a.id.toString()).build())
              .entity(ApplicationResponse.of(a))
              .tag(Versions.etag(a.version))
              .build();
        });
  }

  @GET
  @Path("/{id}/applications")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "listDemandApplications",
      summary = "Invitations and applications of the caller's demand",
      description = "Newest first; next page in the Link header.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = ApplicationResponse[].class)))
  public Response applications(
      @PathParam("id") UUID id,
      @Parameter(schema = @Schema(implementation = ApplicationStatus.class)) @QueryParam("status")
          String status,
      @BeanParam PageRequest page,
      UriInfo uri) {
    return applications
        .ofDemand(
            id,
            Params.enumValue(ApplicationStatus.class, status, "status"),
            page.cursor(),
            page.limit())
        .map(ApplicationResponse::of)
        .toResponse(uri);
  }
}
