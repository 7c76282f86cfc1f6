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
import org.qiao.internship.domain.Incident;
import org.qiao.internship.domain.InternshipLog;
import org.qiao.internship.service.IncidentService;
import org.qiao.internship.service.LogService;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.PageRequest;
import org.qiao.kit.http.Responses;
import org.qiao.kit.http.Versions;
import org.qiao.kit.security.Roles;

/** What happens during an internship: the student's weekly logs and incidents. */
@Path("/api/v1/internships/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InternshipLogResource {

  private final LogService logs;
  private final IncidentService incidents;
  private final Idempotency idempotency;

  InternshipLogResource(LogService logs, IncidentService incidents, Idempotency idempotency) {
    this.logs = logs;
    this.incidents = incidents;
    this.idempotency = idempotency;
  }

  @POST
  @Path("/logs")
  @RolesAllowed(Roles.STUDENT)
  @Operation(
      operationId = "submitLog",
      summary = "Log a week of an active internship",
      description =
          "By the internship's student: the week's Monday, text, hours (0–84) and the plan's goals"
              + " worked on. One log per week. No location is recorded.")
  @Tag(name = "Weekly logs", description = "The student's weekly logs and the mentors' comments")
  @APIResponse(
      responseCode = "201",
      description = "Logged; Location names the log",
      content = @Content(schema = @Schema(implementation = LogResponse.class)))
  public Response submit(
      @PathParam("id") UUID id,
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull LogRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/internships/" + id + "/logs",
        body,
        () -> {
          InternshipLog l = logs.submit(id, body.weekOf(), body.text(), body.hours(), body.goals());
          return Responses.created(uri, l.id, LogResponse.of(l), l.version);
        });
  }

  @GET
  @Path("/logs")
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY, Roles.MENTOR, Roles.STUDENT})
  @Operation(
      operationId = "listLogs",
      summary = "The internship's weekly logs",
      description = "For its parties and its student; newest first, next page in the Link header.")
  @Tag(name = "Weekly logs", description = "The student's weekly logs and the mentors' comments")
  @APIResponse(
      responseCode = "200",
      description = "A page of logs",
      content = @Content(schema = @Schema(implementation = LogResponse[].class)))
  public Response list(@PathParam("id") UUID id, @BeanParam PageRequest page, UriInfo uri) {
    return logs.list(id, page.cursor(), page.limit()).map(LogResponse::of).toResponse(uri);
  }

  @GET
  @Path("/logs/{logId}")
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY, Roles.MENTOR, Roles.STUDENT})
  @Operation(operationId = "getLog", summary = "Read a weekly log", description = "With comments.")
  @Tag(name = "Weekly logs", description = "The student's weekly logs and the mentors' comments")
  @APIResponse(
      responseCode = "200",
      description = "The log",
      content = @Content(schema = @Schema(implementation = LogResponse.class)))
  public Response get(@PathParam("id") UUID id, @PathParam("logId") UUID logId) {
    InternshipLog l = logs.get(id, logId);
    return Responses.ok(LogResponse.of(l), l.version);
  }

  @POST
  @Path("/logs/{logId}/comments")
  @RolesAllowed(Roles.MENTOR)
  @Operation(
      operationId = "commentLog",
      summary = "Comment on a weekly log",
      description = "By either mentor of the internship. Requires If-Match (the log's version).")
  @Tag(name = "Weekly logs", description = "The student's weekly logs and the mentors' comments")
  @APIResponse(
      responseCode = "200",
      description = "The log with the comment",
      content = @Content(schema = @Schema(implementation = LogResponse.class)))
  public Response comment(
      @PathParam("id") UUID id,
      @PathParam("logId") UUID logId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull CommentRequest body) {
    InternshipLog l = logs.comment(id, logId, Versions.required(ifMatch), body.text());
    return Responses.ok(LogResponse.of(l), l.version);
  }

  @POST
  @Path("/incidents")
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY})
  @Operation(
      operationId = "reportIncident",
      summary = "Report an incident",
      description =
          "By the institution or the enterprise, for a confirmed, active or ended internship, on a"
              + " day within its dates (risk compensation scheme).")
  @Tag(
      name = "Incidents",
      description = "Incidents for the industry–education risk compensation scheme")
  @APIResponse(
      responseCode = "201",
      description = "Reported; Location names the incident",
      content = @Content(schema = @Schema(implementation = IncidentResponse.class)))
  public Response report(
      @PathParam("id") UUID id,
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull IncidentRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/internships/" + id + "/incidents",
        body,
        () -> {
          Incident x =
              incidents.report(
                  id,
                  body.type(),
                  body.severity(),
                  body.occurredOn(),
                  body.description(),
                  body.actions());
          return Responses.created(uri, x.id, IncidentResponse.of(x), x.version);
        });
  }

  @GET
  @Path("/incidents")
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY, Roles.MENTOR})
  @Operation(
      operationId = "listIncidents",
      summary = "The internship's incidents",
      description = "For its parties; newest first, next page in the Link header.")
  @Tag(
      name = "Incidents",
      description = "Incidents for the industry–education risk compensation scheme")
  @APIResponse(
      responseCode = "200",
      description = "A page of incidents",
      content = @Content(schema = @Schema(implementation = IncidentResponse[].class)))
  public Response incidents(@PathParam("id") UUID id, @BeanParam PageRequest page, UriInfo uri) {
    return incidents
        .list(id, page.cursor(), page.limit())
        .map(IncidentResponse::of)
        .toResponse(uri);
  }

  @GET
  @Path("/incidents/{incidentId}")
  @RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY, Roles.MENTOR})
  @Operation(
      operationId = "getIncident",
      summary = "Read an incident",
      description = "For its parties.")
  @Tag(
      name = "Incidents",
      description = "Incidents for the industry–education risk compensation scheme")
  @APIResponse(
      responseCode = "200",
      description = "The incident",
      content = @Content(schema = @Schema(implementation = IncidentResponse.class)))
  public Response incident(@PathParam("id") UUID id, @PathParam("incidentId") UUID incidentId) {
    Incident x = incidents.get(id, incidentId);
    return Responses.ok(IncidentResponse.of(x), x.version);
  }
}
