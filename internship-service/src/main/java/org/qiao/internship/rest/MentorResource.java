package org.qiao.internship.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import org.qiao.internship.domain.Mentor;
import org.qiao.internship.service.MentorService;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.PageRequest;
import org.qiao.kit.http.Responses;
import org.qiao.kit.http.Versions;
import org.qiao.kit.security.Roles;

@Path("/api/v1/mentors")
@Tag(name = "Mentors", description = "An organisation's mentors and their capacity")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MentorResource {

  private final MentorService mentors;
  private final Idempotency idempotency;

  MentorResource(MentorService mentors, Idempotency idempotency) {
    this.mentors = mentors;
    this.idempotency = idempotency;
  }

  @POST
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY})
  @Operation(
      operationId = "registerMentor",
      summary = "Register a mentor of the caller's organisation",
      description =
          "An enterprise's master mentor or an institution's teacher. The mentor then acts with"
              + " role mentor, org = the organisation and sub = the mentor's id.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names the mentor",
      content = @Content(schema = @Schema(implementation = MentorResponse.class)))
  public Response register(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull MentorRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/mentors",
        body,
        () -> {
          Mentor m = mentors.register(body.profile());
          return Responses.created(uri, m.id, MentorResponse.of(m), m.version);
        });
  }

  @GET
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY})
  @Operation(
      operationId = "listMentors",
      summary = "The organisation's mentors",
      description = "Newest first; next page in the Link header.")
  @APIResponse(
      responseCode = "200",
      description = "A page of mentors",
      content = @Content(schema = @Schema(implementation = MentorResponse[].class)))
  public Response list(@BeanParam PageRequest page, UriInfo uri) {
    return mentors.list(page.cursor(), page.limit()).map(MentorResponse::of).toResponse(uri);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY, Roles.MENTOR})
  @Operation(
      operationId = "getMentor",
      summary = "Read a mentor",
      description =
          "The organisation reads its mentors, a mentor themself; the ETag is its version.")
  @APIResponse(
      responseCode = "200",
      description = "The mentor",
      content = @Content(schema = @Schema(implementation = MentorResponse.class)))
  public Response get(@PathParam("id") UUID id) {
    Mentor m = mentors.get(id);
    return Responses.ok(MentorResponse.of(m), m.version);
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY})
  @Operation(
      operationId = "updateMentor",
      summary = "Change a mentor's name, title, skills or capacity",
      description = "Capacity never below the internships they mentor now. Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The mentor as changed",
      content = @Content(schema = @Schema(implementation = MentorResponse.class)))
  public Response update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull MentorRequest body) {
    Mentor m = mentors.describe(id, Versions.required(ifMatch), body.profile());
    return Responses.ok(MentorResponse.of(m), m.version);
  }
}
