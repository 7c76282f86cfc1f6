package org.qiao.curriculum.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.curriculum.service.ContactGrantService;
import org.qiao.kit.security.Roles;

@Path("/api/v1/contact-cards")
@Tag(
    name = "Contact grants",
    description =
        "A student's contact card, released to one enterprise by the student's own application or"
            + " acceptance (ADR 0015)")
@Produces(MediaType.APPLICATION_JSON)
public class ContactCardResource {

  private final ContactGrantService grants;

  ContactCardResource(ContactGrantService grants) {
    this.grants = grants;
  }

  @GET
  @Path("/{applicationId}")
  // Every role may ask, so that every refusal is the same 404 (ADR 0015), never a 403 that tells
  // a role it is not an enterprise.
  @RolesAllowed({
    Roles.ENTERPRISE,
    Roles.UNIVERSITY,
    Roles.STUDENT,
    Roles.MENTOR,
    Roles.GOVERNMENT,
    Roles.ADMIN
  })
  @Operation(
      operationId = "getContactCard",
      summary = "Read the contact card of an application's student",
      description =
          "Only the enterprise the student's grant names (token org = its credit code), while the"
              + " grant is active: not revoked, not ended (30 days after the application ended),"
              + " the student not forgotten. Anyone else, and every other case, gets the same 404."
              + " Every read is recorded and shown to the student; the answer is never cached.")
  @APIResponse(
      responseCode = "200",
      description = "The card (Cache-Control: no-store)",
      content = @Content(schema = @Schema(implementation = ContactCardResponse.class)))
  public Response get(@PathParam("applicationId") UUID applicationId) {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setNoTransform(false);
    return Response.ok(ContactCardResponse.of(grants.card(applicationId)))
        .cacheControl(noStore)
        .build();
  }
}
