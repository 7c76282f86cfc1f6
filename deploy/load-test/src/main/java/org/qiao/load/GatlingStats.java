package org.qiao.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gatling's own numbers for one run, read from the statistics table of its HTML report ({@code
 * index.html}; Gatling 3.14 writes no JSON stats and a binary {@code simulation.log}). Response
 * times are Gatling's, in whole milliseconds, over all requests of that name (OK and KO).
 */
final class GatlingStats {

  record Request(
      String name,
      long count,
      long ko,
      long min,
      long p50,
      long p95,
      long p99,
      long p999,
      long max,
      long mean) {}

  private static final Pattern HEADER =
      Pattern.compile("<th id=\"col-(\\d+)\"[^>]*><span>(?:<abbr[^>]*>)?([^<]+)<");
  private static final Pattern CELL =
      Pattern.compile("class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

  private final String html;
  private final Map<String, Integer> columns = new HashMap<>();

  private GatlingStats(String html) {
    this.html = html;
    Matcher m = HEADER.matcher(html);
    while (m.find()) {
      columns.put(m.group(2).trim(), Integer.parseInt(m.group(1)));
    }
  }

  static GatlingStats read(Path runDirectory) throws IOException {
    return new GatlingStats(Files.readString(runDirectory.resolve("index.html")));
  }

  Request request(String name) {
    String marker = "class=\"ellipsed-name\">" + escape(name) + "</span>";
    int at = html.indexOf(marker);
    if (at < 0) {
      throw new IllegalStateException("no request named '" + name + "' in Gatling's report");
    }
    String row = html.substring(at, html.indexOf("</tr>", at));
    Map<Integer, String> cells = new HashMap<>();
    Matcher m = CELL.matcher(row);
    while (m.find()) {
      cells.put(Integer.parseInt(m.group(1)), m.group(2).trim());
    }
    return new Request(
        name,
        value(cells, "Total"),
        value(cells, "KO"),
        value(cells, "Min"),
        value(cells, "50th pct"),
        value(cells, "95th pct"),
        value(cells, "99th pct"),
        value(cells, "99.9th pct"),
        value(cells, "Max"),
        value(cells, "Mean"));
  }

  private long value(Map<Integer, String> cells, String column) {
    Integer col = columns.get(column);
    if (col == null) {
      // The percentiles come from src/main/resources/gatling.conf.
      throw new IllegalStateException("Gatling's report has no column '" + column + "'");
    }
    String v = cells.getOrDefault(col, "-");
    return v.equals("-") ? 0 : Math.round(Double.parseDouble(v));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
