package org.qiao.talentdemand.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.List;
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
import org.qiao.kit.http.Responses;
import org.qiao.kit.http.Versions;
import org.qiao.kit.security.Roles;
import org.qiao.talentdemand.domain.Challenge;
import org.qiao.talentdemand.domain.ChallengeStatus;
import org.qiao.talentdemand.domain.Interest;
import org.qiao.talentdemand.service.ChallengeService;

@Path("/api/v1/challenges")
@Tag(name = "Challenges", description = "Technical challenges (技术攻关课题) for university labs")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ChallengeResource {

  private final ChallengeService challenges;
  private final Idempotency idempotency;

  ChallengeResource(ChallengeService challenges, Idempotency idempotency) {
    this.challenges = challenges;
    this.idempotency = idempotency;
  }

  @Schema(name = "InterestRequest")
  public record InterestRequest(
      @Schema(example = "李教授") @NotBlank @Size(max = 100) String contactName,
      @Size(max = 2000) String message) {}

  @Schema(name = "Selection")
  public record SelectionRequest(@NotNull UUID interestId) {}

  @POST
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "postChallenge",
      summary = "Post a challenge",
      description = "Event: qiao.challenge.posted.v1.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = ChallengeResponse.class)))
  public Response post(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull ChallengeRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/challenges",
        body,
        () -> {
          Challenge c = challenges.post(body.toDomain());
          return Responses.created(uri, c.id, ChallengeResponse.of(c), c.version);
        });
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "listChallenges",
      summary = "List challenges",
      description =
          "Universities, government and admin see all; an enterprise its own. Newest first; next"
              + " page in the Link header.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = ChallengeResponse[].class)))
  public Response list(
      @Parameter(schema = @Schema(implementation = ChallengeStatus.class)) @QueryParam("status")
          String status,
      @BeanParam PageRequest page,
      UriInfo uri) {
    return challenges
        .list(
            Params.enumValue(ChallengeStatus.class, status, "status"), page.cursor(), page.limit())
        .map(ChallengeResponse::of)
        .toResponse(uri);
  }

  @GET
  @Path("/{id}")
  @Authenticated
  @Operation(
      operationId = "getChallenge",
      summary = "Read a challenge",
      description =
          "An open challenge is readable by its enterprise and by universities; the ETag is the version to send as If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The challenge; ETag is its version",
      content = @Content(schema = @Schema(implementation = ChallengeResponse.class)))
  public Response get(@PathParam("id") UUID id) {
    Challenge c = challenges.get(id);
    return Responses.ok(ChallengeResponse.of(c), c.version);
  }

  @POST
  @Path("/{id}/interests")
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "registerChallengeInterest",
      summary = "Register the calling university's interest",
      description = "Once per university. Event: qiao.challenge.interest-registered.v1.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = InterestResponse.class)))
  public Response registerInterest(
      @PathParam("id") UUID id,
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull InterestRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/challenges/" + id + "/interests",
        body,
        () -> {
          Interest i = challenges.registerInterest(id, body.contactName(), body.message());
          return Response.created(uri.getAbsolutePathBuilder().path(i.id.toString()).build())
              .entity(InterestResponse.of(i))
              .build();
        });
  }

  @GET
  @Path("/{id}/interests/{interestId}")
  @Authenticated
  @Operation(
      operationId = "getChallengeInterest",
      summary = "One interest (for the challenge's enterprise and the university that gave it)",
      description =
          "Readable by the challenge's enterprise and by the university that registered the interest; 404 for anyone else.")
  public InterestResponse interest(
      @PathParam("id") UUID id, @PathParam("interestId") UUID interestId) {
    return InterestResponse.of(challenges.interest(id, interestId));
  }

  @GET
  @Path("/{id}/interests")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "listChallengeInterests",
      summary = "Interests in the caller's challenge",
      description = "Every interest registered for the caller's own challenge, oldest first.")
  public List<InterestResponse> interests(@PathParam("id") UUID id) {
    return challenges.interests(id).stream().map(InterestResponse::of).toList();
  }

  @POST
  @Path("/{id}/selection")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "selectChallengeInterest",
      summary = "Select an interest",
      description = "Event: qiao.challenge.matched.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The challenge as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = ChallengeResponse.class)))
  public Response select(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull SelectionRequest body) {
    Challenge c = challenges.select(id, body.interestId(), Versions.required(ifMatch));
    return Responses.ok(ChallengeResponse.of(c), c.version);
  }

  @POST
  @Path("/{id}/closure")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "closeChallenge",
      summary = "Close a challenge",
      description = "Event: qiao.challenge.closed.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The challenge as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = ChallengeResponse.class)))
  public Response close(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    Challenge c = challenges.close(id, Versions.required(ifMatch));
    return Responses.ok(ChallengeResponse.of(c), c.version);
  }
}
