package org.qiao.talentdemand.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.security.Caller;
import org.qiao.kit.security.Roles;
import org.qiao.talentdemand.domain.Demand;
import org.qiao.talentdemand.service.DemandService;

@Path("/api/v1/demands")
@Tag(name = "Demands", description = "Talent demand lists (人才需求清单)")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DemandResource {

  private final DemandService demands;
  private final Caller caller;

  DemandResource(DemandService demands, Caller caller) {
    this.demands = demands;
    this.caller = caller;
  }

  @POST
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      summary = "Create a demand",
      description =
          "Creates a demand for the caller's enterprise and, unless publish is false, publishes it"
              + " (event qiao.demand.published.v1).")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the new demand",
      content = @Content(schema = @Schema(implementation = DemandResponse.class)))
  public Response create(@Valid @NotNull DemandRequest body, UriInfo uri) {
    Demand demand = demands.create(caller.org(), body.toCommand());
    return Response.created(uri.getAbsolutePathBuilder().path(demand.id.toString()).build())
        .entity(DemandResponse.of(demand))
        .build();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ENTERPRISE})
  @Operation(summary = "Read one of the caller's demands")
  public DemandResponse get(@PathParam("id") UUID id) {
    return DemandResponse.of(demands.ownedBy(id, caller.org()));
  }
}
