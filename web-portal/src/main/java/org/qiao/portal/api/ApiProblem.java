package org.qiao.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's answer that was not a success, as the portal shows it: the RFC 9457 problem's title
 * and detail, and the message for each named field (shown next to its input).
 */
public final class ApiProblem extends RuntimeException {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int status;
  private final String title;
  private final String detail;
  private final Map<String, String> fields;

  public ApiProblem(int status, String title, String detail, Map<String, String> fields) {
    super(status + " " + title, null, false, false);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fields = Map.copyOf(fields);
  }

  /** Reads a problem body; anything else (a proxy's HTML, nothing) becomes a plain status. */
  public static ApiProblem of(int status, String body) {
    if (status == 0) {
      return new ApiProblem(503, "服务暂时无法访问 / The service did not answer", null, Map.of());
    }
    try {
      JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
      if (node != null && node.isObject()) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode e : node.path("errors")) {
          fields.merge(
              e.path("field").asText(), e.path("message").asText(), (a, b) -> a + "; " + b);
        }
        return new ApiProblem(
            status,
            node.path("title").asText("HTTP " + status),
            node.hasNonNull("detail") ? node.get("detail").asText() : null,
            fields);
      }
    } catch (java.io.IOException e) {
      // not JSON: fall through
    }
    return new ApiProblem(status, "HTTP " + status, null, Map.of());
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  /** Field path (as the API names it, e.g. {@code skills[0].level}) → message. */
  public Map<String, String> fields() {
    return fields;
  }

  /**
   * The message for a field or any of its sub-fields ({@code skills} covers {@code
   * skills[0].level}).
   */
  public String field(String name) {
    StringBuilder out = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          if (k.equals(name) || k.startsWith(name + ".") || k.startsWith(name + "[")) {
            if (out.length() > 0) {
              out.append("; ");
            }
            out.append(k.equals(name) ? v : k + ": " + v);
          }
        });
    return out.length() == 0 ? null : out.toString();
  }
}
