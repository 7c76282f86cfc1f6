package org.qiao.curriculum.rest;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.curriculum.domain.Proposal;
import org.qiao.curriculum.domain.ProposalStatus;
import org.qiao.curriculum.service.ProposalService;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.PageRequest;
import org.qiao.kit.http.Params;
import org.qiao.kit.http.Responses;
import org.qiao.kit.http.Versions;
import org.qiao.kit.security.Roles;

@Path("/api/v1/proposals")
@Tag(name = "Proposals", description = "The institution's proposals to training orders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {

  private final ProposalService proposals;
  private final Idempotency idempotency;

  ProposalResource(ProposalService proposals, Idempotency idempotency) {
    this.proposals = proposals;
    this.idempotency = idempotency;
  }

  @POST
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "submitProposal",
      summary = "Propose a course plan for a training order",
      description =
          "One of the institution's published plans for one of the ordered majors, a capacity up"
              + " to the headcount, a summary; while the order takes proposals from the"
              + " institution. Event: qiao.proposal.submitted.v1.")
  @APIResponse(
      responseCode = "201",
      description = "Submitted; Location names the proposal",
      content = @Content(schema = @Schema(implementation = ProposalResponse.class)))
  public Response submit(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull ProposalRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/proposals",
        body,
        () -> {
          Proposal p =
              proposals.submit(
                  body.trainingOrderId(), body.coursePlanId(), body.capacity(), body.summary());
          return Responses.created(uri, p.id, ProposalResponse.of(p), p.version);
        });
  }

  @GET
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "listProposals",
      summary = "The institution's proposals",
      description = "Newest first, with their state; next page in the Link header.")
  @APIResponse(
      responseCode = "200",
      description = "A page of proposals",
      content = @Content(schema = @Schema(implementation = ProposalResponse[].class)))
  public Response list(
      @Parameter(schema = @Schema(implementation = ProposalStatus.class)) @QueryParam("status")
          String status,
      @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @QueryParam("trainingOrderId")
          String trainingOrderId,
      @BeanParam PageRequest page,
      UriInfo uri) {
    return proposals
        .list(
            Params.enumValue(ProposalStatus.class, status, "status"),
            Params.uuid(trainingOrderId, "trainingOrderId"),
            page.cursor(),
            page.limit())
        .map(ProposalResponse::of)
        .toResponse(uri);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "getProposal",
      summary = "Read a proposal",
      description = "Only the proposing institution reads it; the ETag is its version.")
  @APIResponse(
      responseCode = "200",
      description = "The proposal; ETag is its version",
      content = @Content(schema = @Schema(implementation = ProposalResponse.class)))
  public Response get(@PathParam("id") UUID id) {
    Proposal p = proposals.get(id);
    return Responses.ok(ProposalResponse.of(p), p.version);
  }

  @POST
  @Path("/{id}/withdrawal")
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "withdrawProposal",
      summary = "Withdraw a submitted proposal",
      description =
          "Until the order's deadline day ends; it can then no longer be awarded. Event:"
              + " qiao.proposal.withdrawn.v1. Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The proposal as withdrawn; ETag is its new version",
      content = @Content(schema = @Schema(implementation = ProposalResponse.class)))
  public Response withdraw(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    Proposal p = proposals.withdraw(id, Versions.required(ifMatch));
    return Responses.ok(ProposalResponse.of(p), p.version);
  }
}
