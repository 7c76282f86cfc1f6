package org.qiao.matching.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.qiao.kit.security.Roles;
import org.qiao.matching.domain.MarketCell;
import org.qiao.matching.service.MarketStatistics;

@Path("/api/v1/market-statistics")
@Tag(
    name = "Market statistics",
    description = "Open positions against consented graduates, for government systems")
@Produces(MediaType.APPLICATION_JSON)
public class MarketStatisticsResource {

  private final MarketStatistics statistics;
  private final java.time.Clock clock;

  MarketStatisticsResource(MarketStatistics statistics, java.time.Clock clock) {
    this.statistics = statistics;
    this.clock = clock;
  }

  @Schema(name = "MarketCell")
  public record CellResponse(
      @Schema(description = "The major class (4 digits), occupation code or city") String key,
      long openPositions,
      @Schema(description = "Null when suppressed") Long graduates,
      @Schema(description = "Graduates per open position; null when suppressed or no position")
          Double graduatesPerPosition,
      @Schema(description = "Fewer than 5 graduates: counts withheld") boolean suppressed) {
    static CellResponse of(MarketCell c) {
      return new CellResponse(
          c.key(), c.openPositions(), c.graduates(), c.graduatesPerPosition(), c.suppressed());
    }
  }

  @Schema(name = "MarketStatistics")
  public record MarketStatisticsResponse(
      MarketStatistics.Dimension by,
      int graduationYear,
      List<CellResponse> cells,
      String explanation) {}

  @GET
  @RolesAllowed({Roles.GOVERNMENT, Roles.ADMIN})
  @Operation(
      operationId = "getMarketStatistics",
      summary = "Open positions against consented graduates (aggregates only)",
      description =
          "By major class (4 digits), occupation code or city: open positions of open demands,"
              + " consented graduates who could fill them, and their ratio. Cells of fewer than 5"
              + " graduates are suppressed; no person is ever listed.")
  public MarketStatisticsResponse marketStatistics(
      @Parameter(
              description = "MAJOR_CLASS (default), OCCUPATION or CITY",
              schema = @Schema(enumeration = {"MAJOR_CLASS", "OCCUPATION", "CITY"}))
          @QueryParam("by")
          @Size(max = 20)
          String by,
      @Parameter(
              description =
                  "Graduates of this year (default: this year in China). One year at a time: an"
                      + " all-years view beside a one-year view would reveal small counts",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"))
          @QueryParam("graduationYear")
          @Size(max = 4)
          String graduationYear) {
    MarketStatistics.Dimension dimension =
        java.util.Objects.requireNonNullElse(
            Params.enumValue(MarketStatistics.Dimension.class, by, "by"),
            MarketStatistics.Dimension.MAJOR_CLASS);
    int year =
        java.util.Objects.requireNonNullElse(
            Params.intValue(graduationYear, "graduationYear", 2000, 2100),
            org.qiao.kit.time.ChinaTime.today(clock).getYear());
    return new MarketStatisticsResponse(
        dimension,
        year,
        statistics.cells(dimension, year).stream().map(CellResponse::of).toList(),
        "openPositions: headcount not yet filled of open demands; graduates: consented student"
            + " profiles graduating in graduationYear; cells of 1–4 graduates, and occupation sums"
            + " that include such a class, are suppressed.");
  }
}
