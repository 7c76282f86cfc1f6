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
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.qiao.client.talentdemand.model.Degree;
import org.qiao.client.talentdemand.model.Demand;
import org.qiao.client.talentdemand.model.DemandRequest;
import org.qiao.client.talentdemand.model.DemandTemplate;
import org.qiao.client.talentdemand.model.Enterprise;
import org.qiao.client.talentdemand.model.EnterpriseProfile;
import org.qiao.client.talentdemand.model.EnterpriseRegistration;
import org.qiao.client.talentdemand.model.InvitationRequest;
import org.qiao.client.talentdemand.model.SizeClass;
import org.qiao.client.talentdemand.model.Skill;
import org.qiao.kit.codes.CreditCodes;
import org.qiao.portal.api.ApiProblem;
import org.qiao.portal.api.Apis;
import org.qiao.portal.i18n.Texts;
import org.qiao.portal.session.CurrentRequest;
import org.qiao.portal.session.Persona;
import org.qiao.portal.session.PortalSession;

/**
 * The SME's pages: register the enterprise (credit code checked as it is typed), post a demand from
 * an occupation template (skills suggested in Chinese and English), its ranked candidates with each
 * explanation, the recruitment diagnosis as a funnel with its relaxations, invitations and
 * applications.
 */
@Path("/enterprise")
@Produces(MediaType.TEXT_HTML)
public class EnterprisePages {

  /** Skill rows on the demand form: the template's skills and room for more. */
  static final int SKILL_ROWS = 8;

  private final Pages pages;
  private final Apis apis;
  private final CurrentRequest current;
  private final Charts charts;

  EnterprisePages(Pages pages, Apis apis, CurrentRequest current, Charts charts) {
    this.pages = pages;
    this.apis = apis;
    this.current = current;
    this.charts = charts;
  }

  @GET
  public TemplateInstance home(@Context UriInfo uri) {
    PortalSession me = current.require(Persona.ENTERPRISE);
    Optional<Enterprise> enterprise = myEnterprise();
    if (enterprise.isEmpty()) {
      return registrationForm(uri, Map.of("creditCode", me.org()), null);
    }
    List<Demand> demands =
        apis.call(
            () ->
                apis.demands.searchDemands(
                    null, null, enterprise.get().getId(), 50, null, null, null, null));
    return pages.page(
        "enterprise/home", uri, Map.of("enterprise", enterprise.get(), "demands", demands));
  }

  /**
   * The live check under the credit-code input (htmx): GB 32100-2015, as talent-demand checks it.
   */
  @GET
  @Path("credit-code-check")
  public TemplateInstance creditCodeCheck(@QueryParam("creditCode") String creditCode) {
    current.require(Persona.ENTERPRISE);
    String code = creditCode == null ? "" : creditCode.strip().toUpperCase(java.util.Locale.ROOT);
    String problem = code.isEmpty() ? null : CreditCodes.problemWith(code);
    return pages.page(
        "enterprise/credit-code-check",
        null,
        Map.of(
            "empty",
            code.isEmpty(),
            "valid",
            !code.isEmpty() && problem == null,
            "reason",
            problem == null ? "" : problem));
  }

  @POST
  @Path("registration")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Object register(@Context UriInfo uri, MultivaluedMap<String, String> form) {
    current.require(Persona.ENTERPRISE);
    Map<String, String> typed = Forms.typed(form);
    EnterpriseProfile profile =
        new EnterpriseProfile()
            .name(Forms.blankToNull(typed.get("name")))
            .industry(Forms.blankToNull(typed.get("industry")))
            .contactName(Forms.blankToNull(typed.get("contactName")))
            .contactPhone(Forms.blankToNull(typed.get("contactPhone")))
            .contactEmail(Forms.blankToNull(typed.get("contactEmail")));
    String size = typed.getOrDefault("sizeClass", "");
    for (SizeClass c : SizeClass.values()) {
      if (c.getValue().equals(size)) {
        profile.sizeClass(c);
      }
    }
    EnterpriseRegistration body =
        new EnterpriseRegistration()
            .creditCode(Forms.blankToNull(typed.get("creditCode")))
            .profile(profile);
    return pages.submit(
        () -> {
          apis.call(() -> apis.enterprises.registerEnterprise(body, Forms.idempotencyKey(typed)));
          return "/enterprise";
        },
        p -> registrationForm(uri, typed, p));
  }

  @GET
  @Path("demands/new")
  public TemplateInstance newDemand(@Context UriInfo uri, @QueryParam("template") String template) {
    current.require(Persona.ENTERPRISE);
    List<DemandTemplate> templates = apis.call(apis.demandTemplates::listDemandTemplates);
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("employmentType", "FULL_TIME");
    typed.put("headcount", "1");
    typed.put("validThrough", LocalDate.now(Texts.CHINA).plusMonths(3).toString());
    Optional<DemandTemplate> chosen =
        templates.stream().filter(t -> t.getOccupationCode().equals(template)).findFirst();
    chosen.ifPresent(t -> prefill(typed, t));
    return demandForm(uri, templates, typed, null);
  }

  @POST
  @Path("demands")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Object postDemand(@Context UriInfo uri, MultivaluedMap<String, String> form) {
    current.require(Persona.ENTERPRISE);
    Map<String, String> typed = Forms.typed(form);
    DemandRequest body = demandRequest(typed);
    return pages.submit(
        () ->
            "/enterprise/demands/"
                + apis.call(() -> apis.demands.createDemand(body, Forms.idempotencyKey(typed)))
                    .getId(),
        p -> demandForm(uri, apis.call(apis.demandTemplates::listDemandTemplates), typed, p));
  }

  /** Skill suggestions for one skill input (htmx fills its datalist). */
  @GET
  @Path("skills")
  public TemplateInstance skills(@Context UriInfo uri, @QueryParam("row") int row) {
    current.require(Persona.ENTERPRISE);
    String q = uri.getQueryParameters().getFirst("skill" + row + "Name");
    String query = q == null ? "" : q.strip();
    var suggestions =
        query.isEmpty() || query.length() > 100
            ? List.of()
            : apis.call(() -> apis.skills.suggestSkills(query, 10));
    return pages.page("enterprise/skill-options", null, Map.of("suggestions", suggestions));
  }

  @GET
  @Path("demands/{id}")
  public TemplateInstance demand(
      @Context UriInfo uri, @PathParam("id") UUID id, @QueryParam("invited") String invited) {
    current.require(Persona.ENTERPRISE);
    Demand demand = apis.call(() -> apis.demands.getDemand(id));
    Map<String, Object> data = new HashMap<>();
    data.put("demand", demand);
    data.put("invited", invited == null ? "" : invited);
    try {
      var matches = apis.call(() -> apis.publishedDemands.rankStudentsForDemand(id, null, 20));
      var diagnosis = apis.call(() -> apis.publishedDemands.diagnoseDemand(id, null));
      data.put("matches", matches);
      data.put("diagnosis", diagnosis);
      data.put("funnel", charts.funnel(diagnosis, current.locale()));
      data.put("pending", false);
    } catch (ApiProblem p) {
      if (p.status() != 404) {
        throw p;
      }
      // matching-service has not read the demand's event yet (or it is a draft): say so, retry.
      data.put("pending", true);
    }
    data.put(
        "applications", apis.call(() -> apis.demands.listDemandApplications(id, null, 50, null)));
    return pages.page("enterprise/demand", uri, data);
  }

  @POST
  @Path("demands/{id}/invitations")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response invite(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
    current.require(Persona.ENTERPRISE);
    Map<String, String> typed = Forms.typed(form);
    String student = typed.getOrDefault("studentId", "");
    apis.call(
        () ->
            apis.demands.inviteStudent(
                id, new InvitationRequest().studentId(student), Forms.idempotencyKey(typed)));
    return Response.seeOther(
            URI.create(
                "/enterprise/demands/"
                    + id
                    + "?invited="
                    + java.net.URLEncoder.encode(student, java.nio.charset.StandardCharsets.UTF_8)
                    + "#applications"))
        .build();
  }

  private Optional<Enterprise> myEnterprise() {
    try {
      return Optional.of(apis.call(apis.enterprises::getMyEnterprise));
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
    return pages.page(
        "enterprise/register",
        uri,
        Map.of("typed", t, "sizeClasses", SizeClass.values(), "errors", errors(p, List.of())),
        p);
  }

  private TemplateInstance demandForm(
      UriInfo uri, List<DemandTemplate> templates, Map<String, String> typed, ApiProblem p) {
    Map<String, String> t = new LinkedHashMap<>(typed);
    t.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
    Map<String, String> errors = errors(p, filledSkillRows(t));
    List<SkillRow> rows = new ArrayList<>();
    for (int i = 0; i < SKILL_ROWS; i++) {
      rows.add(
          new SkillRow(
              i,
              i + 1,
              t.getOrDefault("skill" + i + "Name", ""),
              t.getOrDefault("skill" + i + "Level", "3"),
              "on".equals(t.get("skill" + i + "Essential")),
              errors.get("skill" + i + "Name"),
              errors.get("skill" + i + "Level")));
    }
    return pages.page(
        "enterprise/demand-form",
        uri,
        Map.of(
            "templates",
            templates,
            "typed",
            t,
            "rows",
            rows,
            "degrees",
            Degree.values(),
            "employmentTypes",
            org.qiao.client.talentdemand.model.EmploymentType.values(),
            "errors",
            errors),
        p);
  }

  /** One skill row of the demand form, as typed, with the API's messages for it. */
  public record SkillRow(
      int index,
      int number,
      String name,
      String level,
      boolean essential,
      String nameError,
      String levelError) {}

  /** The API's field errors by the form's input names (skills[2].name → skill2Name, ...). */
  static Map<String, String> errors(ApiProblem p, List<Integer> skillRows) {
    Map<String, String> out = new HashMap<>();
    if (p == null) {
      return out;
    }
    p.fields()
        .forEach(
            (field, message) -> {
              String key = field;
              var m = java.util.regex.Pattern.compile("skills\\[(\\d+)]\\.?(\\w*)").matcher(field);
              if (m.matches()) {
                // skills[k] is the k-th filled row: empty rows are not sent
                int k = Integer.parseInt(m.group(1));
                int row = k < skillRows.size() ? skillRows.get(k) : k;
                key = "skill" + row + (m.group(2).isEmpty() ? "Name" : capitalise(m.group(2)));
              } else if (field.startsWith("profile.")) {
                key = field.substring("profile.".length());
              } else if (field.startsWith("majorCodes")) {
                key = "majorCodes";
              }
              out.merge(key, message, (a, b) -> a + "; " + b);
            });
    return out;
  }

  /** The form rows with a skill name, in order: skills[k] of the request is row get(k). */
  static List<Integer> filledSkillRows(Map<String, String> typed) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < SKILL_ROWS; i++) {
      if (!typed.getOrDefault("skill" + i + "Name", "").isBlank()) {
        rows.add(i);
      }
    }
    return rows;
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static void prefill(Map<String, String> typed, DemandTemplate t) {
    typed.put("template", t.getOccupationCode());
    typed.put("occupationCode", t.getOccupationCode());
    typed.put("title", t.getOccupationName());
    typed.put("majorCodes", String.join(" ", t.getMajorCodes()));
    if (t.getMinimumDegree() != null) {
      typed.put("minimumDegree", t.getMinimumDegree().getValue());
    }
    int i = 0;
    for (Skill s : t.getEssentialSkills()) {
      if (i < SKILL_ROWS) {
        skillRow(typed, i++, s, true);
      }
    }
    for (Skill s : t.getOptionalSkills()) {
      if (i < SKILL_ROWS) {
        skillRow(typed, i++, s, false);
      }
    }
  }

  private static void skillRow(Map<String, String> typed, int i, Skill s, boolean essential) {
    typed.put("skill" + i + "Name", s.getName());
    typed.put("skill" + i + "Level", s.getLevel() == null ? "3" : s.getLevel().toString());
    if (essential) {
      typed.put("skill" + i + "Essential", "on");
    }
  }

  /**
   * The request as typed: empty skill rows are left out; the rest goes as is, so the API names what
   * is wrong (row numbers are the form's rows that were filled in).
   */
  static DemandRequest demandRequest(Map<String, String> typed) {
    List<Skill> skills = new ArrayList<>();
    for (int i = 0; i < SKILL_ROWS; i++) {
      String name = typed.getOrDefault("skill" + i + "Name", "");
      if (!name.isBlank()) {
        skills.add(
            new Skill()
                .name(name)
                .level(Forms.integer(typed.get("skill" + i + "Level")))
                .essential("on".equals(typed.get("skill" + i + "Essential"))));
      }
    }
    List<String> majors = Forms.words(typed.get("majorCodes"));
    DemandRequest r =
        new DemandRequest()
            .title(Forms.blankToNull(typed.get("title")))
            .occupationCode(Forms.blankToNull(typed.get("occupationCode")))
            .majorCodes(majors)
            .skills(skills)
            .headcount(Forms.integer(typed.get("headcount")))
            .city(Forms.blankToNull(typed.get("city")))
            .description(Forms.blankToNull(typed.get("description")))
            .salaryMin(Forms.integer(typed.get("salaryMin")))
            .salaryMax(Forms.integer(typed.get("salaryMax")))
            .validThrough(Forms.date(typed.get("validThrough")))
            .publish(true);
    for (Degree d : Degree.values()) {
      if (d.getValue().equals(typed.get("minimumDegree"))) {
        r.minimumDegree(d);
      }
    }
    for (var e : org.qiao.client.talentdemand.model.EmploymentType.values()) {
      if (e.getValue().equals(typed.get("employmentType"))) {
        r.employmentType(e);
      }
    }
    return r;
  }
}
