package org.qiao.portal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.qiao.client.matching.model.Diagnosis;
import org.qiao.client.matching.model.GapSkill;
import org.qiao.client.matching.model.MarketCell;
import org.qiao.client.matching.model.MarketStatistics;
import org.qiao.client.matching.model.SkillGapReport;
import org.qiao.portal.i18n.Texts;

/**
 * ECharts options (JSON, put in a chart's data-option) for the portal's charts. Every chart also
 * has a data table on its page: the chart is for the eye, the table for screen readers and
 * keyboards. Suppressed statistics cells are drawn as a hatched, labelled bar without a value.
 */
@Singleton
public class Charts {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String BLUE = "#0b5394";
  static final String GREEN = "#1b5e20";
  static final String RED = "#a4161a";
  static final String BROWN = "#7a3e00";

  /** The recruitment diagnosis as a funnel. */
  public String funnel(Diagnosis d, Locale l) {
    List<Map<String, Object>> data =
        List.of(
            Map.of(
                "name", Texts.text("funnel_hard", l), "value", nz(d.getPassingHardConstraints())),
            Map.of(
                "name", Texts.text("funnel_skills", l), "value", nz(d.getWithAllEssentialSkills())),
            Map.of("name", Texts.text("funnel_qualified", l), "value", nz(d.getQualified())));
    return json(
        Map.of(
            "title", Map.of("text", Texts.text("diagnosisFunnel", l)),
            "tooltip", Map.of("trigger", "item"),
            "series",
                List.of(
                    Map.of(
                        "type",
                        "funnel",
                        "sort",
                        "none",
                        "minSize",
                        "12%",
                        "left",
                        "5%",
                        "width",
                        "45%",
                        "label",
                        Map.of(
                            "show", true,
                            "position", "right",
                            "formatter", "{b}: {c}",
                            "color", "#1a1a1a"),
                        "color",
                        List.of(BLUE, GREEN, BROWN),
                        "data",
                        data))));
  }

  /** Demand weight per skill, split into what the course plans teach and what they do not. */
  public String skillGap(SkillGapReport r, Locale l) {
    List<Object[]> rows = new ArrayList<>();
    for (GapSkill s : UniversityPages.nz(r.getMissing())) {
      rows.add(new Object[] {s.getName(), s.getDemandWeight(), false});
    }
    for (GapSkill s : UniversityPages.nz(r.getCovered())) {
      rows.add(new Object[] {s.getName(), s.getDemandWeight(), true});
    }
    rows.sort((a, b) -> Long.compare((Long) b[1], (Long) a[1]));
    List<String> names = new ArrayList<>();
    List<Object> taught = new ArrayList<>();
    List<Object> missing = new ArrayList<>();
    for (Object[] row : rows.subList(0, Math.min(rows.size(), 25))) {
      names.add((String) row[0]);
      taught.add((Boolean) row[2] ? row[1] : 0);
      missing.add((Boolean) row[2] ? 0 : row[1]);
    }
    return json(
        Map.of(
            "title", Map.of("text", Texts.text("gapChartTitle", l)),
            "tooltip", Map.of("trigger", "axis"),
            "legend", Map.of("top", 28),
            "grid", Map.of("left", 8, "right", 16, "top", 64, "bottom", 8, "containLabel", true),
            "xAxis", Map.of("type", "category", "data", names, "axisLabel", Map.of("rotate", 30)),
            "yAxis", Map.of("type", "value", "name", Texts.text("demandWeight", l)),
            "series",
                List.of(
                    bar(Texts.text("gapTaught", l), taught, GREEN, "weight"),
                    bar(Texts.text("gapMissing", l), missing, RED, "weight"))));
  }

  /** Open positions and graduates per category; the suppressed cell is labelled, not counted. */
  public String market(MarketStatistics m, Locale l) {
    List<String> keys = new ArrayList<>();
    List<Object> positions = new ArrayList<>();
    List<Object> graduates = new ArrayList<>();
    for (MarketCell c : m.getCells()) {
      if (Boolean.TRUE.equals(c.getSuppressed())) {
        keys.add(Texts.text("suppressedCell", l));
        positions.add(suppressed());
        graduates.add(suppressed());
      } else {
        keys.add(c.getKey());
        positions.add(c.getOpenPositions());
        graduates.add(c.getGraduates());
      }
    }
    return json(
        Map.of(
            "title", Map.of("text", Texts.text("marketChartTitle", l)),
            "tooltip", Map.of("trigger", "axis"),
            "legend", Map.of("top", 28),
            "grid", Map.of("left", 8, "right", 16, "top", 64, "bottom", 8, "containLabel", true),
            "xAxis", Map.of("type", "category", "data", keys, "axisLabel", Map.of("rotate", 30)),
            "yAxis", Map.of("type", "value"),
            "series",
                List.of(
                    bar(Texts.text("openPositions", l), positions, BLUE, null),
                    bar(Texts.text("graduates", l), graduates, GREEN, null))));
  }

  /** Incidents per month (cells summed), with each month's suppressed cell marked. */
  public String incidents(
      List<org.qiao.client.internship.model.IncidentStatisticsCell> cells, Locale l) {
    Map<String, Long> shown = new TreeMap<>();
    Map<String, Boolean> hidden = new HashMap<>();
    for (var c : cells) {
      shown.putIfAbsent(c.getMonth(), 0L);
      if (Boolean.TRUE.equals(c.getSuppressed())) {
        hidden.put(c.getMonth(), true);
      } else if (c.getIncidents() != null) {
        shown.merge(c.getMonth(), c.getIncidents(), Long::sum);
      }
    }
    List<String> months = new ArrayList<>(shown.keySet());
    List<Object> values = new ArrayList<>();
    List<Object> marks = new ArrayList<>();
    for (String month : months) {
      values.add(shown.get(month));
      marks.add(hidden.containsKey(month) ? suppressed() : 0);
    }
    return json(
        Map.of(
            "title", Map.of("text", Texts.text("incidentChartTitle", l)),
            "tooltip", Map.of("trigger", "axis"),
            "legend", Map.of("top", 28),
            "grid", Map.of("left", 8, "right", 16, "top", 64, "bottom", 8, "containLabel", true),
            "xAxis", Map.of("type", "category", "data", months),
            "yAxis", Map.of("type", "value"),
            "series",
                List.of(
                    bar(Texts.text("incidents", l), values, BROWN, "m"),
                    bar(Texts.text("suppressedCell", l), marks, "#6b6b6b", "m"))));
  }

  /** A suppressed cell: a small grey hatched bar labelled ※, no value. */
  private static Map<String, Object> suppressed() {
    return Map.of(
        "value", 0,
        "label", Map.of("show", true, "position", "top", "formatter", "※", "color", "#4a4a4a"),
        "itemStyle", Map.of("color", "#6b6b6b", "decal", Map.of("symbol", "rect")));
  }

  private static Map<String, Object> bar(
      String name, List<Object> data, String color, String stack) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("type", "bar");
    s.put("data", data);
    s.put("itemStyle", Map.of("color", color));
    if (stack != null) {
      s.put("stack", stack);
    }
    return s;
  }

  private static int nz(Integer i) {
    return i == null ? 0 : i;
  }

  private static String json(Object option) {
    try {
      return JSON.writeValueAsString(option);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
