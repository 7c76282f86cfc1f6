package org.qiao.curriculum.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.qiao.curriculum.service.TrainingOrderService;
import org.qiao.kit.http.PageRequest;
import org.qiao.kit.http.Params;
import org.qiao.kit.security.Roles;

@Path("/api/v1/open-training-orders")
@Tag(
    name = "Training orders",
    description = "Enterprises' training orders (订单式培养) open to the institution")
@Produces(MediaType.APPLICATION_JSON)
public class OpenTrainingOrderResource {

  private final TrainingOrderService orders;

  OpenTrainingOrderResource(TrainingOrderService orders) {
    this.orders = orders;
  }

  @GET
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "listOpenTrainingOrders",
      summary = "Training orders the institution may answer",
      description =
          "Orders addressed to the caller's institution or open to all, taking proposals (open, or"
              + " contracted with headcount left, deadline not passed). Filter by major, skill and"
              + " deadline. Newest first; next page in the Link header.")
  @APIResponse(
      responseCode = "200",
      description = "A page of training orders",
      content = @Content(schema = @Schema(implementation = OpenTrainingOrderResponse[].class)))
  public Response list(
      @Parameter(example = "080710T")
          @QueryParam("majorCode")
          @Size(max = 7)
          @Pattern(regexp = "\\d{6}[TK]?", message = "must be 6 digits with optional T or K")
          String majorCode,
      @Parameter(description = "Skill name, case-insensitive") @QueryParam("skill") @Size(max = 100)
          String skill,
      @Parameter(
              description = "Only orders whose proposal deadline is on or before this date",
              example = "2027-06-30")
          @QueryParam("deadlineBefore")
          @Size(max = 10)
          @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date like 2027-06-30")
          String deadlineBefore,
      @BeanParam PageRequest page,
      UriInfo uri) {
    return orders
        .open(
            majorCode,
            skill == null || skill.isBlank() ? null : skill,
            Params.date(deadlineBefore, "deadlineBefore"),
            page.cursor(),
            page.limit())
        .map(OpenTrainingOrderResponse::of)
        .toResponse(uri);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "getOpenTrainingOrder",
      summary = "Read a training order",
      description = "One open to the caller's institution, or one it proposed to; others 404.")
  @APIResponse(
      responseCode = "200",
      description = "The training order",
      content = @Content(schema = @Schema(implementation = OpenTrainingOrderResponse.class)))
  public Response get(@PathParam("id") UUID id) {
    return Response.ok(OpenTrainingOrderResponse.of(orders.get(id))).build();
  }
}
