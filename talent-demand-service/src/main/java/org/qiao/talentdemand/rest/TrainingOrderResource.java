package org.qiao.talentdemand.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.qiao.talentdemand.domain.TrainingOrder;
import org.qiao.talentdemand.domain.TrainingOrderStatus;
import org.qiao.talentdemand.service.TrainingOrderService;

@Path("/api/v1/training-orders")
@Tag(name = "Training orders", description = "Order-style training (订单式培养)")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TrainingOrderResource {

  private final TrainingOrderService orders;
  private final Idempotency idempotency;

  TrainingOrderResource(TrainingOrderService orders, Idempotency idempotency) {
    this.orders = orders;
    this.idempotency = idempotency;
  }

  @Schema(name = "Award", description = "Awards (part of) a proposal's capacity")
  public record AwardRequest(
      @NotNull UUID proposalId,
      @Schema(example = "20") @NotNull @Min(1) @Max(5000) Integer capacity) {}

  @POST
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "placeTrainingOrder",
      summary = "Place a training order",
      description = "Event: qiao.training-order.placed.v1.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = TrainingOrderResponse.class)))
  public Response place(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull TrainingOrderRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/training-orders",
        body,
        () -> {
          TrainingOrder o = orders.place(body.toDomain());
          return Responses.created(uri, o.id, TrainingOrderResponse.of(o), o.version);
        });
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "listTrainingOrders",
      summary = "List training orders",
      description =
          "An enterprise sees its own; a university the open orders addressed to it (or to all);"
              + " government and admin all. Newest first; next page in the Link header.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = TrainingOrderResponse[].class)))
  public Response list(
      @Parameter(schema = @Schema(implementation = TrainingOrderStatus.class)) @QueryParam("status")
          String status,
      @BeanParam PageRequest page,
      UriInfo uri) {
    return orders
        .list(
            Params.enumValue(TrainingOrderStatus.class, status, "status"),
            page.cursor(),
            page.limit())
        .map(TrainingOrderResponse::of)
        .toResponse(uri);
  }

  @GET
  @Path("/{id}")
  @Authenticated
  @Operation(
      operationId = "getTrainingOrder",
      summary = "Read a training order",
      description =
          "Readable by its enterprise and by the universities it is open to; the ETag is the version to send as If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The training order; ETag is its version",
      content = @Content(schema = @Schema(implementation = TrainingOrderResponse.class)))
  public Response get(@PathParam("id") UUID id) {
    TrainingOrder o = orders.get(id);
    return Responses.ok(TrainingOrderResponse.of(o), o.version);
  }

  @GET
  @Path("/{id}/proposals")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "listTrainingOrderProposals",
      summary = "The proposals universities made to the caller's order",
      description =
          "Every proposal universities submitted for the caller's own order, with its state (submitted, awarded, rejected, withdrawn).")
  public List<ProposalResponse> proposals(@PathParam("id") UUID id) {
    return orders.proposals(id).stream().map(ProposalResponse::of).toList();
  }

  @POST
  @Path("/{id}/awards")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "awardTrainingOrder",
      summary = "Award a proposal",
      description =
          "Awarded capacity never exceeds the headcount; the order becomes CONTRACTED. Event:"
              + " qiao.training-order.awarded.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The training order as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = TrainingOrderResponse.class)))
  public Response award(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull AwardRequest body) {
    // Read before the key is looked up: a retry whose If-Match is missing or broken is refused as
    // a first try would be, not answered with the stored reply; one naming another version is
    // another request (422).
    long expectedVersion = Versions.required(ifMatch);
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/training-orders/" + id + "/awards",
        List.of(body, expectedVersion),
        () -> {
          TrainingOrder o = orders.award(id, body.proposalId(), body.capacity(), expectedVersion);
          return Responses.ok(TrainingOrderResponse.of(o), o.version);
        });
  }

  @POST
  @Path("/{id}/fulfilment")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "fulfilTrainingOrder",
      summary = "Mark a contracted order fulfilled",
      description = "Event: qiao.training-order.fulfilled.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The training order as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = TrainingOrderResponse.class)))
  public Response fulfil(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    TrainingOrder o = orders.fulfil(id, Versions.required(ifMatch));
    return Responses.ok(TrainingOrderResponse.of(o), o.version);
  }

  @POST
  @Path("/{id}/cancellation")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "cancelTrainingOrder",
      summary = "Cancel an open or contracted order",
      description = "Event: qiao.training-order.cancelled.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The training order as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = TrainingOrderResponse.class)))
  public Response cancel(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    TrainingOrder o = orders.cancel(id, Versions.required(ifMatch));
    return Responses.ok(TrainingOrderResponse.of(o), o.version);
  }
}
