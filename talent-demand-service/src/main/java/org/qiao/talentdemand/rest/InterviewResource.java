package org.qiao.talentdemand.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.Responses;
import org.qiao.kit.http.Versions;
import org.qiao.kit.security.Roles;
import org.qiao.talentdemand.domain.Interview;
import org.qiao.talentdemand.domain.InterviewSlot;
import org.qiao.talentdemand.domain.InterviewStatus;
import org.qiao.talentdemand.domain.Side;
import org.qiao.talentdemand.service.ApplicationService;
import org.qiao.talentdemand.service.ApplicationService.InterviewMove;

/** Interview rounds (面试) of an application, for its two parties only. */
@Path("/api/v1/applications/{id}/interviews")
@Tag(name = "Applications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InterviewResource {

  private final ApplicationService applications;
  private final Idempotency idempotency;

  InterviewResource(ApplicationService applications, Idempotency idempotency) {
    this.applications = applications;
    this.idempotency = idempotency;
  }

  @Schema(name = "InterviewSlot", description = "One time the interview may take place")
  public record SlotDto(
      @Schema(example = "2027-03-20T02:00:00Z") @NotNull Instant startsAt,
      @Schema(description = "Length in minutes", example = "45") @NotNull @Min(15) @Max(480)
          Integer minutes) {
    static SlotDto of(InterviewSlot s) {
      return new SlotDto(s.startsAt(), s.minutes());
    }
  }

  @Schema(name = "InterviewRequest", description = "An interview round the enterprise proposes")
  public record InterviewRequest(
      @Schema(description = "One to three slots in the next 180 days")
          @NotNull
          @Size(min = 1, max = 3)
          List<@Valid @NotNull SlotDto> slots,
      @NotNull Interview.Mode mode,
      @Schema(
              description = "For ON_SITE: where, as a GB/T 2260 division code; absent for ONLINE",
              example = "310115")
          @Pattern(regexp = "\\d{6}")
          @Size(max = 6)
          String divisionCode,
      @Schema(description = "Address details, meeting link, whom to ask for") @Size(max = 1000)
          String note) {}

  @Schema(name = "InterviewChoice", description = "The slot the student picks (0-based)")
  public record ChoiceRequest(@NotNull @Min(0) @Max(2) Integer slot) {}

  @Schema(name = "RescheduleRequest", description = "The student asks for other times")
  public record RescheduleRequest(
      @Schema(description = "When the student could, in their words") @Size(max = 1000)
          String note) {}

  @Schema(name = "Interview", description = "An interview round of an application")
  public record InterviewResponse(
      UUID id,
      UUID applicationId,
      InterviewStatus status,
      List<SlotDto> slots,
      @Schema(description = "Index of the slot the student picked, once scheduled")
          Integer chosenSlot,
      Interview.Mode mode,
      @Schema(description = "GB/T 2260 division code of an on-site interview") String divisionCode,
      String note,
      String studentNote,
      @Schema(description = "Which side cancelled it; null when it ended with its application")
          Side cancelledBy,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    static InterviewResponse of(Interview i) {
      return new InterviewResponse(
          i.id,
          i.applicationId,
          i.status,
          i.slots.stream().map(SlotDto::of).toList(),
          i.chosenSlot,
          i.mode,
          i.divisionCode,
          i.note,
          i.studentNote,
          i.cancelledBy,
          i.createdAt,
          i.updatedAt,
          i.version);
    }
  }

  @POST
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "proposeInterview",
      summary = "Propose an interview round (enterprise)",
      description =
          "One to three slots, online or on site at a GB/T 2260 place. The first round moves an"
              + " accepted application to interviews (event qiao.application.interviewing.v1);"
              + " only one round may be proposed or scheduled at a time, and an application has"
              + " at most 10.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = InterviewResponse.class)))
  public Response propose(
      @PathParam("id") UUID id,
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull InterviewRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/applications/" + id + "/interviews",
        body,
        () -> {
          Interview i =
              applications.proposeInterview(
                  id,
                  new ApplicationService.InterviewProposal(
                      body.slots().stream()
                          .map(s -> new InterviewSlot(s.startsAt(), s.minutes()))
                          .toList(),
                      body.mode(),
                      body.divisionCode(),
                      body.note()));
          return Responses.created(uri, i.id, InterviewResponse.of(i), i.version);
        });
  }

  @GET
  @RolesAllowed({Roles.STUDENT, Roles.ENTERPRISE})
  @Operation(
      operationId = "listInterviews",
      summary = "The application's interview rounds, oldest first",
      description = "For the application's two parties only; 404 for anyone else.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = InterviewResponse[].class)))
  public List<InterviewResponse> list(@PathParam("id") UUID id) {
    return applications.interviews(id).stream().map(InterviewResponse::of).toList();
  }

  @GET
  @Path("/{interviewId}")
  @RolesAllowed({Roles.STUDENT, Roles.ENTERPRISE})
  @Operation(
      operationId = "getInterview",
      summary = "Read an interview round",
      description =
          "For the application's two parties only. The ETag is the version to send as"
              + " If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The interview; ETag is its version",
      content = @Content(schema = @Schema(implementation = InterviewResponse.class)))
  public Response get(@PathParam("id") UUID id, @PathParam("interviewId") UUID interviewId) {
    Interview i = applications.interview(id, interviewId);
    return Responses.ok(InterviewResponse.of(i), i.version);
  }

  @GET
  @Path("/{interviewId}/calendar")
  @Produces({InterviewCalendar.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @RolesAllowed({Roles.STUDENT, Roles.ENTERPRISE})
  @Operation(
      operationId = "getInterviewCalendar",
      summary = "The scheduled interview as an iCalendar file (RFC 5545)",
      description =
          "For the student's and the recruiter's calendars: a stable UID, SEQUENCE = the"
              + " interview's version; a cancelled interview comes as METHOD:CANCEL. 409 while no"
              + " slot is picked.")
  @APIResponse(
      responseCode = "200",
      description = "text/calendar",
      content =
          @Content(
              mediaType = InterviewCalendar.MEDIA_TYPE,
              schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 65536)))
  public Response calendar(@PathParam("id") UUID id, @PathParam("interviewId") UUID interviewId) {
    String ics = InterviewCalendar.of(applications.interviewInContext(id, interviewId));
    return Response.ok(ics, InterviewCalendar.MEDIA_TYPE + "; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"interview-" + interviewId + ".ics\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("/{interviewId}/choice")
  @RolesAllowed(Roles.STUDENT)
  @Operation(
      operationId = "chooseInterviewSlot",
      summary = "Pick one of the proposed slots (student)",
      description = "A slot that has begun cannot be picked; the calendar file is then served.")
  @APIResponse(
      responseCode = "200",
      description = "The interview as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = InterviewResponse.class)))
  public Response choose(
      @PathParam("id") UUID id,
      @PathParam("interviewId") UUID interviewId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull ChoiceRequest body) {
    return move(id, interviewId, InterviewMove.CHOOSE, body.slot(), null, ifMatch);
  }

  @POST
  @Path("/{interviewId}/reschedule-request")
  @RolesAllowed(Roles.STUDENT)
  @Operation(
      operationId = "askForOtherInterviewSlots",
      summary = "Ask for other times (student)",
      description = "The enterprise may then propose a new round.")
  @APIResponse(
      responseCode = "200",
      description = "The interview as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = InterviewResponse.class)))
  public Response askForOthers(
      @PathParam("id") UUID id,
      @PathParam("interviewId") UUID interviewId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull RescheduleRequest body) {
    return move(id, interviewId, InterviewMove.ASK_FOR_OTHERS, null, body.note(), ifMatch);
  }

  @POST
  @Path("/{interviewId}/cancellation")
  @RolesAllowed({Roles.STUDENT, Roles.ENTERPRISE})
  @Operation(
      operationId = "cancelInterview",
      summary = "Cancel a proposed or scheduled interview (either side)",
      description = "The calendar file then cancels the entry (METHOD:CANCEL).")
  @APIResponse(
      responseCode = "200",
      description = "The interview as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = InterviewResponse.class)))
  public Response cancel(
      @PathParam("id") UUID id,
      @PathParam("interviewId") UUID interviewId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return move(id, interviewId, InterviewMove.CANCEL, null, null, ifMatch);
  }

  private Response move(
      UUID id, UUID interviewId, InterviewMove move, Integer slot, String note, String ifMatch) {
    Interview i =
        applications.moveInterview(id, interviewId, move, slot, note, Versions.required(ifMatch));
    return Responses.ok(InterviewResponse.of(i), i.version);
  }
}
