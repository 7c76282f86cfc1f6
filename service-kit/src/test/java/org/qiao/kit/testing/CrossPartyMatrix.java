package org.qiao.kit.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cross-party matrix, generated from the committed OpenAPI document: every operation with an id
 * in its path, called by every role (enterprise, university, student, mentor, government, admin)
 * acting for another organisation or as another person on objects the service's test made for an
 * owner, must answer 404 or 403 and change no table. The test names one object per path segment
 * ({@code object("internships", id, ownerToken)} fills {@code /internships/{id}}); an id-bearing
 * operation without one fails the test, so an operation a service adds is covered or named.
 *
 * <p>A call the contract means to succeed across organisations (a public read of a published
 * object, a platform-wide role such as admin) is listed with its reason and not sent.
 */
public final class CrossPartyMatrix {

  /** The platform's roles (JWT groups). */
  public static final List<String> ROLES =
      List.of("enterprise", "university", "student", "mentor", "government", "admin");

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final Pattern PARAM = Pattern.compile("([^/]+)/\\{([^}]+)}");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final ContractFuzz schemas;
  private final Map<String, Owned> objects = new LinkedHashMap<>();
  private final Map<String, Caller> callers = new LinkedHashMap<>();
  private final Map<String, String> allowed = new TreeMap<>();
  private final Set<String> unusedAllowed = new java.util.TreeSet<>();

  private record Owned(String id, String ownerToken) {}

  private record Caller(String label, String role, String token) {}

  private CrossPartyMatrix(ContractFuzz schemas) {
    this.schemas = schemas;
  }

  /** The matrix of this module's committed contract ({@link OpenApiContract#COMMITTED}). */
  public static CrossPartyMatrix ofCommittedContract() throws IOException {
    return new CrossPartyMatrix(ContractFuzz.ofCommittedContract());
  }

  /** Tables that change in the background (e.g. a consumer's), not by requests. */
  public CrossPartyMatrix ignoringTables(String... tables) {
    schemas.ignoringTables(tables);
    return this;
  }

  /** Background work a call may start must be finished before tables are compared. */
  public CrossPartyMatrix settledWhen(String countQuery) {
    schemas.settledWhen(countQuery);
    return this;
  }

  /** The owner's object filling {@code {param}} after {@code /segment} in every path. */
  public CrossPartyMatrix object(String segment, String id, String ownerToken) {
    objects.put(segment, new Owned(id, ownerToken));
    return this;
  }

  /**
   * A party of another organisation, or another person of the owner's, acting in a role. Each role
   * without one acts as a fresh organisation and person the service has never seen.
   */
  public CrossPartyMatrix caller(String label, String role, String token) {
    callers.put(label, new Caller(label, role, token));
    return this;
  }

  /**
   * A call the contract means to succeed for another organisation: the role ("*" for all) may call
   * the operation on any organisation's object, for the reason given. Not sent; printed.
   */
  public CrossPartyMatrix allowing(String operationId, String role, String why) {
    allowed.put(operationId + " " + role, why);
    unusedAllowed.add(operationId + " " + role);
    return this;
  }

  /** Runs the matrix; fails listing every call answered otherwise and every uncovered operation. */
  public void assertNoOtherPartyReachesTheOwnersObjects() throws SQLException {
    for (String role : ROLES) {
      if (callers.values().stream().noneMatch(c -> c.role().equals(role))) {
        String org = "other-" + UUID.randomUUID().toString().substring(0, 8);
        callers.put(
            role + " of another organisation",
            new Caller(role + " of another organisation", role, TestJwt.token(role, org)));
      }
    }
    List<String> findings = new ArrayList<>();
    List<String> uncovered = new ArrayList<>();
    int operations = 0;
    int sent = 0;
    int listed = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = schemas.doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/") || !path.getKey().contains("{")) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = ops.next();
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        operations++;
        String method = entry.getKey().toUpperCase();
        JsonNode op = entry.getValue();
        String id = op.path("operationId").asText(method + " " + path.getKey());
        String label = method + " " + path.getKey() + " (" + id + ")";
        String url = fill(path.getKey());
        if (url == null) {
          uncovered.add(label);
          continue;
        }
        schemas.awaitSettled();
        Map<String, String> before = schemas.tableChecksums();
        for (Caller caller : callers.values()) {
          String why = allowed.getOrDefault(id + " " + caller.role(), allowed.get(id + " *"));
          if (why != null) {
            unusedAllowed.remove(id + " " + caller.role());
            unusedAllowed.remove(id + " *");
            listed++;
            continue;
          }
          sent++;
          HttpResponse<String> r = send(method, url + query(op), op, caller, path.getKey());
          if (r == null) {
            findings.add(label + " as " + caller.label() + ": failed to send");
          } else if (r.statusCode() != 404 && r.statusCode() != 403) {
            findings.add(label + " as " + caller.label() + " -> " + ContractFuzz.describe(r));
          }
        }
        schemas.awaitSettled();
        Map<String, String> after = schemas.tableChecksums();
        for (String table : before.keySet()) {
          if (!before.get(table).equals(after.get(table))) {
            findings.add(label + ": another party's calls changed table " + table);
          }
        }
      }
    }
    Set<String> roles = new java.util.TreeSet<>();
    callers.values().forEach(c -> roles.add(c.role()));
    System.out.printf(
        "CrossPartyMatrix: %d id-bearing operations x %d roles (%d callers): %d calls answered,"
            + " %d listed as meant to succeed, %d operations without an object, %d findings%n",
        operations, roles.size(), callers.size(), sent, listed, uncovered.size(), findings.size());
    allowed.forEach((k, v) -> System.out.println("CrossPartyMatrix: allowed " + k + ": " + v));
    for (String u : uncovered) {
      findings.add(
          u + ": no owner's object for its path (add one with object(segment, id, token))");
    }
    for (String u : unusedAllowed) {
      findings.add("listed as allowed but not an id-bearing operation of the contract: " + u);
    }
    if (!roles.containsAll(ROLES)) {
      findings.add("roles without a caller: " + ROLES + " vs " + roles);
    }
    if (!findings.isEmpty()) {
      fail(
          findings.size()
              + " cross-party calls were not refused (404/403) or not made:\n  "
              + String.join("\n  ", findings.subList(0, Math.min(80, findings.size()))));
    }
  }

  /** The path with each {param} replaced by the owner's object after its segment, or null. */
  private String fill(String template) {
    Matcher m = PARAM.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Owned o = objects.get(m.group(1));
      if (o == null) {
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "/" + o.id()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The deepest object of the path, whose ETag a change sends. */
  private Owned deepest(String template) {
    Matcher m = PARAM.matcher(template);
    Owned last = null;
    while (m.find()) {
      last = objects.get(m.group(1));
    }
    return last;
  }

  private String query(JsonNode op) {
    StringBuilder q = new StringBuilder();
    for (JsonNode p : op.path("parameters")) {
      JsonNode param = schemas.resolve(p);
      if (param.path("in").asText().equals("query") && param.path("required").asBoolean()) {
        String value =
            param.path("example").isValueNode()
                ? param.path("example").asText()
                : schemas.validValue(schemas.resolve(param.path("schema")));
        q.append(q.length() == 0 ? '?' : '&')
            .append(param.path("name").asText())
            .append('=')
            .append(ContractFuzz.encode(value));
      }
    }
    return q.toString();
  }

  private HttpResponse<String> send(
      String method, String url, JsonNode op, Caller caller, String template) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + caller.token());
    for (JsonNode p : op.path("parameters")) {
      String name = schemas.resolve(p).path("name").asText();
      if (name.equalsIgnoreCase("If-Match")) {
        // The owner's current version: a stale one must not be what stops the call.
        b.header("If-Match", etag(url, template));
      } else if (name.equalsIgnoreCase("Idempotency-Key")) {
        b.header("Idempotency-Key", UUID.randomUUID().toString());
      }
    }
    JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
    if (body.isMissingNode()) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json");
      b.method(
          method,
          HttpRequest.BodyPublishers.ofString(
              schemas.validNode(body, 0).toString(), StandardCharsets.UTF_8));
    }
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The owner's ETag of the deepest object of the path, read as the owner. */
  private String etag(String url, String template) {
    Owned o = deepest(template);
    String resource = url.substring(0, url.indexOf(o.id()) + o.id().length());
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base() + resource))
                  .header("Authorization", "Bearer " + o.ownerToken())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.headers().firstValue("ETag").orElse("\"0\"");
    } catch (IOException e) {
      return "\"0\"";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String base() {
    String host = RestAssured.baseURI == null ? "http://localhost" : RestAssured.baseURI;
    return host + ":" + RestAssured.port;
  }
}
