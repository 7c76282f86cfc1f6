package org.qiao.matching.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.http.CsvDownload;
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

  MarketStatisticsResource(MarketStatistics statistics) {
    this.statistics = statistics;
  }

  @Schema(name = "MarketCell")
  public record CellResponse(
      @Schema(
              description =
                  "The major class (4 digits), occupation code or city-level GB/T 2260 code; null"
                      + " for the suppressed cell")
          String key,
      @Schema(description = "Null for the suppressed cell") Long openPositions,
      @Schema(description = "0 or at least 5; null for the suppressed cell") Long graduates,
      @Schema(description = "Graduates per open position; null when suppressed or no position")
          Double graduatesPerPosition,
      @Schema(
              description =
                  "The one cell standing for all cells of 1–4 graduates (and occupation sums"
                      + " including such a class): no key, no counts")
          boolean suppressed) {
    static CellResponse of(MarketCell c) {
      return new CellResponse(
          c.key(), c.openPositions(), c.graduates(), c.graduatesPerPosition(), c.suppressed());
    }
  }

  @Schema(name = "MarketStatistics")
  public record MarketStatisticsResponse(
      MarketStatistics.Dimension by,
      int graduationYear,
      @Schema(
              description =
                  "The snapshot's day: counts as of that day's close in China time; a snapshot"
                      + " never changes")
          LocalDate asOf,
      Instant computedAt,
      List<CellResponse> cells,
      @Schema(
              description =
                  "Placements (recorded hires) of graduates of graduationYear by the same"
                      + " dimension: major class, occupation, city of the job; cells of 1–4 placed"
                      + " graduates folded into one suppressed cell")
          List<OutcomeResource.CellResponse> placements,
      String explanation) {}

  @GET
  @RolesAllowed({Roles.GOVERNMENT, Roles.ADMIN})
  @Operation(
      operationId = "getMarketStatistics",
      summary = "Open positions against consented graduates, and placements (aggregates only)",
      description =
          "By major class (4 digits), occupation code or city (GB/T 2260 code): open positions of"
              + " open demands, consented graduates who could fill them, and their ratio, from"
              + " the daily snapshot of `date` (default: the latest), with the placements of the"
              + " year's graduates by the same dimension. Cells of 1–4 graduates are"
              + " folded into one suppressed cell without key or counts; no person is ever"
              + " listed. 404 when there is no snapshot of that date.")
  public MarketStatisticsResponse marketStatistics(@Valid @BeanParam SnapshotQuery query) {
    MarketStatistics.Dimension dimension = query.dimension();
    MarketStatistics.Published p = statistics.published(query.day(), dimension, query.year());
    return new MarketStatisticsResponse(
        dimension,
        p.graduationYear(),
        p.asOf(),
        p.computedAt(),
        p.cells().stream().map(CellResponse::of).toList(),
        OutcomeResource.CellResponse.of(p.placements()),
        "A daily snapshot as of asOf's close (China time), computed once. openPositions:"
            + " headcount not yet filled of demands open that day; graduates: consented student"
            + " profiles graduating in graduationYear; cells of 1–4 graduates, and occupation sums"
            + " that include such a class, are one suppressed cell without key or counts."
            + " placements: recorded hires of graduates of graduationYear by the same dimension"
            + " (major class, occupation, city of the job), with days to offer; cells of 1–4"
            + " placed graduates are one suppressed cell.");
  }

  @GET
  @Path("/csv")
  @Produces(CsvDownload.TEXT_CSV)
  @RolesAllowed({Roles.GOVERNMENT, Roles.ADMIN})
  @Operation(
      operationId = "downloadMarketStatistics",
      summary = "The same snapshot as a CSV file (UTF-8 with BOM, Chinese headers)",
      description =
          "One row per cell: 统计项 供需 (open positions against graduates) or 就业 (placements);"
              + " 已抑制 是 marks the one cell standing for all cells of 1–4 graduates, without"
              + " key or counts. The same parameters and snapshots as getMarketStatistics.")
  @APIResponse(
      responseCode = "200",
      description = "Downloaded as market-statistics-<date>-<by>-<year>.csv",
      content =
          @Content(
              mediaType = CsvDownload.TEXT_CSV,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response download(@Valid @BeanParam SnapshotQuery query) {
    MarketStatistics.Dimension by = query.dimension();
    MarketStatistics.Published p = statistics.published(query.day(), by, query.year());
    List<List<Object>> rows = new ArrayList<>();
    for (MarketCell c : p.cells()) {
      rows.add(
          Arrays.asList(
              "供需",
              p.asOf(),
              p.graduationYear(),
              by,
              c.key(),
              c.openPositions(),
              c.graduates(),
              c.graduatesPerPosition(),
              null,
              null,
              null,
              null,
              c.suppressed() ? "是" : "否"));
    }
    for (var c : p.placements()) {
      rows.add(
          Arrays.asList(
              "就业",
              p.asOf(),
              p.graduationYear(),
              by,
              c.key(),
              null,
              c.graduates(),
              null,
              c.placed(),
              c.placementRate(),
              c.medianDaysToOffer(),
              c.p75DaysToOffer(),
              c.suppressed() ? "是" : "否"));
    }
    return CsvDownload.response(
        "market-statistics-" + p.asOf() + "-" + by + "-" + p.graduationYear() + ".csv",
        CSV_HEADER,
        rows);
  }

  /** The CSV's columns, in Chinese for the offices that open it in a spreadsheet. */
  static final List<String> CSV_HEADER =
      List.of(
          "统计项",
          "统计日期",
          "毕业年份",
          "维度",
          "类别代码",
          "空缺岗位数",
          "毕业生数",
          "每岗位毕业生数",
          "已就业人数",
          "就业率",
          "录用天数中位数",
          "录用天数75分位",
          "已抑制");

  /** Which snapshot, dimension and graduation year to read. */
  public static class SnapshotQuery {

    @Parameter(
        description = "MAJOR_CLASS (default), OCCUPATION or CITY",
        schema = @Schema(enumeration = {"MAJOR_CLASS", "OCCUPATION", "CITY"}))
    @QueryParam("by")
    @Size(max = 20)
    String by;

    @Parameter(
        description =
            "Graduates of this year (default: the snapshot's year). One year at a time: an"
                + " all-years view beside a one-year view would reveal small counts",
        schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"))
    @QueryParam("graduationYear")
    @Size(max = 4)
    String graduationYear;

    @Parameter(
        description = "The snapshot's day (China time), one per closed day; default: the latest",
        example = "2027-07-01")
    @QueryParam("date")
    @Size(max = 10)
    @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date like 2027-07-01")
    String date;

    MarketStatistics.Dimension dimension() {
      return Objects.requireNonNullElse(
          Params.enumValue(MarketStatistics.Dimension.class, by, "by"),
          MarketStatistics.Dimension.MAJOR_CLASS);
    }

    Integer year() {
      return Params.intValue(graduationYear, "graduationYear", 2000, 2100);
    }

    LocalDate day() {
      return Params.date(date, "date");
    }
  }
}
