package org.qiao.internship.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.internship.domain.MentorHours;
import org.qiao.internship.domain.Period;
import org.qiao.internship.service.HoursService;
import org.qiao.internship.service.IncidentStatistics;
import org.qiao.internship.service.MentorHoursStatistics;
import org.qiao.kit.http.CsvDownload;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.Responses;
import org.qiao.kit.security.Caller;
import org.qiao.kit.security.Roles;

/** Reports over many internships: mentors' hours for organisations, incidents for government. */
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MentorHoursResource {

  private final HoursService hours;
  private final IncidentStatistics statistics;
  private final MentorHoursStatistics mentorHours;
  private final Idempotency idempotency;
  private final Caller caller;

  MentorHoursResource(
      HoursService hours,
      IncidentStatistics statistics,
      MentorHoursStatistics mentorHours,
      Idempotency idempotency,
      Caller caller) {
    this.hours = hours;
    this.statistics = statistics;
    this.mentorHours = mentorHours;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @POST
  @Path("/mentor-hours")
  @RolesAllowed(Roles.MENTOR)
  @Operation(
      operationId = "recordMentorHours",
      summary = "Record hours of guidance or teaching",
      description =
          "By the mentor, for a day up to today, optionally for an internship they mentor.")
  @Tag(name = "Mentor hours", description = "Hours mentors spend guiding and teaching")
  @APIResponse(
      responseCode = "201",
      description = "Recorded",
      content = @Content(schema = @Schema(implementation = HoursResponse.class)))
  public Response record(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull HoursRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/mentor-hours",
        body,
        () -> {
          MentorHours h = hours.record(body.internshipId(), body.day(), body.kind(), body.hours());
          return Responses.created(uri, h.id, HoursResponse.of(h), 0);
        });
  }

  @GET
  @Path("/mentor-hours/{id}")
  @RolesAllowed({Roles.MENTOR, Roles.ENTERPRISE, Roles.UNIVERSITY})
  @Operation(
      operationId = "getMentorHours",
      summary = "Read an hours entry",
      description = "Its mentor reads it, and the mentor's organisation. Entries do not change.")
  @Tag(name = "Mentor hours", description = "Hours mentors spend guiding and teaching")
  @APIResponse(
      responseCode = "200",
      description = "The entry",
      content = @Content(schema = @Schema(implementation = HoursResponse.class)))
  public Response get(@PathParam("id") UUID id) {
    return Responses.ok(HoursResponse.of(hours.get(id)), 0);
  }

  @GET
  @Path("/mentor-hours/report")
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY})
  @Operation(
      operationId = "mentorHoursReport",
      summary = "The organisation's mentors' hours in a period",
      description =
          "Per mentor and in total, guidance and teaching, for the days from `from` to `to`"
              + " (both included).")
  @Tag(name = "Mentor hours", description = "Hours mentors spend guiding and teaching")
  @APIResponse(
      responseCode = "200",
      description = "The report",
      content = @Content(schema = @Schema(implementation = HoursResponse.Report.class)))
  public HoursResponse.Report report(@Valid @BeanParam PeriodParams params) {
    Period p = params.period();
    return HoursResponse.Report.of(caller.org(), p, hours.report(p));
  }

  @GET
  @Path("/incident-statistics")
  @RolesAllowed({Roles.GOVERNMENT, Roles.ADMIN})
  @Operation(
      operationId = "incidentStatistics",
      summary = "Incident counts for the risk compensation scheme",
      description =
          "Counts by month of reporting, type, severity and city or province for the whole months"
              + " from `from`'s to `to`'s, from the daily snapshot of `date` (default: the latest;"
              + " it holds the months closed by its day). No count below 5 is shown: smaller"
              + " city counts are shown together per province when they reach 5, else only as the"
              + " month's suppressed cell; no internship, person or free text. 404 when there is"
              + " no snapshot of that date.")
  @Tag(
      name = "Incidents",
      description = "Incidents for the industry–education risk compensation scheme")
  @APIResponse(
      responseCode = "200",
      description = "The counts",
      content = @Content(schema = @Schema(implementation = IncidentResponse.Statistics.class)))
  public IncidentResponse.Statistics statistics(@Valid @BeanParam SnapshotPeriodParams params) {
    Period p = params.period();
    return IncidentResponse.Statistics.of(
        statistics.published(params.snapshotDay(), p.from(), p.to()));
  }

  @GET
  @Path("/incident-statistics/csv")
  @Produces(CsvDownload.TEXT_CSV)
  @RolesAllowed({Roles.GOVERNMENT, Roles.ADMIN})
  @Operation(
      operationId = "downloadIncidentStatistics",
      summary = "The same counts as a CSV file (UTF-8 with BOM, Chinese headers)",
      description =
          "One row per cell of incidentStatistics, same parameters and snapshots; 已抑制 是 marks a"
              + " month's suppressed cell, which has no type, severity, place or count.")
  @Tag(
      name = "Incidents",
      description = "Incidents for the industry–education risk compensation scheme")
  @APIResponse(
      responseCode = "200",
      description = "Downloaded as incident-statistics-<date>-<from>-<to>.csv",
      content =
          @Content(
              mediaType = CsvDownload.TEXT_CSV,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response download(@Valid @BeanParam SnapshotPeriodParams params) {
    Period p = params.period();
    IncidentStatistics.Published s = statistics.published(params.snapshotDay(), p.from(), p.to());
    List<List<Object>> rows = new ArrayList<>();
    for (var c : s.cells()) {
      rows.add(
          Arrays.asList(
              s.asOf(),
              c.month(),
              c.type(),
              c.severity(),
              c.provinceCode(),
              c.cityCode(),
              c.incidents(),
              c.suppressed() ? "是" : "否"));
    }
    return CsvDownload.response(
        "incident-statistics-" + s.asOf() + "-" + s.from() + "-" + s.to() + ".csv",
        List.of("统计日期", "月份", "事故类型", "严重程度", "省级区划代码", "市级区划代码", "事故数", "已抑制"),
        rows);
  }

  @GET
  @Path("/mentor-hours-statistics")
  @RolesAllowed({Roles.GOVERNMENT, Roles.ADMIN})
  @Operation(
      operationId = "mentorHoursStatistics",
      summary = "Mentors' hours in aggregate (双导师 workload)",
      description =
          "Hours recorded by enterprise and institution mentors, guidance and teaching, by month of"
              + " recording, for the whole months from `from`'s to `to`'s, from the daily snapshot"
              + " of `date` (default: the latest; it holds the months closed by its day). A cell"
              + " of fewer than 5 mentors is shown only as the month's suppressed cell; no mentor,"
              + " organisation or internship is named. 404 when there is no snapshot of that date.")
  @Tag(name = "Mentor hours", description = "Hours mentors spend guiding and teaching")
  @APIResponse(
      responseCode = "200",
      description = "The hours",
      content = @Content(schema = @Schema(implementation = MentorHoursStatisticsResponse.class)))
  public MentorHoursStatisticsResponse mentorHoursStatistics(
      @Valid @BeanParam SnapshotPeriodParams params) {
    Period p = params.period();
    return MentorHoursStatisticsResponse.of(
        mentorHours.published(params.snapshotDay(), p.from(), p.to()));
  }

  @GET
  @Path("/mentor-hours-statistics/csv")
  @Produces(CsvDownload.TEXT_CSV)
  @RolesAllowed({Roles.GOVERNMENT, Roles.ADMIN})
  @Operation(
      operationId = "downloadMentorHoursStatistics",
      summary = "The same hours as a CSV file (UTF-8 with BOM, Chinese headers)",
      description =
          "One row per cell of mentorHoursStatistics, same parameters and snapshots; 已抑制 是 marks"
              + " a month's suppressed cell, which has no side, kind or figures.")
  @Tag(name = "Mentor hours", description = "Hours mentors spend guiding and teaching")
  @APIResponse(
      responseCode = "200",
      description = "Downloaded as mentor-hours-statistics-<date>-<from>-<to>.csv",
      content =
          @Content(
              mediaType = CsvDownload.TEXT_CSV,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response downloadMentorHours(@Valid @BeanParam SnapshotPeriodParams params) {
    Period p = params.period();
    MentorHoursStatistics.Published s =
        mentorHours.published(params.snapshotDay(), p.from(), p.to());
    List<List<Object>> rows = new ArrayList<>();
    for (var c : s.cells()) {
      rows.add(
          Arrays.asList(
              s.asOf(),
              c.month(),
              c.side(),
              c.kind(),
              c.mentors(),
              c.hours() == null ? null : c.hours().toPlainString(),
              c.suppressed() ? "是" : "否"));
    }
    return CsvDownload.response(
        "mentor-hours-statistics-" + s.asOf() + "-" + s.from() + "-" + s.to() + ".csv",
        List.of("统计日期", "月份", "导师方", "工作类型", "导师人数", "工时合计", "已抑制"),
        rows);
  }
}
