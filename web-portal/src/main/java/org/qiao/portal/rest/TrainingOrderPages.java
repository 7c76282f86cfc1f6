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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.qiao.client.matching.model.InstitutionMatch;
import org.qiao.client.talentdemand.model.Award;
import org.qiao.client.talentdemand.model.Proposal;
import org.qiao.client.talentdemand.model.Skill;
import org.qiao.client.talentdemand.model.TrainingOrder;
import org.qiao.client.talentdemand.model.TrainingOrderRequest;
import org.qiao.portal.api.ApiProblem;
import org.qiao.portal.api.Apis;
import org.qiao.portal.i18n.Texts;
import org.qiao.portal.session.CurrentRequest;
import org.qiao.portal.session.Persona;

/**
 * Order-style training (订单式培养) for the enterprise: post an order, then compare the universities'
 * proposals side by side (capacity, summary, how much of the ordered skills their course plans
 * teach, from matching-service's ranking of institutions) and award one or more.
 */
@Path("/enterprise/training-orders")
@Produces(MediaType.TEXT_HTML)
public class TrainingOrderPages {

  private final Pages pages;
  private final Apis apis;
  private final CurrentRequest current;

  TrainingOrderPages(Pages pages, Apis apis, CurrentRequest current) {
    this.pages = pages;
    this.apis = apis;
    this.current = current;
  }

  /** One proposal beside the others: what the university offers and what its plans teach. */
  public record ProposalRow(Proposal proposal, Double coveragePercent, Integer rank) {}

  @GET
  public TemplateInstance orders(@Context UriInfo uri) {
    current.require(Persona.ENTERPRISE);
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("cohortYear", Integer.toString(LocalDate.now(Texts.CHINA).getYear() + 1));
    typed.put("headcount", "30");
    typed.put("proposalDeadline", LocalDate.now(Texts.CHINA).plusMonths(1).toString());
    return form(uri, typed, null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response place(@Context UriInfo uri, MultivaluedMap<String, String> form) {
    current.require(Persona.ENTERPRISE);
    Map<String, String> typed = Forms.typed(form);
    TrainingOrderRequest body =
        new TrainingOrderRequest()
            .title(Forms.blankToNull(typed.get("title")))
            .cohortYear(Forms.integer(typed.get("cohortYear")))
            .headcount(Forms.integer(typed.get("headcount")))
            .majorCodes(Forms.words(typed.get("majorCodes")))
            .targetUniversities(Forms.words(typed.get("targetUniversities")))
            .proposalDeadline(Forms.date(typed.get("proposalDeadline")))
            .description(Forms.blankToNull(typed.get("description")));
    List<Skill> skills = new ArrayList<>();
    for (String name : Forms.words(typed.get("skills"))) {
      skills.add(new Skill().name(name).level(3).essential(true));
    }
    body.skills(skills);
    return pages.submit(
        () ->
            "/enterprise/training-orders/"
                + apis.call(
                        () ->
                            apis.trainingOrders.placeTrainingOrder(
                                body, Forms.idempotencyKey(typed)))
                    .getId(),
        p -> form(uri, typed, p));
  }

  @GET
  @Path("{id}")
  public TemplateInstance order(@Context UriInfo uri, @PathParam("id") UUID id) {
    current.require(Persona.ENTERPRISE);
    return orderPage(uri, id, Map.of(), null);
  }

  @POST
  @Path("{id}/awards")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response award(
      @Context UriInfo uri, @PathParam("id") UUID id, MultivaluedMap<String, String> form) {
    current.require(Persona.ENTERPRISE);
    Map<String, String> typed = Forms.typed(form);
    Award award =
        new Award()
            .proposalId(UUID.fromString(typed.getOrDefault("proposalId", "").strip()))
            .capacity(Forms.integer(typed.get("capacity")));
    String ifMatch = "\"" + Forms.integer(typed.get("version")) + "\"";
    return pages.submit(
        () -> {
          apis.call(
              () ->
                  apis.trainingOrders.awardTrainingOrder(
                      id, ifMatch, award, Forms.idempotencyKey(typed)));
          return "/enterprise/training-orders/" + id;
        },
        p -> orderPage(uri, id, typed, p));
  }

  private TemplateInstance orderPage(
      UriInfo uri, UUID id, Map<String, String> typed, ApiProblem problem) {
    TrainingOrder order = apis.call(() -> apis.trainingOrders.getTrainingOrder(id));
    List<Proposal> proposals = apis.call(() -> apis.trainingOrders.listTrainingOrderProposals(id));
    Map<String, InstitutionMatch> byInstitution = new HashMap<>();
    try {
      var matches = apis.call(() -> apis.trainingOrderMatches.rankInstitutionsForTrainingOrder(id));
      for (InstitutionMatch m : matches.getInstitutions()) {
        byInstitution.put(m.getInstitutionCode(), m);
      }
    } catch (ApiProblem p) {
      if (p.status() != 404) {
        throw p;
      }
      // matching-service has not read the order yet: proposals are shown without coverage.
    }
    List<ProposalRow> rows = new ArrayList<>();
    for (Proposal p : proposals) {
      InstitutionMatch m = byInstitution.get(p.getUniversityCode());
      rows.add(
          new ProposalRow(
              p, m == null ? null : m.getCoveragePercent(), m == null ? null : m.getRank()));
    }
    rows.sort(
        (a, b) ->
            Double.compare(
                b.coveragePercent() == null ? -1 : b.coveragePercent(),
                a.coveragePercent() == null ? -1 : a.coveragePercent()));
    return pages.page(
        "enterprise/training-order",
        uri,
        Map.of("order", order, "rows", rows, "typed", typed),
        problem);
  }

  private TemplateInstance form(UriInfo uri, Map<String, String> typed, ApiProblem p) {
    Map<String, String> t = new LinkedHashMap<>(typed);
    t.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
    Map<String, String> errors = new HashMap<>();
    if (p != null) {
      p.fields()
          .forEach(
              (k, v) -> errors.merge(k.replaceAll("\\[\\d+].*$", ""), v, (a, b) -> a + "; " + b));
    }
    List<TrainingOrder> orders =
        apis.call(() -> apis.trainingOrders.listTrainingOrders(null, 50, null));
    return pages.page(
        "enterprise/training-orders",
        uri,
        Map.of("typed", t, "errors", errors, "orders", orders),
        p);
  }
}
