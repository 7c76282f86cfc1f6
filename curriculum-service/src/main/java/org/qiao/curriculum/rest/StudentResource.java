package org.qiao.curriculum.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.curriculum.domain.Degree;
import org.qiao.curriculum.domain.PersonalData;
import org.qiao.curriculum.domain.Student;
import org.qiao.curriculum.domain.StudentProfile;
import org.qiao.curriculum.service.ContactGrantService;
import org.qiao.curriculum.service.DestinationService;
import org.qiao.curriculum.service.StudentService;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.PageRequest;
import org.qiao.kit.http.Params;
import org.qiao.kit.http.Responses;
import org.qiao.kit.http.Versions;
import org.qiao.kit.security.Roles;

@Path("/api/v1/students")
@Tag(
    name = "Students",
    description =
        "Students and graduates: personal data stays here; other services see a pseudonymous id")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StudentResource {

  private final StudentService students;
  private final ContactGrantService grants;
  private final DestinationService destinations;
  private final Idempotency idempotency;
  private final Clock clock;

  StudentResource(
      StudentService students,
      ContactGrantService grants,
      DestinationService destinations,
      Idempotency idempotency,
      Clock clock) {
    this.students = students;
    this.grants = grants;
    this.destinations = destinations;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  @Schema(
      name = "ConsentGiven",
      description = "The version of the consent text the student agrees to")
  public record ConsentRequest(
      @Schema(example = "2026-01") @NotBlank @Size(max = 50) String textVersion) {}

  @POST
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "addStudent",
      summary = "Add one student",
      description =
          "For cohorts use POST /api/v1/student-imports. A student number the institution has is"
              + " a 409. Nothing is published until the student consents.")
  @APIResponse(
      responseCode = "201",
      description = "Added; Location names the record",
      content = @Content(schema = @Schema(implementation = StudentResponse.class)))
  public Response add(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull StudentRequest body,
      UriInfo uri) {
    // Checked before the key is looked up, like the annotated bounds: a broken field is a 400
    // naming it, whichever key it comes with (not a 422 for a key used with another body).
    PersonalData person = body.person();
    StudentProfile profile = body.profile();
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/students",
        body,
        () -> {
          Student s = students.create(person, profile, null);
          return Responses.created(uri, s.id, StudentResponse.of(s), s.version);
        });
  }

  @GET
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "listStudents",
      summary = "List the institution's students",
      description = "Newest first; next page in the Link header.")
  @APIResponse(
      responseCode = "200",
      description = "A page of students",
      content = @Content(schema = @Schema(implementation = StudentResponse[].class)))
  public Response list(
      @Parameter(example = "2026")
          @QueryParam("graduationYear")
          @Size(max = 4)
          @Pattern(regexp = "\\d{4}", message = "must be a year")
          String graduationYear,
      @Parameter(example = "080710T")
          @QueryParam("majorCode")
          @Size(max = 7)
          @Pattern(regexp = "\\d{6}[TK]?", message = "must be 6 digits with optional T or K")
          String majorCode,
      @Parameter(schema = @Schema(implementation = Degree.class)) @QueryParam("degree")
          String degree,
      @Parameter(description = "true: consented only; false: not consented")
          @QueryParam("consent")
          @Size(max = 5)
          @Pattern(regexp = "true|false", message = "must be true or false")
          String consent,
      @BeanParam PageRequest page,
      UriInfo uri) {
    return students
        .list(
            Params.intValue(graduationYear, "graduationYear", 2000, 2100),
            majorCode,
            Params.enumValue(Degree.class, degree, "degree"),
            consent == null ? null : Boolean.valueOf(consent),
            page.cursor(),
            page.limit())
        .map(StudentResponse::of)
        .toResponse(uri);
  }

  @GET
  @Path("/me")
  @RolesAllowed(Roles.STUDENT)
  @Operation(
      operationId = "getOwnStudentRecord",
      summary = "The acting student's own record",
      description = "The student named by the token's sub (pseudonymous id) at its org.")
  @APIResponse(
      responseCode = "200",
      description = "The student's record; ETag is its version",
      content = @Content(schema = @Schema(implementation = StudentResponse.class)))
  public Response me() {
    Student s = students.me();
    return Responses.ok(StudentResponse.of(s), s.version);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.UNIVERSITY, Roles.STUDENT})
  @Operation(
      operationId = "getStudent",
      summary = "Read a student's record",
      description = "Their institution, or the student themself; anyone else gets 404.")
  @APIResponse(
      responseCode = "200",
      description = "The student's record; ETag is its version",
      content = @Content(schema = @Schema(implementation = StudentResponse.class)))
  public Response get(@PathParam("id") UUID id) {
    Student s = students.get(id);
    return Responses.ok(StudentResponse.of(s), s.version);
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "updateStudent",
      summary = "Restate a student's record",
      description =
          "Personal data and profile (the student number never changes). Requires If-Match. A"
              + " consented student's changed profile is published again"
              + " (qiao.student.profile-published.v1).")
  @APIResponse(
      responseCode = "200",
      description = "The record as changed; ETag is its new version",
      content = @Content(schema = @Schema(implementation = StudentResponse.class)))
  public Response update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull StudentRequest body) {
    Student s = students.update(id, Versions.required(ifMatch), body.person(), body.profile());
    return Responses.ok(StudentResponse.of(s), s.version);
  }

  @POST
  @Path("/{id}/consent")
  @RolesAllowed(Roles.STUDENT)
  @Operation(
      operationId = "giveConsent",
      summary = "Consent to matching",
      description =
          "The student (only) consents under a version of the consent text; the profile is"
              + " published (qiao.student.profile-published.v1). Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The record with consent given; ETag is its new version",
      content = @Content(schema = @Schema(implementation = StudentResponse.class)))
  public Response giveConsent(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull ConsentRequest body) {
    Student s = students.giveConsent(id, Versions.required(ifMatch), body.textVersion());
    return Responses.ok(StudentResponse.of(s), s.version);
  }

  @POST
  @Path("/{id}/consent-withdrawal")
  @RolesAllowed({Roles.STUDENT, Roles.UNIVERSITY})
  @Operation(
      operationId = "withdrawConsent",
      summary = "Withdraw consent to matching",
      description =
          "The student, or their institution at the student's request. Every other service"
              + " forgets the pseudonymous id (qiao.student.forgotten.v1). Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The record with consent withdrawn; ETag is its new version",
      content = @Content(schema = @Schema(implementation = StudentResponse.class)))
  public Response withdrawConsent(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    Student s = students.withdrawConsent(id, Versions.required(ifMatch));
    return Responses.ok(StudentResponse.of(s), s.version);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.STUDENT, Roles.UNIVERSITY})
  @Operation(
      operationId = "eraseStudent",
      summary = "Erase a student's record (PIPL)",
      description =
          "Deletes the personal data and profile, keeping no copy; only the pseudonymous id is"
              + " kept so an import does not bring the student back. Every other service forgets"
              + " the id (qiao.student.forgotten.v1). Requires If-Match.")
  @APIResponse(responseCode = "204", description = "Erased")
  public Response erase(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    students.erase(id, Versions.required(ifMatch));
    return Response.noContent().build();
  }

  // --- Contact grants (ADR 0015) -------------------------------------------------------------

  @GET
  @Path("/me/contact-grants")
  @RolesAllowed(Roles.STUDENT)
  @Tag(name = "Contact grants")
  @Operation(
      operationId = "listOwnContactGrants",
      summary = "The acting student's contact grants",
      description =
          "Which enterprise may read the student's contact card for which application, until when;"
              + " newest first, next page in the Link header.")
  @APIResponse(
      responseCode = "200",
      description = "A page of grants",
      content = @Content(schema = @Schema(implementation = ContactGrantResponse[].class)))
  public Response ownContactGrants(@BeanParam PageRequest page, UriInfo uri) {
    return grants
        .grants(page.cursor(), page.limit())
        .map(g -> ContactGrantResponse.of(g, clock))
        .toResponse(uri);
  }

  @POST
  @Path("/me/contact-grants/{grantId}/revocation")
  @RolesAllowed(Roles.STUDENT)
  @Tag(name = "Contact grants")
  @Operation(
      operationId = "revokeContactGrant",
      summary = "Revoke a contact grant",
      description =
          "The student ends an enterprise's grant now: its card is 404 at once, and"
              + " talent-demand-service withdraws the application (qiao.contact-grant.revoked.v1)."
              + " No If-Match: a revocation cannot overwrite anyone's change, and revoking again"
              + " answers the same grant and sends nothing. A grant not the student's is a 404.")
  @APIResponse(
      responseCode = "200",
      description = "The grant, revoked",
      content = @Content(schema = @Schema(implementation = ContactGrantResponse.class)))
  public Response revokeContactGrant(@PathParam("grantId") UUID grantId) {
    return Response.ok(ContactGrantResponse.of(grants.revoke(grantId), clock)).build();
  }

  @GET
  @Path("/me/disclosures")
  @RolesAllowed(Roles.STUDENT)
  @Tag(name = "Contact grants")
  @Operation(
      operationId = "listOwnDisclosures",
      summary = "Who read the acting student's contact card",
      description =
          "Every read of the card: the enterprise, the application, when; newest first, next page"
              + " in the Link header.")
  @APIResponse(
      responseCode = "200",
      description = "A page of reads",
      content = @Content(schema = @Schema(implementation = DisclosureResponse[].class)))
  public Response ownDisclosures(@BeanParam PageRequest page, UriInfo uri) {
    return grants
        .disclosures(page.cursor(), page.limit())
        .map(DisclosureResponse::of)
        .toResponse(uri);
  }

  // --- Graduate destinations (毕业去向) -----------------------------------------------------------

  @GET
  @Path("/me/destination")
  @RolesAllowed(Roles.STUDENT)
  @Tag(
      name = "Graduate destinations",
      description =
          "Graduate destinations (毕业去向): pre-filled from hires, confirmed or corrected by the"
              + " student or their institution")
  @Operation(
      operationId = "getOwnDestination",
      summary = "The acting student's graduate destination",
      description =
          "Pre-filled from a hire on the platform until the student or their institution confirms"
              + " or corrects it (at /students/{id}/destination); 404 while there is none.")
  @APIResponse(
      responseCode = "200",
      description = "The destination; ETag is the student record's version",
      content = @Content(schema = @Schema(implementation = DestinationResponse.class)))
  public Response ownDestination() {
    DestinationService.View v = destinations.own();
    return Responses.ok(DestinationResponse.of(v), v.student().version);
  }

  @GET
  @Path("/{id}/destination")
  @RolesAllowed({Roles.UNIVERSITY, Roles.STUDENT})
  @Tag(name = "Graduate destinations")
  @Operation(
      operationId = "getStudentDestination",
      summary = "A student's graduate destination",
      description = "Their institution, or the student themself; 404 while there is none.")
  @APIResponse(
      responseCode = "200",
      description = "The destination; ETag is the student record's version",
      content = @Content(schema = @Schema(implementation = DestinationResponse.class)))
  public Response destination(@PathParam("id") UUID id) {
    DestinationService.View v = destinations.get(id);
    return Responses.ok(DestinationResponse.of(v), v.student().version);
  }

  @PUT
  @Path("/{id}/destination")
  @RolesAllowed({Roles.UNIVERSITY, Roles.STUDENT})
  @Tag(name = "Graduate destinations")
  @Operation(
      operationId = "stateStudentDestination",
      summary = "State or correct a student's graduate destination",
      description =
          "The institution or the student states where the graduate went; what a person states is"
              + " confirmed, and no later placement replaces it. Requires If-Match (the student"
              + " record's ETag).")
  @APIResponse(
      responseCode = "200",
      description = "The destination; ETag is the record's new version",
      content = @Content(schema = @Schema(implementation = DestinationResponse.class)))
  public Response stateDestination(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull DestinationRequest body) {
    DestinationService.View v = destinations.state(id, Versions.required(ifMatch), body.details());
    return Responses.ok(DestinationResponse.of(v), v.student().version);
  }

  @POST
  @Path("/{id}/destination/confirmation")
  @RolesAllowed({Roles.UNIVERSITY, Roles.STUDENT})
  @Tag(name = "Graduate destinations")
  @Operation(
      operationId = "confirmStudentDestination",
      summary = "Confirm a pre-filled graduate destination",
      description =
          "The institution or the student confirms the destination as it is; no later placement"
              + " replaces it. Confirming again changes nothing. Requires If-Match (the student"
              + " record's ETag); 404 while there is no destination.")
  @APIResponse(
      responseCode = "200",
      description = "The destination, confirmed; ETag is the record's version",
      content = @Content(schema = @Schema(implementation = DestinationResponse.class)))
  public Response confirmDestination(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    DestinationService.View v = destinations.confirm(id, Versions.required(ifMatch));
    return Responses.ok(DestinationResponse.of(v), v.student().version);
  }

  @Schema(name = "JobSeekingResumed")
  public record JobSeekingResponse(String pseudonymousId, Instant resumedAt) {}

  @POST
  @Path("/me/job-seeking")
  @RolesAllowed(Roles.STUDENT)
  @Tag(name = "Graduate destinations")
  @Operation(
      operationId = "resumeJobSeeking",
      summary = "Seek work again",
      description =
          "A hired student says they are looking for work again: matching-service ranks them for"
              + " demands again (qiao.student.job-seeking-resumed.v1). Only a consented student"
              + " (409 otherwise).")
  @APIResponse(
      responseCode = "200",
      description = "Announced",
      content = @Content(schema = @Schema(implementation = JobSeekingResponse.class)))
  public Response resumeJobSeeking() {
    StudentService.JobSeeking j = students.resumeJobSeeking();
    return Response.ok(new JobSeekingResponse(j.pseudonymousId(), j.resumedAt())).build();
  }
}
