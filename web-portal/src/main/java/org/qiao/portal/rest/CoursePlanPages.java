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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qiao.client.curriculum.model.Course;
import org.qiao.client.curriculum.model.CourseContent;
import org.qiao.client.curriculum.model.CourseKind;
import org.qiao.client.curriculum.model.CoursePlan;
import org.qiao.client.curriculum.model.CoursePlanContent;
import org.qiao.client.curriculum.model.CoursePlanStatus;
import org.qiao.client.curriculum.model.MajorCatalogue;
import org.qiao.client.curriculum.model.PlanKind;
import org.qiao.client.curriculum.model.ProposalSubmission;
import org.qiao.client.curriculum.model.SkillLevel;
import org.qiao.client.curriculum.model.SkillLevelContent;
import org.qiao.portal.api.ApiProblem;
import org.qiao.portal.api.Apis;
import org.qiao.portal.session.CurrentRequest;
import org.qiao.portal.session.Persona;

/**
 * The university's course plans (drafted, edited while a draft, published; each course tagged with
 * the skills it teaches at a level) and its answers to training orders (a proposal names one of its
 * published plans).
 */
@Path("/university")
@Produces(MediaType.TEXT_HTML)
public class CoursePlanPages {

  /** Course rows on the plan form. */
  static final int COURSE_ROWS = 8;

  private static final Pattern SKILL = Pattern.compile("\\s*([^:：;；,，]+?)\\s*[:：]\\s*(\\S+)\\s*");

  private final Pages pages;
  private final Apis apis;
  private final CurrentRequest current;

  CoursePlanPages(Pages pages, Apis apis, CurrentRequest current) {
    this.pages = pages;
    this.apis = apis;
    this.current = current;
  }

  /** One course row of the plan form, as typed, with the API's messages for it. */
  public record CourseRow(int index, int number, Map<String, String> values, String error) {}

  @GET
  @Path("course-plans")
  public TemplateInstance plans(@Context UriInfo uri) {
    current.require(Persona.UNIVERSITY);
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("catalogue", "UNDERGRADUATE_2024");
    return form(uri, typed, null, null);
  }

  @POST
  @Path("course-plans")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response draft(@Context UriInfo uri, MultivaluedMap<String, String> form) {
    current.require(Persona.UNIVERSITY);
    Map<String, String> typed = Forms.typed(form);
    CoursePlanContent content = content(typed);
    return pages.submit(
        () ->
            "/university/course-plans/"
                + apis.call(
                        () ->
                            apis.coursePlans.draftCoursePlan(content, Forms.idempotencyKey(typed)))
                    .getId(),
        p -> form(uri, typed, p, null));
  }

  @GET
  @Path("course-plans/{id}")
  public TemplateInstance plan(@Context UriInfo uri, @PathParam("id") UUID id) {
    current.require(Persona.UNIVERSITY);
    CoursePlan plan = apis.call(() -> apis.coursePlans.getCoursePlan(id));
    if (plan.getStatus() == CoursePlanStatus.DRAFT
        && plan.getKind() == PlanKind.MAJOR
        && plan.getCourses().size() <= COURSE_ROWS) {
      return form(uri, typedFrom(plan), null, plan);
    }
    return pages.page("university/course-plan", uri, Map.of("plan", plan));
  }

  /** Saves the draft as typed (If-Match: the version the form showed). */
  @POST
  @Path("course-plans/{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response edit(
      @Context UriInfo uri, @PathParam("id") UUID id, MultivaluedMap<String, String> form) {
    current.require(Persona.UNIVERSITY);
    Map<String, String> typed = Forms.typed(form);
    String ifMatch = "\"" + Forms.integer(typed.get("version")) + "\"";
    CoursePlanContent content = content(typed);
    boolean publish = "publish".equals(typed.get("action"));
    return pages.submit(
        () -> {
          CoursePlan saved = apis.call(() -> apis.coursePlans.editCoursePlan(id, ifMatch, content));
          // Saved: if publishing fails now, the form shown again carries the saved version.
          typed.put("version", saved.getVersion().toString());
          if (publish) {
            apis.call(
                () -> apis.coursePlans.publishCoursePlan(id, "\"" + saved.getVersion() + "\""));
          }
          return "/university/course-plans/" + id;
        },
        p -> form(uri, typed, p, apis.call(() -> apis.coursePlans.getCoursePlan(id))));
  }

  @GET
  @Path("training-orders")
  public TemplateInstance trainingOrders(@Context UriInfo uri) {
    current.require(Persona.UNIVERSITY);
    return ordersPage(uri, Map.of(), null);
  }

  @POST
  @Path("proposals")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response propose(@Context UriInfo uri, MultivaluedMap<String, String> form) {
    current.require(Persona.UNIVERSITY);
    Map<String, String> typed = Forms.typed(form);
    ProposalSubmission body =
        new ProposalSubmission()
            .trainingOrderId(uuid(typed.get("trainingOrderId")))
            .coursePlanId(uuid(typed.get("coursePlanId")))
            .capacity(Forms.integer(typed.get("capacity")))
            .summary(Forms.blankToNull(typed.get("summary")));
    return pages.submit(
        () -> {
          apis.call(() -> apis.proposals.submitProposal(body, Forms.idempotencyKey(typed)));
          return "/university/training-orders";
        },
        p -> ordersPage(uri, typed, p));
  }

  private TemplateInstance ordersPage(UriInfo uri, Map<String, String> typed, ApiProblem p) {
    var orders =
        apis.call(() -> apis.openTrainingOrders.listOpenTrainingOrders(null, null, 50, null, null));
    var proposals = apis.call(() -> apis.proposals.listProposals(null, 50, null, null));
    var plans =
        apis.call(
            () ->
                apis.coursePlans.listCoursePlans(
                    null, null, 100, null, CoursePlanStatus.PUBLISHED));
    return pages.page(
        "university/training-orders",
        uri,
        Map.of(
            "orders", orders,
            "proposals", proposals,
            "plans", plans,
            "typed", typed,
            "errors", p == null ? Map.of() : p.fields()),
        p);
  }

  private TemplateInstance form(
      UriInfo uri, Map<String, String> typed, ApiProblem p, CoursePlan draft) {
    Map<String, String> t = new LinkedHashMap<>(typed);
    t.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
    Map<String, String> errors = new HashMap<>();
    Map<Integer, String> courseErrors = new HashMap<>();
    if (p != null) {
      p.fields()
          .forEach(
              (k, v) -> {
                Matcher m = Pattern.compile("courses\\[(\\d+)]\\.?(.*)").matcher(k);
                if (m.matches()) {
                  // courses[k] is the k-th filled row: empty rows are not sent
                  int row =
                      filledRows(t).size() > Integer.parseInt(m.group(1))
                          ? filledRows(t).get(Integer.parseInt(m.group(1)))
                          : Integer.parseInt(m.group(1));
                  courseErrors.merge(row, m.group(2) + ": " + v, (a, b) -> a + "; " + b);
                } else {
                  errors.merge(k, v, (a, b) -> a + "; " + b);
                }
              });
    }
    List<CourseRow> rows = new ArrayList<>();
    for (int i = 0; i < COURSE_ROWS; i++) {
      Map<String, String> values = new HashMap<>();
      for (String f :
          List.of("Code", "Name", "Kind", "Hours", "Credits", "Term", "Skills", "Mentor")) {
        values.put(f, t.getOrDefault("course" + i + f, f.equals("Kind") ? "THEORY" : ""));
      }
      rows.add(new CourseRow(i, i + 1, values, courseErrors.get(i)));
    }
    var plans = apis.call(() -> apis.coursePlans.listCoursePlans(null, null, 100, null, null));
    Map<String, Object> data = new HashMap<>();
    data.put("typed", t);
    data.put("errors", errors);
    data.put("rows", rows);
    data.put("plans", plans);
    data.put("draft", draft);
    data.put("catalogues", MajorCatalogue.values());
    data.put("courseKinds", CourseKind.values());
    return pages.page("university/course-plans", uri, data, p);
  }

  private static Map<String, String> typedFrom(CoursePlan plan) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("title", plan.getTitle());
    t.put("majorCode", plan.getMajorCode() == null ? "" : plan.getMajorCode());
    t.put("cohortYear", plan.getCohortYear() == null ? "" : plan.getCohortYear().toString());
    t.put("catalogue", plan.getCatalogue() == null ? "" : plan.getCatalogue().getValue());
    t.put("version", plan.getVersion().toString());
    int i = 0;
    for (Course c : plan.getCourses()) {
      if (i >= COURSE_ROWS) {
        break;
      }
      t.put("course" + i + "Code", c.getCode());
      t.put("course" + i + "Name", c.getName());
      t.put("course" + i + "Kind", c.getKind().getValue());
      t.put("course" + i + "Hours", c.getHours() == null ? "" : c.getHours().toString());
      t.put("course" + i + "Mentor", Boolean.TRUE.equals(c.getWithEnterpriseMentor()) ? "on" : "");
      t.put("course" + i + "Credits", c.getCredits() == null ? "" : c.getCredits().toPlainString());
      t.put("course" + i + "Term", c.getTerm() == null ? "" : c.getTerm().toString());
      StringBuilder skills = new StringBuilder();
      for (SkillLevel s : c.getSkills()) {
        skills
            .append(skills.length() == 0 ? "" : "; ")
            .append(s.getName())
            .append(':')
            .append(s.getLevel());
      }
      t.put("course" + i + "Skills", skills.toString());
      i++;
    }
    return t;
  }

  /** The plan as typed: a MAJOR plan; empty course rows are left out, the rest sent as typed. */
  static CoursePlanContent content(Map<String, String> typed) {
    List<CourseContent> courses = new ArrayList<>();
    for (int i : filledRows(typed)) {
      CourseContent c =
          new CourseContent()
              .code(Forms.blankToNull(typed.get("course" + i + "Code")))
              .name(Forms.blankToNull(typed.get("course" + i + "Name")))
              .hours(Forms.integer(typed.get("course" + i + "Hours")))
              .term(Forms.integer(typed.get("course" + i + "Term")))
              .credits(decimal(typed.get("course" + i + "Credits")))
              .withEnterpriseMentor("on".equals(typed.get("course" + i + "Mentor")));
      for (CourseKind k : CourseKind.values()) {
        if (k.getValue().equals(typed.get("course" + i + "Kind"))) {
          c.kind(k);
        }
      }
      List<SkillLevelContent> skills = new ArrayList<>();
      for (String part : typed.getOrDefault("course" + i + "Skills", "").split("[;；]")) {
        if (part.isBlank()) {
          continue;
        }
        Matcher m = SKILL.matcher(part);
        skills.add(
            m.matches()
                ? new SkillLevelContent().name(m.group(1)).level(Forms.integer(m.group(2)))
                : new SkillLevelContent().name(part.strip()).level(3));
      }
      courses.add(c.skills(skills));
    }
    CoursePlanContent content =
        new CoursePlanContent()
            .kind(PlanKind.MAJOR)
            .title(Forms.blankToNull(typed.get("title")))
            .majorCode(Forms.blankToNull(typed.get("majorCode")))
            .cohortYear(Forms.integer(typed.get("cohortYear")))
            .courses(courses);
    for (MajorCatalogue c : MajorCatalogue.values()) {
      if (c.getValue().equals(typed.get("catalogue"))) {
        content.catalogue(c);
      }
    }
    return content;
  }

  static List<Integer> filledRows(Map<String, String> typed) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < COURSE_ROWS; i++) {
      if (!typed.getOrDefault("course" + i + "Code", "").isBlank()
          || !typed.getOrDefault("course" + i + "Name", "").isBlank()) {
        rows.add(i);
      }
    }
    return rows;
  }

  private static BigDecimal decimal(String s) {
    try {
      return s == null || s.isBlank() ? null : new BigDecimal(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static UUID uuid(String s) {
    try {
      return s == null ? null : UUID.fromString(s.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
