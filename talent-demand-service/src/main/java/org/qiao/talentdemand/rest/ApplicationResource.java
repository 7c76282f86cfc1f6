package org.qiao.talentdemand.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
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
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.Responses;
import org.qiao.kit.http.Versions;
import org.qiao.kit.security.Roles;
import org.qiao.talentdemand.domain.Application;
import org.qiao.talentdemand.service.ApplicationService;

@Path("/api/v1/applications")
@Tag(
    name = "Applications",
    description = "Invitations and applications (邀约 / 投递) between enterprises and students")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

  private final ApplicationService applications;
  private final Idempotency idempotency;

  ApplicationResource(ApplicationService applications, Idempotency idempotency) {
    this.applications = applications;
    this.idempotency = idempotency;
  }

  @Schema(name = "ApplicationRequest")
  public record ApplicationRequest(@NotNull UUID demandId) {}

  @POST
  @RolesAllowed(Roles.STUDENT)
  @Operation(
      operationId = "applyToDemand",
      summary = "Apply to a published demand (as the student in the token's sub)",
      description =
          "Only a student whose consented profile is published may apply (409 otherwise); one open"
              + " application per student and demand. The enterprise answers within the"
              + " configured days (14 by default), or it expires. Event:"
              + " qiao.application.applied.v1.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
  public Response apply(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull ApplicationRequest body,
      UriInfo uri) {
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/applications",
        body,
        () -> {
          Application a = applications.apply(body.demandId());
          return Responses.created(uri, a.id, ApplicationResponse.of(a), a.version);
        });
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.STUDENT, Roles.ENTERPRISE})
  @Operation(
      operationId = "getApplication",
      summary = "Read an application",
      description =
          "For its two parties only (the demand's enterprise, the student); 404 for anyone else."
              + " The ETag is the version to send as If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The application; ETag is its version",
      content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
  public Response get(@PathParam("id") UUID id) {
    Application a = applications.get(id);
    return Responses.ok(ApplicationResponse.of(a), a.version);
  }

  @POST
  @Path("/{id}/acceptance")
  @RolesAllowed({Roles.STUDENT, Roles.ENTERPRISE})
  @Operation(
      operationId = "acceptApplication",
      summary = "Accept an invitation (student) or an application (enterprise)",
      description =
          "By the side asked, while the demand is published. Event: qiao.application.accepted.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The application as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
  public Response accept(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return take(id, Application.Transition.ACCEPT, ifMatch);
  }

  @POST
  @Path("/{id}/decline")
  @RolesAllowed({Roles.STUDENT, Roles.ENTERPRISE})
  @Operation(
      operationId = "declineApplication",
      summary = "Decline an invitation (student) or an application (enterprise)",
      description =
          "By the side asked (the student also declines an offer); an enterprise does not invite a"
              + " student again to a demand they declined. Event: qiao.application.declined.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The application as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
  public Response decline(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return take(id, Application.Transition.DECLINE, ifMatch);
  }

  @POST
  @Path("/{id}/withdrawal")
  @RolesAllowed({Roles.STUDENT, Roles.ENTERPRISE})
  @Operation(
      operationId = "withdrawApplication",
      summary = "Withdraw an open invitation or application",
      description =
          "By the side that started it; the student may always leave an open one. Event:"
              + " qiao.application.withdrawn.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The application as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
  public Response withdraw(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return take(id, Application.Transition.WITHDRAW, ifMatch);
  }

  @POST
  @Path("/{id}/rejection")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "rejectApplication",
      summary = "Reject an accepted application (enterprise)",
      description = "After acceptance or during interviews. Event: qiao.application.rejected.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The application as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
  public Response reject(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return take(id, Application.Transition.REJECT, ifMatch);
  }

  @Schema(name = "OfferRequest", description = "An offer after interviews")
  public record OfferRequest(
      @Schema(description = "Monthly, CNY", example = "9000") @NotNull @Positive @Max(1_000_000)
          Integer salaryMin,
      @Schema(description = "Monthly, CNY", example = "12000") @NotNull @Positive @Max(1_000_000)
          Integer salaryMax,
      @Schema(description = "On or after answerBy", example = "2027-07-01") @NotNull
          LocalDate startDate,
      @Schema(
              description =
                  "The last day (China time) the student may accept; at most 60 days away",
              example = "2027-04-15")
          @NotNull
          LocalDate answerBy,
      @Schema(description = "Where the job is: GB/T 2260 division code", example = "310115")
          @NotNull
          @Pattern(regexp = "\\d{6}")
          @Size(max = 6)
          String divisionCode) {}

  @POST
  @Path("/{id}/offer")
  @RolesAllowed(Roles.ENTERPRISE)
  @Operation(
      operationId = "makeOffer",
      summary = "Make an offer after interviews (enterprise)",
      description =
          "Salary range (monthly CNY), start date, answer-by date and place. The student accepts"
              + " (hired) or declines by the end of the answer-by day, or the offer expires. Event:"
              + " qiao.application.offered.v1.")
  @APIResponse(
      responseCode = "200",
      description = "The application as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
  public Response offer(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull OfferRequest body) {
    Application a =
        applications.offer(
            id,
            new ApplicationService.OfferTerms(
                body.salaryMin(),
                body.salaryMax(),
                body.startDate(),
                body.answerBy(),
                body.divisionCode()),
            Versions.required(ifMatch));
    return Responses.ok(ApplicationResponse.of(a), a.version);
  }

  @POST
  @Path("/{id}/offer/acceptance")
  @RolesAllowed(Roles.STUDENT)
  @Operation(
      operationId = "acceptOffer",
      summary = "Accept the offer (student): hired",
      description =
          "The hire counts against the demand's headcount; the last one fills the demand and ends"
              + " its other open applications (endReason DEMAND_FILLED). Events:"
              + " qiao.application.hired.v1, qiao.demand.hires-recorded.v1 or"
              + " qiao.demand.filled.v1, qiao.placement.recorded.v1. To decline the offer, use"
              + " the decline transition.")
  @APIResponse(
      responseCode = "200",
      description = "The application as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
  public Response acceptOffer(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    Application a = applications.acceptOffer(id, Versions.required(ifMatch));
    return Responses.ok(ApplicationResponse.of(a), a.version);
  }

  private Response take(UUID id, Application.Transition t, String ifMatch) {
    Application a = applications.take(id, t, Versions.required(ifMatch));
    return Responses.ok(ApplicationResponse.of(a), a.version);
  }
}
