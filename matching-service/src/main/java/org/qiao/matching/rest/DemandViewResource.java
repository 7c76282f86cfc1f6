package org.qiao.matching.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.matching.service.DemandViews;

@Path("/api/v1/demands")
@Tag(name = "Published demands", description = "Demands as matching sees them, built from events")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DemandViewResource {

  private final DemandViews views;

  DemandViewResource(DemandViews views) {
    this.views = views;
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getPublishedDemand",
      summary = "Read a published demand (any authenticated role)",
      description =
          "The demand as matching-service learned it from talent-demand-service's events (eventually consistent); drafts never appear here.")
  public DemandViewResponse get(@PathParam("id") UUID id) {
    return DemandViewResponse.of(views.get(id));
  }
}
