package org.qiao.curriculum.rest;

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
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.service.InstitutionService;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.Responses;
import org.qiao.kit.http.Versions;
import org.qiao.kit.security.Roles;

@Path("/api/v1/institutions")
@Tag(name = "Institutions", description = "Universities, vocational colleges, training providers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InstitutionResource {

  private final InstitutionService institutions;
  private final Idempotency idempotency;

  InstitutionResource(InstitutionService institutions, Idempotency idempotency) {
    this.institutions = institutions;
    this.idempotency = idempotency;
  }

  @POST
  @RolesAllowed({Roles.UNIVERSITY, Roles.ADMIN})
  @Operation(
      operationId = "registerInstitution",
      summary = "Register the caller's institution",
      description =
          "The 学校标识码 is format-checked (41/42, a provincial division code, 0, the school code);"
              + " a TRAINING_PROVIDER may register by credit code instead (GB 32100-2015). The code"
              + " must equal the token's org claim; one institution per code. Event:"
              + " qiao.institution.registered.v1.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names the institution",
      content = @Content(schema = @Schema(implementation = InstitutionResponse.class)))
  public Response register(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull InstitutionRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/institutions",
        body,
        () -> {
          Institution i =
              institutions.register(
                  body.institutionCode(), body.creditCode(), body.profile().toDomain());
          return Responses.created(uri, i.id, InstitutionResponse.of(i), i.version);
        });
  }

  @GET
  @Path("/mine")
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "getMyInstitution",
      summary = "Read the institution the caller acts for",
      description =
          "The institution whose code is the token's org claim; 404 until it is registered.")
  @APIResponse(
      responseCode = "200",
      description = "The institution; ETag is its version",
      content = @Content(schema = @Schema(implementation = InstitutionResponse.class)))
  public Response mine() {
    Institution i = institutions.mine();
    return Responses.ok(InstitutionResponse.of(i), i.version);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.UNIVERSITY, Roles.ADMIN})
  @Operation(
      operationId = "getInstitution",
      summary = "Read the caller's institution",
      description = "Only the institution whose code is the token's org claim reads it.")
  @APIResponse(
      responseCode = "200",
      description = "The institution; ETag is its version",
      content = @Content(schema = @Schema(implementation = InstitutionResponse.class)))
  public Response get(@PathParam("id") UUID id) {
    Institution i = institutions.get(id);
    return Responses.ok(InstitutionResponse.of(i), i.version);
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.UNIVERSITY, Roles.ADMIN})
  @Operation(
      operationId = "updateInstitution",
      summary = "Update the caller's institution",
      description =
          "Name, kind and city; the code never changes. Requires If-Match. Event:"
              + " qiao.institution.updated.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The institution as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = InstitutionResponse.class)))
  public Response update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull InstitutionProfileRequest body) {
    Institution i = institutions.update(id, Versions.required(ifMatch), body.toDomain());
    return Responses.ok(InstitutionResponse.of(i), i.version);
  }
}
