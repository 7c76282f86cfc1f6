package org.qiao.portal.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.qiao.client.curriculum.model.ConsentGiven;
import org.qiao.client.curriculum.model.Student;
import org.qiao.client.talentdemand.model.Application;
import org.qiao.client.talentdemand.model.ApplicationRequest;
import org.qiao.portal.api.ApiProblem;
import org.qiao.portal.api.Apis;
import org.qiao.portal.session.CurrentRequest;
import org.qiao.portal.session.Persona;
import org.qiao.portal.session.PortalSession;

/**
 * The student's pages: matches and why, consent (given or withdrawn, showing the version of the
 * text agreed to), invitations and applications, and who read their contact card. Consent is the
 * student's alone: only a student session reaches these pages.
 */
@Path("/student")
@Produces(MediaType.TEXT_HTML)
public class StudentPages {

  /**
   * The version of the consent text this portal shows (texts key consentText); sent with a consent
   * so the record says what was agreed to. A new text gets a new version.
   */
  public static final String CONSENT_TEXT_VERSION = "qiao-portal-2026-12";

  private final Pages pages;
  private final Apis apis;
  private final CurrentRequest current;

  StudentPages(Pages pages, Apis apis, CurrentRequest current) {
    this.pages = pages;
    this.apis = apis;
    this.current = current;
  }

  @GET
  public TemplateInstance home(@Context UriInfo uri) {
    PortalSession me = current.require(Persona.STUDENT);
    Student student = apis.call(apis.students::getOwnStudentRecord);
    Map<String, Object> data = new HashMap<>();
    data.put("student", student);
    boolean consented =
        student.getConsent() != null && Boolean.TRUE.equals(student.getConsent().getGiven());
    data.put("consented", consented);
    data.put("matches", null);
    if (consented) {
      try {
        data.put(
            "matches",
            apis.call(() -> apis.studentMatches.rankDemandsForStudent(me.subject(), 20)));
      } catch (ApiProblem p) {
        if (p.status() != 404) {
          throw p;
        }
        // matching-service has not received the published profile yet: the page says so.
      }
    }
    return pages.page("student/home", uri, data);
  }

  @GET
  @Path("consent")
  public TemplateInstance consent(@Context UriInfo uri) {
    current.require(Persona.STUDENT);
    Student student = apis.call(apis.students::getOwnStudentRecord);
    return pages.page(
        "student/consent", uri, Map.of("student", student, "textVersion", CONSENT_TEXT_VERSION));
  }

  @POST
  @Path("consent")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response giveConsent(MultivaluedMap<String, String> form) {
    current.require(Persona.STUDENT);
    Map<String, String> typed = Forms.typed(form);
    UUID id = UUID.fromString(typed.getOrDefault("id", ""));
    String ifMatch = "\"" + Forms.integer(typed.get("version")) + "\"";
    apis.call(
        () ->
            apis.students.giveConsent(
                id, ifMatch, new ConsentGiven().textVersion(CONSENT_TEXT_VERSION)));
    return Response.seeOther(URI.create("/student/consent?changed=given")).build();
  }

  @POST
  @Path("consent-withdrawal")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response withdrawConsent(MultivaluedMap<String, String> form) {
    current.require(Persona.STUDENT);
    Map<String, String> typed = Forms.typed(form);
    UUID id = UUID.fromString(typed.getOrDefault("id", ""));
    String ifMatch = "\"" + Forms.integer(typed.get("version")) + "\"";
    apis.call(() -> apis.students.withdrawConsent(id, ifMatch));
    return Response.seeOther(URI.create("/student/consent?changed=withdrawn")).build();
  }

  @POST
  @Path("applications")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response apply(MultivaluedMap<String, String> form) {
    current.require(Persona.STUDENT);
    Map<String, String> typed = Forms.typed(form);
    UUID demand = UUID.fromString(typed.getOrDefault("demandId", ""));
    apis.call(
        () ->
            apis.applications.applyToDemand(
                new ApplicationRequest().demandId(demand), Forms.idempotencyKey(typed)));
    return Response.seeOther(URI.create("/student/applications")).build();
  }

  @GET
  @Path("applications")
  public TemplateInstance applications(@Context UriInfo uri) {
    current.require(Persona.STUDENT);
    var applications = apis.call(() -> apis.applications.listMyApplications(null, 50, null));
    return pages.page("student/applications", uri, Map.of("applications", applications));
  }

  /** Accept or decline an invitation (If-Match: the version the page showed). */
  @POST
  @Path("applications/{id}/{answer:acceptance|decline}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response answer(
      @PathParam("id") UUID id,
      @PathParam("answer") String answer,
      MultivaluedMap<String, String> form) {
    current.require(Persona.STUDENT);
    String ifMatch = "\"" + Forms.integer(Forms.typed(form).get("version")) + "\"";
    Application ignored =
        apis.call(
            () ->
                answer.equals("acceptance")
                    ? apis.applications.acceptApplication(id, ifMatch)
                    : apis.applications.declineApplication(id, ifMatch));
    return Response.seeOther(URI.create("/student/applications")).build();
  }

  @GET
  @Path("contact-reads")
  public TemplateInstance contactReads(@Context UriInfo uri) {
    current.require(Persona.STUDENT);
    var reads = apis.call(() -> apis.contactGrants.listOwnDisclosures(null, 50));
    var grants = apis.call(() -> apis.contactGrants.listOwnContactGrants(null, 50));
    return pages.page("student/contact-reads", uri, Map.of("reads", reads, "grants", grants));
  }
}
