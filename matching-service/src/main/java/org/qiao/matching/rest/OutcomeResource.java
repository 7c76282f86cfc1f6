package org.qiao.matching.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.http.Params;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Caller;
import org.qiao.kit.security.Roles;
import org.qiao.matching.domain.PlacementCell;
import org.qiao.matching.service.Outcomes;

@Path("/api/v1/institutions/{code}/outcomes")
@Tag(name = "Outcomes", description = "Where an institution's graduates were placed, and how fast")
@Produces(MediaType.APPLICATION_JSON)
public class OutcomeResource {

  private final Outcomes outcomes;
  private final Caller caller;

  OutcomeResource(Outcomes outcomes, Caller caller) {
    this.outcomes = outcomes;
    this.caller = caller;
  }

  @Schema(name = "OutcomeCell")
  public record CellResponse(
      @Schema(
              description =
                  "The major code (an institution's outcomes) or major class (4 characters,"
                      + " government statistics), occupation code or city-level GB/T 2260 code;"
                      + " null for the suppressed cell",
              nullable = true)
          String key,
      @Schema(
              description = "Graduates known of this major (null by occupation and by place)",
              nullable = true)
          Long graduates,
      @Schema(
              description = "Graduates placed: 0 or at least 5; null when suppressed",
              nullable = true)
          Long placed,
      @Schema(description = "placed ÷ graduates (by major)", nullable = true) Double placementRate,
      @Schema(
              description = "Median whole days from invitation or application to offer",
              nullable = true)
          Integer medianDaysToOffer,
      @Schema(description = "75th percentile of the days to offer", nullable = true)
          Integer p75DaysToOffer,
      @Schema(
              description =
                  "The one cell standing for all cells of 1–4 placed graduates (or graduates):"
                      + " no key, no figures")
          boolean suppressed) {
    static CellResponse of(PlacementCell c) {
      return new CellResponse(
          c.key(),
          c.graduates(),
          c.placed(),
          c.placementRate(),
          c.medianDaysToOffer(),
          c.p75DaysToOffer(),
          c.suppressed());
    }

    static List<CellResponse> of(List<PlacementCell> cells) {
      return cells.stream().map(CellResponse::of).toList();
    }
  }

  @Schema(name = "InstitutionOutcomes")
  public record OutcomesResponse(
      String institutionCode,
      int graduationYear,
      @Schema(
              description =
                  "Consented graduates of the year matching knows, and placed graduates it no"
                      + " longer knows by id")
          long graduatesKnown,
      long placed,
      @Schema(description = "placed ÷ graduatesKnown; null without graduates", nullable = true)
          Double placementRate,
      @Schema(description = "Null when fewer than 5 were placed", nullable = true)
          Integer medianDaysToOffer,
      @Schema(description = "Null when fewer than 5 were placed", nullable = true)
          Integer p75DaysToOffer,
      List<CellResponse> byMajor,
      List<CellResponse> byOccupation,
      @Schema(description = "By city-level GB/T 2260 code of the job") List<CellResponse> byPlace,
      @Schema(
              description =
                  "The institution's skill-gap report: what the market asks that it does not teach",
              example = "/api/v1/institutions/4131010280/skill-gap")
          String skillGapReport,
      String explanation) {}

  @GET
  @RolesAllowed({Roles.UNIVERSITY, Roles.ADMIN})
  @Operation(
      operationId = "getInstitutionOutcomes",
      summary = "Placements of the institution's graduates of one year (毕业去向)",
      description =
          "Graduates known, placed, placement rate and days to offer, by major, occupation and"
              + " city of the job, from the hires talent-demand-service recorded. Cells of 1–4"
              + " placed graduates are folded into one suppressed cell without key or figures. A"
              + " university for itself only.")
  public OutcomesResponse outcomes(
      @PathParam("code") @Size(max = 20) String code,
      @Parameter(
              required = true,
              description = "Graduates of this year",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"))
          @QueryParam("graduationYear")
          @Size(max = 4)
          String graduationYear) {
    Integer year = Params.intValue(graduationYear, "graduationYear", 2000, 2100);
    if (year == null) {
      throw ProblemException.invalidField("graduationYear", "is required");
    }
    Outcomes.InstitutionOutcomes o = outcomes.of(caller, code, year);
    return new OutcomesResponse(
        o.institutionCode(),
        o.graduationYear(),
        o.graduatesKnown(),
        o.placed(),
        o.placementRate(),
        o.medianDaysToOffer(),
        o.p75DaysToOffer(),
        CellResponse.of(o.byMajor()),
        CellResponse.of(o.byOccupation()),
        CellResponse.of(o.byPlace()),
        "/api/v1/institutions/" + o.institutionCode() + "/skill-gap",
        "graduatesKnown: consented graduates of the year, and placed ones matching no longer"
            + " knows by id (forgotten: their placement stays as a count). placed: graduates with"
            + " a recorded hire; days to offer: from invitation or application to the offer,"
            + " nearest-rank percentiles over placements. Cells of 1–4 placed graduates (or"
            + " graduates) are one suppressed cell without key or figures.");
  }
}
