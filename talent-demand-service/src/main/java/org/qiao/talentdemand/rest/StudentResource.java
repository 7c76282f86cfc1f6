package org.qiao.talentdemand.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.PageRequest;
import org.qiao.kit.http.Params;
import org.qiao.kit.security.Roles;
import org.qiao.talentdemand.domain.ApplicationStatus;
import org.qiao.talentdemand.domain.StudentBlock;
import org.qiao.talentdemand.service.ApplicationService;

/** What a student (the token's sub, a pseudonymous id) does on their own here. */
@Path("/api/v1/students/me")
@Tag(name = "Applications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StudentResource {

  private final ApplicationService applications;
  private final Idempotency idempotency;

  StudentResource(ApplicationService applications, Idempotency idempotency) {
    this.applications = applications;
    this.idempotency = idempotency;
  }

  @Schema(name = "BlockRequest")
  public record BlockRequest(@NotNull UUID enterpriseId) {}

  @Schema(name = "Block", description = "A student's block of one enterprise")
  public record BlockResponse(UUID enterpriseId, Instant blockedAt) {
    static BlockResponse of(StudentBlock b) {
      return new BlockResponse(b.enterpriseId, b.blockedAt);
    }
  }

  @GET
  @Path("/applications")
  @RolesAllowed(Roles.STUDENT)
  @Operation(
      operationId = "listMyApplications",
      summary = "The calling student's invitations and applications",
      description = "Newest first; next page in the Link header.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = ApplicationResponse[].class)))
  public Response applications(
      @Parameter(schema = @Schema(implementation = ApplicationStatus.class)) @QueryParam("status")
          String status,
      @BeanParam PageRequest page,
      UriInfo uri) {
    return applications
        .ofStudent(
            Params.enumValue(ApplicationStatus.class, status, "status"),
            page.cursor(),
            page.limit())
        .map(ApplicationResponse::of)
        .toResponse(uri);
  }

  @POST
  @Path("/blocked-enterprises")
  @RolesAllowed(Roles.STUDENT)
  @Operation(
      operationId = "blockEnterprise",
      summary = "Block an enterprise",
      description =
          "The enterprise can no longer invite the calling student (its invitations answer 404"
              + " like an unknown student's), and its unanswered invitations are declined (events:"
              + " qiao.application.declined.v1). Blocking again changes nothing.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = BlockResponse.class)))
  public Response block(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull BlockRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/students/me/blocked-enterprises",
        body,
        () -> {
          StudentBlock b = applications.block(body.enterpriseId());
          return Response.created(
                  uri.getAbsolutePathBuilder().path(b.enterpriseId.toString()).build())
              .entity(BlockResponse.of(b))
              .build();
        });
  }

  @GET
  @Path("/blocked-enterprises")
  @RolesAllowed(Roles.STUDENT)
  @Operation(
      operationId = "listMyBlocks",
      summary = "The enterprises the calling student blocked",
      description = "Newest first; next page in the Link header.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = BlockResponse[].class)))
  public Response blocks(@BeanParam PageRequest page, UriInfo uri) {
    return applications.blocks(page.cursor(), page.limit()).map(BlockResponse::of).toResponse(uri);
  }

  @GET
  @Path("/blocked-enterprises/{enterpriseId}")
  @RolesAllowed(Roles.STUDENT)
  @Operation(
      operationId = "getMyBlock",
      summary = "The calling student's block of an enterprise",
      description = "404 when the calling student has not blocked it.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = BlockResponse.class)))
  public BlockResponse block(@PathParam("enterpriseId") UUID enterpriseId) {
    return BlockResponse.of(applications.blockOf(enterpriseId));
  }

  @DELETE
  @Path("/blocked-enterprises/{enterpriseId}")
  @RolesAllowed(Roles.STUDENT)
  @Operation(
      operationId = "unblockEnterprise",
      summary = "Lift a block",
      description = "The enterprise may invite the calling student again.")
  @APIResponse(responseCode = "204", description = "Lifted")
  public Response unblock(@PathParam("enterpriseId") UUID enterpriseId) {
    applications.unblock(enterpriseId);
    return Response.noContent().build();
  }
}
