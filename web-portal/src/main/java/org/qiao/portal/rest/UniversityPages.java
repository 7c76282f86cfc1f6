package org.qiao.portal.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.qiao.client.curriculum.model.Institution;
import org.qiao.client.curriculum.model.InstitutionKind;
import org.qiao.client.curriculum.model.InstitutionProfile;
import org.qiao.client.curriculum.model.InstitutionRegistration;
import org.qiao.client.curriculum.model.StudentImport;
import org.qiao.client.matching.model.GapSkill;
import org.qiao.client.matching.model.SkillGapReport;
import org.qiao.portal.api.ApiProblem;
import org.qiao.portal.api.Apis;
import org.qiao.portal.api.Uploads;
import org.qiao.portal.i18n.Texts;
import org.qiao.portal.session.CurrentRequest;
import org.qiao.portal.session.Persona;
import org.qiao.portal.session.PortalSession;

/**
 * The university's pages: register the institution, import a cohort file with live progress and its
 * row errors as CSV, its students, and the skill-gap report as a chart.
 */
@Path("/university")
@Produces(MediaType.TEXT_HTML)
public class UniversityPages {

  private final Pages pages;
  private final Apis apis;
  private final Uploads uploads;
  private final CurrentRequest current;
  private final Charts charts;

  UniversityPages(Pages pages, Apis apis, Uploads uploads, CurrentRequest current, Charts charts) {
    this.pages = pages;
    this.apis = apis;
    this.uploads = uploads;
    this.current = current;
    this.charts = charts;
  }

  @GET
  public TemplateInstance home(@Context UriInfo uri) {
    PortalSession me = current.require(Persona.UNIVERSITY);
    Optional<Institution> institution = myInstitution();
    if (institution.isEmpty()) {
      return registrationForm(uri, Map.of("institutionCode", me.org()), null);
    }
    var students = apis.call(() -> apis.students.listStudents(null, null, null, null, 50, null));
    return pages.page(
        "university/home", uri, Map.of("institution", institution.get(), "students", students));
  }

  @POST
  @Path("registration")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Object register(@Context UriInfo uri, MultivaluedMap<String, String> form) {
    current.require(Persona.UNIVERSITY);
    Map<String, String> typed = Forms.typed(form);
    InstitutionProfile profile =
        new InstitutionProfile()
            .name(Forms.blankToNull(typed.get("name")))
            .city(Forms.blankToNull(typed.get("city")));
    for (InstitutionKind k : InstitutionKind.values()) {
      if (k.getValue().equals(typed.get("kind"))) {
        profile.kind(k);
      }
    }
    InstitutionRegistration body =
        new InstitutionRegistration()
            .institutionCode(Forms.blankToNull(typed.get("institutionCode")))
            .profile(profile);
    return pages.submit(
        () -> {
          apis.call(() -> apis.institutions.registerInstitution(body, Forms.idempotencyKey(typed)));
          return "/university";
        },
        p -> registrationForm(uri, typed, p));
  }

  @GET
  @Path("imports/new")
  public TemplateInstance importForm(@Context UriInfo uri) {
    current.require(Persona.UNIVERSITY);
    return pages.page("university/import-form", uri, Map.of("idempotencyKey", UUID.randomUUID()));
  }

  /**
   * The cohort file goes on to curriculum-service as it came (CSV or XLSX, up to 64 MiB here); the
   * page that follows shows the import job's progress.
   */
  @POST
  @Path("imports")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Object upload(
      @Context UriInfo uri,
      @RestForm("file") FileUpload file,
      @RestForm("idempotencyKey") String idempotencyKey) {
    current.require(Persona.UNIVERSITY);
    if (file == null || file.size() == 0) {
      ApiProblem p =
          new ApiProblem(
              400,
              Texts.text("importNoFile", current.locale()),
              null,
              Map.of("file", Texts.text("importNoFile", current.locale())));
      return Response.status(400)
          .entity(
              pages.page(
                  "university/import-form",
                  uri,
                  Map.of("idempotencyKey", UUID.randomUUID(), "fileError", p.fields().get("file")),
                  p))
          .build();
    }
    String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
    String type =
        name.endsWith(".xlsx")
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv";
    long rows = name.endsWith(".xlsx") ? 0 : countDataRows(file.uploadedFile());
    StudentImport job;
    try {
      job = uploads.importStudents(file.uploadedFile(), type, idempotencyKey);
    } catch (ApiProblem p) {
      if (p.status() >= 500) {
        throw p;
      }
      return Response.status(p.status())
          .entity(
              pages.page(
                  "university/import-form",
                  uri,
                  Map.of(
                      "idempotencyKey",
                      UUID.randomUUID(),
                      "fileError",
                      p.detail() == null ? p.title() : p.detail()),
                  p))
          .build();
    }
    return Response.seeOther(
            URI.create("/university/imports/" + job.getId() + (rows > 0 ? "?rows=" + rows : "")))
        .build();
  }

  @GET
  @Path("imports/{id}")
  public TemplateInstance importPage(
      @Context UriInfo uri, @PathParam("id") UUID id, @QueryParam("rows") long rows) {
    current.require(Persona.UNIVERSITY);
    return pages.page("university/import", uri, importData(id, rows));
  }

  /** The progress fragment the import page polls (htmx) until the job has finished. */
  @GET
  @Path("imports/{id}/progress")
  public TemplateInstance progress(@PathParam("id") UUID id, @QueryParam("rows") long rows) {
    current.require(Persona.UNIVERSITY);
    return pages.page("university/import-progress", null, importData(id, rows));
  }

  @GET
  @Path("imports/{id}/errors.csv")
  @Produces("text/csv")
  public Response importErrors(@PathParam("id") UUID id) {
    current.require(Persona.UNIVERSITY);
    return Downloads.csv(uploads.importErrors(id), "student-import-" + id + "-errors.csv");
  }

  @GET
  @Path("skill-gap")
  public TemplateInstance skillGap(
      @Context UriInfo uri,
      @QueryParam("majorCode") String majorCode,
      @QueryParam("since") String since) {
    PortalSession me = current.require(Persona.UNIVERSITY);
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("majorCode", majorCode == null ? "" : majorCode.strip());
    typed.put("since", since == null ? "" : since.strip());
    LocalDate sinceDate = null;
    Map<String, String> errors = new HashMap<>();
    if (!typed.get("since").isEmpty()) {
      try {
        sinceDate = LocalDate.parse(typed.get("since"));
      } catch (DateTimeParseException e) {
        errors.put("since", Texts.text("dateInvalid", current.locale()));
      }
    }
    LocalDate s = sinceDate;
    SkillGapReport report;
    try {
      report =
          apis.call(
              () ->
                  apis.skillGaps.reportSkillGap(
                      me.org(), 20, Forms.blankToNull(typed.get("majorCode")), s));
    } catch (ApiProblem p) {
      if (p.status() != 400) {
        throw p;
      }
      errors.putAll(p.fields());
      return pages.page("university/skill-gap", uri, Map.of("typed", typed, "errors", errors), p);
    }
    return pages.page(
        "university/skill-gap",
        uri,
        Map.of(
            "typed", typed,
            "errors", errors,
            "report", report,
            "chart", charts.skillGap(report, current.locale())));
  }

  private Map<String, Object> importData(UUID id, long rows) {
    StudentImport job = apis.call(() -> apis.studentImports.getStudentImport(id));
    boolean done =
        job.getStatus() != null
            && (job.getStatus().getValue().equals("SUCCEEDED")
                || job.getStatus().getValue().equals("FAILED"));
    long read = job.getRowsRead() == null ? 0 : job.getRowsRead();
    long max = done ? Math.max(read, 1) : Math.max(rows, read);
    Map<String, Object> data = new HashMap<>();
    data.put("job", job);
    data.put("done", done);
    data.put("rows", rows);
    data.put("max", max);
    data.put("value", done ? max : read);
    data.put("percent", max == 0 ? 0 : Math.min(100, (done ? 100 : read * 100 / max)));
    return data;
  }

  /** Lines after the header of a CSV file: the progress bar's length (XLSX: unknown). */
  private static long countDataRows(java.nio.file.Path file) {
    try (var in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      long lines = 0;
      int last = '\n';
      for (int n; (n = in.read(buf)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
        last = buf[n - 1];
      }
      if (last != '\n') {
        lines++;
      }
      return Math.max(0, lines - 1);
    } catch (IOException e) {
      return 0;
    }
  }

  private Optional<Institution> myInstitution() {
    try {
      return Optional.of(apis.call(apis.institutions::getMyInstitution));
    } catch (ApiProblem p) {
      if (p.status() == 404) {
        return Optional.empty();
      }
      throw p;
    }
  }

  private TemplateInstance registrationForm(UriInfo uri, Map<String, String> typed, ApiProblem p) {
    Map<String, String> t = new LinkedHashMap<>(typed);
    t.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
    t.putIfAbsent("kind", "UNDERGRADUATE");
    Map<String, String> errors = new HashMap<>();
    if (p != null) {
      p.fields().forEach((k, v) -> errors.put(k.startsWith("profile.") ? k.substring(8) : k, v));
    }
    return pages.page(
        "university/register",
        uri,
        Map.of("typed", t, "kinds", InstitutionKind.values(), "errors", errors),
        p);
  }

  static List<GapSkill> nz(List<GapSkill> l) {
    return l == null ? new ArrayList<>() : l;
  }
}
