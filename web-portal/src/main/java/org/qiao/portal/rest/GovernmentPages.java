package org.qiao.portal.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qiao.client.matching.model.Dimension;
import org.qiao.portal.api.ApiProblem;
import org.qiao.portal.api.Apis;
import org.qiao.portal.i18n.Texts;
import org.qiao.portal.session.CurrentRequest;
import org.qiao.portal.session.Persona;

/**
 * Government's pages: market statistics with placements (by major class, occupation or city, for a
 * graduation year and snapshot day) and internship incidents, as charts with their tables, the
 * suppressed cells marked, and the same figures as CSV.
 */
@Path("/government")
@Produces(MediaType.TEXT_HTML)
public class GovernmentPages {

  private final Pages pages;
  private final Apis apis;
  private final CurrentRequest current;
  private final Charts charts;

  GovernmentPages(Pages pages, Apis apis, CurrentRequest current, Charts charts) {
    this.pages = pages;
    this.apis = apis;
    this.current = current;
    this.charts = charts;
  }

  @GET
  public TemplateInstance market(
      @Context UriInfo uri,
      @QueryParam("by") String by,
      @QueryParam("graduationYear") String year,
      @QueryParam("date") String date) {
    current.require(Persona.GOVERNMENT);
    Map<String, String> typed = filters(by, year, date);
    Map<String, Object> data = new HashMap<>();
    data.put("typed", typed);
    data.put("dimensions", Dimension.values());
    data.put("csv", "/government/market.csv?" + query(typed));
    try {
      var stats =
          apis.call(
              () ->
                  apis.marketStatistics.getMarketStatistics(
                      typed.get("by"),
                      Forms.blankToNull(typed.get("date")),
                      Forms.integer(typed.get("graduationYear"))));
      data.put("stats", stats);
      data.put("chart", charts.market(stats, current.locale()));
      data.put("errors", Map.of());
      return pages.page("government/market", uri, data);
    } catch (ApiProblem p) {
      if (p.status() != 400 && p.status() != 404) {
        throw p;
      }
      data.put("stats", null);
      data.put("errors", p.fields());
      data.put("none", p.status() == 404);
      return pages.page("government/market", uri, data, p.status() == 404 ? null : p);
    }
  }

  @GET
  @Path("market.csv")
  @Produces("text/csv")
  public Response marketCsv(
      @QueryParam("by") String by,
      @QueryParam("graduationYear") String year,
      @QueryParam("date") String date) {
    current.require(Persona.GOVERNMENT);
    Map<String, String> typed = filters(by, year, date);
    var file =
        apis.call(
            () ->
                apis.marketStatistics.downloadMarketStatistics(
                    typed.get("by"),
                    Forms.blankToNull(typed.get("date")),
                    Forms.integer(typed.get("graduationYear"))));
    return Downloads.csv(file, "market-statistics-" + typed.get("by") + ".csv");
  }

  @GET
  @Path("incidents")
  public TemplateInstance incidents(
      @Context UriInfo uri, @QueryParam("from") String from, @QueryParam("to") String to) {
    current.require(Persona.GOVERNMENT);
    Map<String, String> typed = period(from, to);
    Map<String, Object> data = new HashMap<>();
    data.put("typed", typed);
    data.put(
        "csv",
        "/government/incidents.csv?from="
            + java.net.URLEncoder.encode(typed.get("from"), java.nio.charset.StandardCharsets.UTF_8)
            + "&to="
            + java.net.URLEncoder.encode(typed.get("to"), java.nio.charset.StandardCharsets.UTF_8));
    try {
      var stats =
          apis.call(
              () -> apis.incidents.incidentStatistics(typed.get("from"), typed.get("to"), null));
      data.put("stats", stats);
      data.put("chart", charts.incidents(stats.getCells(), current.locale()));
      data.put("errors", Map.of());
      return pages.page("government/incidents", uri, data);
    } catch (ApiProblem p) {
      if (p.status() != 400 && p.status() != 404) {
        throw p;
      }
      data.put("stats", null);
      data.put("errors", p.fields());
      data.put("none", p.status() == 404);
      return pages.page("government/incidents", uri, data, p.status() == 404 ? null : p);
    }
  }

  @GET
  @Path("incidents.csv")
  @Produces("text/csv")
  public Response incidentsCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
    current.require(Persona.GOVERNMENT);
    Map<String, String> typed = period(from, to);
    var file =
        apis.call(
            () ->
                apis.incidents.downloadIncidentStatistics(
                    typed.get("from"), typed.get("to"), null));
    return Downloads.csv(
        file, "incident-statistics-" + typed.get("from") + "-" + typed.get("to") + ".csv");
  }

  private static Map<String, String> filters(String by, String year, String date) {
    Map<String, String> typed = new HashMap<>();
    String dimension = Dimension.MAJOR_CLASS.getValue();
    for (Dimension d : Dimension.values()) {
      if (d.getValue().equals(by)) {
        dimension = d.getValue();
      }
    }
    typed.put("by", dimension);
    typed.put("graduationYear", year == null ? "" : year.strip());
    typed.put("date", date == null ? "" : date.strip());
    return typed;
  }

  /** The months to show: by default the twelve up to this one, in China time. */
  private static Map<String, String> period(String from, String to) {
    LocalDate today = LocalDate.now(Texts.CHINA);
    Map<String, String> typed = new HashMap<>();
    typed.put(
        "from",
        from == null || from.isBlank()
            ? today.minusMonths(11).withDayOfMonth(1).toString()
            : from.strip());
    typed.put("to", to == null || to.isBlank() ? today.toString() : to.strip());
    return typed;
  }

  private static String query(Map<String, String> typed) {
    StringBuilder q = new StringBuilder();
    for (String k : List.of("by", "graduationYear", "date")) {
      if (!typed.get(k).isEmpty()) {
        q.append(q.length() == 0 ? "" : "&")
            .append(k)
            .append('=')
            .append(
                java.net.URLEncoder.encode(typed.get(k), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return q.toString();
  }
}
