package org.qiao.talentdemand.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.qiao.kit.http.Negotiation;
import org.qiao.kit.http.PageRequest;
import org.qiao.talentdemand.service.JobPostingService;

/** Open demands as schema.org job postings, for job boards that read JSON-LD. */
@Path("/api/v1/job-postings")
@Tag(name = "Job postings", description = "Open demands as schema.org JobPosting (JSON-LD)")
@Produces(JobPostingResource.LD_JSON)
public class JobPostingResource {

  static final String LD_JSON = "application/ld+json";
  private static final MediaType LD = MediaType.valueOf(LD_JSON);

  private final JobPostingService postings;

  JobPostingResource(JobPostingService postings) {
    this.postings = postings;
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "listJobPostings",
      summary = "Open demands as schema.org JobPostings",
      description =
          "Every published demand still open, newest first, as a schema.org ItemList of"
              + " JobPostings; the next page is in the Link header (rel=next).")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = LD_JSON,
              schema = @Schema(implementation = JobPosting.ItemList.class)))
  public Response list(@BeanParam PageRequest page, UriInfo uri) {
    var found = postings.open(page.cursor(), page.limit());
    var list =
        JobPosting.ItemList.of(
            found.items().stream().map(p -> JobPosting.of(p, url(uri, p.demand().id))).toList());
    Response.ResponseBuilder r = Response.ok(list, LD_JSON);
    if (found.nextCursor() != null) {
      String next =
          uri.getRequestUriBuilder()
              .replaceQueryParam("cursor", found.nextCursor().toString())
              .build()
              .toString();
      r.header("Link", "<" + next + ">; rel=\"next\"");
    }
    return r.build();
  }

  /** The JobPosting of one demand (the demand's URL with Accept: application/ld+json). */
  JobPosting of(UUID demand, UriInfo uri) {
    return JobPosting.of(postings.posting(demand), url(uri, demand));
  }

  /** Whether the caller prefers JSON-LD to plain JSON (by the order and weights of Accept). */
  static boolean wantsJsonLd(HttpHeaders headers) {
    return Negotiation.prefers(headers, LD);
  }

  private static String url(UriInfo uri, UUID demand) {
    return uri.getBaseUriBuilder()
        .path("api/v1/demands")
        .path(demand.toString())
        .build()
        .toString();
  }
}
