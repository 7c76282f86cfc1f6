package org.qiao.talentdemand.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.Responses;
import org.qiao.kit.http.Versions;
import org.qiao.kit.security.Roles;
import org.qiao.talentdemand.domain.Enterprise;
import org.qiao.talentdemand.service.EnterpriseService;

@Path("/api/v1/enterprises")
@Tag(name = "Enterprises", description = "Enterprises and their profiles")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EnterpriseResource {

  private final EnterpriseService enterprises;
  private final Idempotency idempotency;

  EnterpriseResource(EnterpriseService enterprises, Idempotency idempotency) {
    this.enterprises = enterprises;
    this.idempotency = idempotency;
  }

  @POST
  @RolesAllowed({Roles.ENTERPRISE, Roles.ADMIN})
  @Operation(
      operationId = "registerEnterprise",
      summary = "Register the caller's enterprise",
      description =
          "The credit code is validated per GB 32100-2015 and must equal the token's org claim;"
              + " one enterprise per code. Event: qiao.enterprise.registered.v1.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names the enterprise",
      content = @Content(schema = @Schema(implementation = EnterpriseResponse.class)))
  public Response register(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull EnterpriseRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/enterprises",
        body,
        () -> {
          Enterprise e = enterprises.register(body.creditCode(), body.profile().toDomain());
          return Responses.created(uri, e.id, EnterpriseResponse.of(e), e.version);
        });
  }

  @GET
  @Path("/mine")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "getMyEnterprise",
      summary = "Read the enterprise the caller acts for",
      description =
          "The enterprise whose credit code is the token's org claim; 404 until it is registered."
              + " The ETag is the version to send as If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The enterprise; ETag is its version",
      content = @Content(schema = @Schema(implementation = EnterpriseResponse.class)))
  public Response mine() {
    Enterprise e = enterprises.mine();
    return Responses.ok(EnterpriseResponse.of(e), e.version);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ENTERPRISE, Roles.ADMIN})
  @Operation(
      operationId = "getEnterprise",
      summary = "Read the caller's enterprise",
      description =
          "Only the enterprise whose credit code is the token's org claim reads it; the ETag is the version to send as If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The enterprise; ETag is its version",
      content = @Content(schema = @Schema(implementation = EnterpriseResponse.class)))
  public Response get(@PathParam("id") UUID id) {
    Enterprise e = enterprises.get(id);
    return Responses.ok(EnterpriseResponse.of(e), e.version);
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ENTERPRISE, Roles.ADMIN})
  @Operation(
      operationId = "updateEnterpriseProfile",
      summary = "Update the caller's enterprise profile",
      description = "Requires If-Match with the current ETag. Event: qiao.enterprise.updated.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The enterprise as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = EnterpriseResponse.class)))
  public Response update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull EnterpriseProfileRequest body) {
    Enterprise e = enterprises.update(id, Versions.required(ifMatch), body.toDomain());
    return Responses.ok(EnterpriseResponse.of(e), e.version);
  }
}
