package org.qiao.curriculum.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.curriculum.domain.CoursePlan;
import org.qiao.curriculum.domain.CoursePlanStatus;
import org.qiao.curriculum.domain.PlanKind;
import org.qiao.curriculum.service.CoursePlanService;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.PageRequest;
import org.qiao.kit.http.Params;
import org.qiao.kit.http.Responses;
import org.qiao.kit.http.Versions;
import org.qiao.kit.security.Roles;

@Path("/api/v1/course-plans")
@Tag(name = "Course plans", description = "Course plans (培养方案) and programmes, versioned")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CoursePlanResource {

  private final CoursePlanService plans;
  private final Idempotency idempotency;

  CoursePlanResource(CoursePlanService plans, Idempotency idempotency) {
    this.plans = plans;
    this.idempotency = idempotency;
  }

  @POST
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "draftCoursePlan",
      summary = "Draft a course plan or programme",
      description =
          "A new draft, visible only to the institution until it is published. Programmes (kind"
              + " PROGRAMME) are a TRAINING_PROVIDER's.")
  @APIResponse(
      responseCode = "201",
      description = "Drafted; Location names the plan",
      content = @Content(schema = @Schema(implementation = CoursePlanResponse.class)))
  public Response draft(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull CoursePlanRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/course-plans",
        body,
        () -> {
          CoursePlan p = plans.draft(body.toDomain());
          return Responses.created(uri, p.id, response(p), p.version);
        });
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "listCoursePlans",
      summary = "List course plans",
      description =
          "An institution sees its own (drafts too); enterprises, government and admin see"
              + " published versions of all. Newest first; next page in the Link header.")
  @APIResponse(
      responseCode = "200",
      description = "A page of course plans",
      content = @Content(schema = @Schema(implementation = CoursePlanResponse[].class)))
  public Response list(
      @Parameter(schema = @Schema(implementation = CoursePlanStatus.class)) @QueryParam("status")
          String status,
      @Parameter(schema = @Schema(implementation = PlanKind.class)) @QueryParam("kind") String kind,
      @Parameter(example = "080710T")
          @QueryParam("majorCode")
          @Size(max = 7)
          @Pattern(regexp = "\\d{6}[TK]?", message = "must be 6 digits with optional T or K")
          String majorCode,
      @BeanParam PageRequest page,
      UriInfo uri) {
    return plans
        .list(
            Params.enumValue(CoursePlanStatus.class, status, "status"),
            Params.enumValue(PlanKind.class, kind, "kind"),
            majorCode,
            page.cursor(),
            page.limit())
        .map(this::response)
        .toResponse(uri);
  }

  @GET
  @Path("/{id}")
  @Authenticated
  @Operation(
      operationId = "getCoursePlan",
      summary = "Read a course plan",
      description =
          "Its institution reads every version and draft; enterprises, government and admin read"
              + " published versions; others get 404.")
  @APIResponse(
      responseCode = "200",
      description = "The course plan; ETag is its version",
      content = @Content(schema = @Schema(implementation = CoursePlanResponse.class)))
  public Response get(@PathParam("id") UUID id) {
    CoursePlan p = plans.get(id);
    return Responses.ok(response(p), p.version);
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "editCoursePlan",
      summary = "Edit a draft",
      description =
          "Only drafts are edited; a published plan is revised into a new draft. Requires"
              + " If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The draft as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = CoursePlanResponse.class)))
  public Response edit(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull CoursePlanRequest body) {
    CoursePlan p = plans.edit(id, Versions.required(ifMatch), body::toDomain);
    return Responses.ok(response(p), p.version);
  }

  @POST
  @Path("/{id}/publication")
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "publishCoursePlan",
      summary = "Publish a draft as the next version",
      description =
          "The draft becomes version n+1 of its line (for a major: the institution, major and"
              + " cohort) and supersedes the published version. Events:"
              + " qiao.course-plan.superseded.v1 (the old), qiao.course-plan.published.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The plan as published; ETag is its new version",
      content = @Content(schema = @Schema(implementation = CoursePlanResponse.class)))
  public Response publish(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    CoursePlan p = plans.publish(id, Versions.required(ifMatch));
    return Responses.ok(response(p), p.version);
  }

  @POST
  @Path("/{id}/retirement")
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "retireCoursePlan",
      summary = "Retire a published plan",
      description = "It stays readable. Event: qiao.course-plan.retired.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The plan as retired; ETag is its new version",
      content = @Content(schema = @Schema(implementation = CoursePlanResponse.class)))
  public Response retire(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    CoursePlan p = plans.retire(id, Versions.required(ifMatch));
    return Responses.ok(response(p), p.version);
  }

  @POST
  @Path("/{id}/revisions")
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "reviseCoursePlan",
      summary = "Start a new version from a published one",
      description = "A new draft in the same line with the plan's content, to edit and publish.")
  @APIResponse(
      responseCode = "201",
      description = "The new draft; Location names it",
      content = @Content(schema = @Schema(implementation = CoursePlanResponse.class)))
  public Response revise(
      @PathParam("id") UUID id,
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/course-plans/" + id + "/revisions",
        id.toString(),
        () -> {
          CoursePlan p = plans.revise(id);
          return Response.created(
                  uri.getBaseUriBuilder().path("api/v1/course-plans/{id}").build(p.id))
              .entity(response(p))
              .tag(Versions.etag(p.version))
              .build();
        });
  }

  @GET
  @Path("/{id}/versions")
  @Authenticated
  @Operation(
      operationId = "listCoursePlanVersions",
      summary = "Every published version of the plan",
      description = "Oldest first; superseded and retired versions included.")
  public List<CoursePlanResponse> versions(@PathParam("id") UUID id) {
    return plans.versions(id).stream().map(this::response).toList();
  }

  @GET
  @Path("/{id}/changes")
  @Authenticated
  @Operation(
      operationId = "getCoursePlanChanges",
      summary = "What changed since an earlier version",
      description =
          "Per course: skills added, removed or taught at another level, and courses added or"
              + " removed, from version `since` of the line to this plan's version.")
  public PlanChangesResponse changes(
      @PathParam("id") UUID id,
      @Parameter(required = true, example = "1", description = "An earlier version number")
          @QueryParam("since")
          @NotNull
          @Size(max = 6)
          @Pattern(regexp = "\\d{1,6}", message = "must be a version number")
          String since) {
    return PlanChangesResponse.of(plans.changes(id, Params.intValue(since, "since", 1, 100_000)));
  }

  private CoursePlanResponse response(CoursePlan p) {
    return CoursePlanResponse.of(p, plans.ownerOf(p));
  }
}
