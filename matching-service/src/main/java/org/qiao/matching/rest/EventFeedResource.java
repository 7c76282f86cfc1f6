package org.qiao.matching.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.http.Params;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Roles;
import org.qiao.matching.domain.partner.EventTypeFilter;
import org.qiao.matching.domain.partner.FeedCursor;
import org.qiao.matching.service.partner.PartnerFeed;

@Path("/api/v1/events")
@Tag(
    name = "Event feed",
    description = "The events a partner may read, paged with a cursor that survives restarts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY, Roles.GOVERNMENT, Roles.ADMIN})
public class EventFeedResource {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  private final PartnerFeed feed;
  private final PartnerCaller partner;

  EventFeedResource(PartnerFeed feed, PartnerCaller partner) {
    this.feed = feed;
    this.partner = partner;
  }

  @Schema(name = "EventFeedPage")
  public record FeedResponse(
      @Schema(
              description =
                  "CloudEvents 1.0 in structured JSON mode, as their services wrote them; one"
                      + " aggregate's in order",
              type = SchemaType.ARRAY,
              implementation = Object.class)
          List<JsonNode> events,
      @Schema(
              description =
                  "Where to read on (also in the Link header): store it after processing the"
                      + " events; it never repeats or skips one")
          String next,
      @Schema(description = "Nothing more to read for now: poll again later with next")
          boolean caughtUp) {}

  @GET
  @Operation(
      operationId = "readEventFeed",
      summary = "Events the caller may read, after a cursor",
      description =
          "The same events and rules as webhooks: public events for every partner, an"
              + " organisation's own for it, never a person's. Without after, from the oldest event"
              + " the topics keep (7 days). A page may be short, even empty, while next moves on:"
              + " follow next until caughtUp. A cursor older than what the topics keep answers"
              + " 410, its Link rel=\"first\" naming the oldest cursor.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = FeedResponse.class)))
  @APIResponse(responseCode = "410", description = "The cursor is older than the topics keep")
  public Response read(
      @Parameter(
              description = "The cursor of the previous page (next); absent: from the oldest",
              schema = @Schema(type = SchemaType.STRING, maxLength = FeedCursor.MAX_LENGTH))
          @QueryParam("after")
          String after,
      @Parameter(
              description =
                  "Event types or qiao.<aggregate>.* patterns, comma-separated or repeated;"
                      + " absent: all the caller may see",
              schema = @Schema(type = SchemaType.STRING, maxLength = 2000))
          @QueryParam("types")
          List<String> types,
      @Parameter(
              description = "Events per page, 1-500",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "500",
                      defaultValue = "100"))
          @QueryParam("limit")
          String limit,
      UriInfo uri) {
    FeedCursor from = FeedCursor.START;
    if (after != null) {
      from =
          FeedCursor.decode(after)
              .orElseThrow(
                  () -> ProblemException.invalidField("after", "must be a cursor this feed gave"));
    }
    List<String> patterns = new ArrayList<>();
    if (types != null) {
      for (String t : types) {
        if (t != null) {
          for (String part : t.split(",", -1)) {
            if (!part.isBlank()) {
              patterns.add(part);
            }
          }
        }
      }
    }
    EventTypeFilter filter = EventTypeFilter.of(patterns, "types");
    Integer n = Params.intValue(limit, "limit", 1, MAX_LIMIT);
    PartnerFeed.FeedPage page;
    try {
      page = feed.read(partner.role(), partner.org(), from, filter, n == null ? DEFAULT_LIMIT : n);
    } catch (PartnerFeed.CursorExpired e) {
      String oldest = e.oldest.encode();
      throw new ProblemException(
              410,
              "cursor-expired",
              "Cursor expired",
              "The cursor points before the oldest event the topics keep; read on from the oldest"
                  + " cursor: "
                  + oldest,
              List.of())
          .withHeader("Link", "<" + link(uri, oldest) + ">; rel=\"first\"");
    }
    String next = page.next().encode();
    return Response.ok(new FeedResponse(page.events(), next, page.caughtUp()))
        .header("Link", "<" + link(uri, next) + ">; rel=\"next\"")
        .build();
  }

  private static String link(UriInfo uri, String cursor) {
    return uri.getRequestUriBuilder().replaceQueryParam("after", cursor).build().toString();
  }
}
