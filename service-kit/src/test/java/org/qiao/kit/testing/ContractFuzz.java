package org.qiao.kit.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends every operation of the committed OpenAPI document a corpus of requests that break its
 * contract — broken JSON, wrong types, nulls and missing required fields, strings too long or with
 * U+0000 and lone surrogates, numbers out of range, bad dates, UUIDs and enum values, too many
 * items, unknown fields, deep and oversized bodies, wrong content types, bad path and query
 * parameters, missing and malformed {@code If-Match} and {@code Idempotency-Key} — and asserts that
 * each is answered with a 4xx {@code application/problem+json} and that no table changed. The
 * corpus is derived from the document alone, so an operation a service adds is covered without
 * editing any test.
 */
public final class ContractFuzz {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  // Escaped, so a lone surrogate reaches the server as written instead of as '?'.
  private static final ObjectWriter ASCII =
      JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final int MAX_DEPTH = 4;
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final JsonNode doc;
  private String org = "fuzz-org";
  private Set<String> ignoredTables = Set.of("flyway_schema_history");

  /** The relay marks outbox rows published in the background: only new rows count there. */
  private static final Set<String> COUNT_ONLY = Set.of("outbox_event");

  private final List<String> findings = new ArrayList<>();
  private final Map<String, Seed> seeds = new LinkedHashMap<>();
  private int requests;
  private int operations;
  private String settledWhen;

  private ContractFuzz(JsonNode doc) {
    this.doc = doc;
  }

  /** The fuzz of this module's committed contract ({@link OpenApiContract#COMMITTED}). */
  public static ContractFuzz ofCommittedContract() throws IOException {
    return new ContractFuzz(JSON.readTree(Files.readString(OpenApiContract.COMMITTED)));
  }

  /** The organisation every token acts for (one that owns data reaches deeper checks). */
  public ContractFuzz actingFor(String org) {
    this.org = org;
    return this;
  }

  /** Tables that change in the background (e.g. a consumer's), not by requests. */
  public ContractFuzz ignoringTables(String... tables) {
    this.ignoredTables = Set.copyOf(concat(List.of(tables), List.of("flyway_schema_history")));
    return this;
  }

  /**
   * For operations that start background work (an import job): before the stored data is digested,
   * waits until this query's count is 0, so only what a malformed request did can show.
   */
  public ContractFuzz settledWhen(String countQuery) {
    this.settledWhen = countQuery;
    return this;
  }

  /** Runs the corpus against the running service and fails listing every request it broke. */
  public void assertEveryOperationRefusesMalformedInput() throws SQLException {
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          fuzz(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
        }
      }
    }
    System.out.printf(
        "ContractFuzz: %d operations, %d malformed requests, %d findings%n",
        operations, requests, findings.size());
    if (!findings.isEmpty()) {
      fail(
          findings.size()
              + " malformed requests were not refused cleanly:\n  "
              + String.join("\n  ", findings.subList(0, Math.min(60, findings.size()))));
    }
  }

  private void fuzz(Operation op) throws SQLException {
    operations++;
    Seed seed = seedFor(op);
    Request valid = op.validRequest(seed);
    // The request the corpus mutates must itself pass validation, or every mutation would be
    // refused for the wrong reason and prove nothing.
    // Only where it cannot overwrite what others rely on: reads, creations, the fuzz's own seeds.
    boolean harmless = op.method.equals("GET") || !op.path.contains("{") || seed != null;
    HttpResponse<String> baseline = harmless ? exchange(op, valid) : null;
    if (baseline != null && (baseline.statusCode() == 415 || baseline.statusCode() >= 500)) {
      findings.add(op + " [the valid request derived from the contract] -> " + describe(baseline));
    } else if (baseline != null && baseline.statusCode() == 400) {
      // A domain rule the schema cannot state (e.g. "a proposal to this order"); the field-level
      // expectations below still demand that each mutation is refused for its own field.
      System.out.println(
          "ContractFuzz: " + op + " valid-by-contract request refused: " + describe(baseline));
    }
    awaitSettled();
    Map<String, String> before = tableChecksums();

    send(op, "no bearer token", valid.withoutToken());
    for (Param p : op.params) {
      for (Mutation m : parameterMutations(p)) {
        send(op, p.in + " " + p.name + ": " + m.label, valid.withParam(p, m.value));
      }
    }
    if (op.bodySchema != null) {
      for (Map.Entry<String, byte[]> raw : rawBodies(valid).entrySet()) {
        send(op, "body: " + raw.getKey(), valid.withBytes(raw.getValue()));
      }
      send(op, "content type text/plain", valid.withContentType("text/plain"));
      send(op, "content type application/xml", valid.withContentType("application/xml"));
      send(op, "no content type", valid.withContentType(null));
      bodyMutations(op, valid, op.bodySchema, "", List.of());
    }
    Map<String, String> after = tableChecksums();
    for (String table : before.keySet()) {
      if (!before.get(table).equals(after.get(table))) {
        findings.add(op + " changed stored data in table " + table);
      }
    }
  }

  /**
   * For {@code /things/{id}/...}: creates one thing through the contract's {@code POST /things} (as
   * the acting organisation) so the corpus hits a resource that exists and is the caller's, with
   * its ETag; null when there is no such operation or it refuses.
   */
  private Seed seedFor(Operation op) {
    int brace = op.path.indexOf("/{");
    if (brace < 0) {
      return null;
    }
    String collection = op.path.substring(0, brace);
    if (seeds.containsKey(collection)) {
      return seeds.get(collection);
    }
    Seed seed = null;
    JsonNode create = doc.path("paths").path(collection).path("post");
    if (!create.isMissingNode()) {
      Operation creator = new Operation("POST", collection, create);
      HttpResponse<String> r = exchange(creator, creator.validRequest(null));
      if (r != null && r.statusCode() == 201) {
        try {
          String id = JSON.readTree(r.body()).path("id").asText(null);
          if (id != null) {
            seed = new Seed(id, r.headers().firstValue("ETag").orElse("\"0\""));
          }
        } catch (IOException e) {
          // no usable id: the corpus falls back to random ids
        }
      }
    }
    seeds.put(collection, seed);
    return seed;
  }

  private record Seed(String id, String etag) {}

  // --- the corpus ----------------------------------------------------------------------------

  private record Mutation(String label, String value) {}

  /**
   * Marks a request the HTTP server's codec refuses before any application code runs (Vert.x
   * answers a malformed request target with a bare 400): a 4xx is all that can be asked of it.
   */
  private static final String CODEC = "codec-level: ";

  /** Values for a parameter that its schema refuses; null means "leave it out". */
  private List<Mutation> parameterMutations(Param p) {
    List<Mutation> out = new ArrayList<>();
    JsonNode s = p.schema;
    if (p.required && !p.in.equals("path")) {
      out.add(new Mutation("missing", null));
    }
    out.add(new Mutation("U+0000", encode("a") + "%00"));
    out.add(new Mutation("lone surrogate", "%ED%A0%80"));
    out.add(new Mutation(CODEC + "broken escape %zz", "a%zz"));
    out.add(new Mutation(CODEC + "truncated escape", "a%4"));
    if (p.in.equals("header")) {
      out.clear();
      if (p.required) {
        out.add(new Mutation("missing", null));
      }
      out.add(new Mutation("empty", ""));
      int max = s.path("maxLength").asInt(200);
      out.add(new Mutation("over maxLength", "a".repeat(max + 1)));
      if (p.name.equalsIgnoreCase("If-Match")) {
        out.add(new Mutation("not an ETag", "abc"));
        out.add(new Mutation("unterminated ETag", "\"1"));
        out.add(new Mutation("huge version", "\"99999999999999999999999\""));
      }
      return out;
    }
    // Under the HTTP codec's 4 KiB request line (beyond it Vert.x answers 414 without a body).
    out.add(new Mutation("2 KiB string", "a".repeat(2_048)));
    if (s.has("maxLength")) {
      out.add(new Mutation("over maxLength", "a".repeat(s.get("maxLength").asInt() + 1)));
    }
    if (s.has("enum")) {
      out.add(new Mutation("unknown enum value", "NOT_A_VALUE"));
    }
    switch (s.path("format").asText("")) {
      case "uuid" -> {
        out.add(new Mutation("not a UUID", "not-a-uuid"));
        out.add(new Mutation("UUID with junk", UUID.randomUUID() + "x"));
      }
      case "date" -> out.add(new Mutation("impossible date", "2027-02-30"));
      default -> {}
    }
    String type = type(s);
    if (type.equals("integer") || type.equals("number")) {
      out.add(new Mutation("not a number", "abc"));
      out.add(new Mutation("overflow", "99999999999999999999999"));
      if (s.has("maximum")) {
        out.add(new Mutation("over maximum", s.get("maximum").asText() + "1"));
      }
      if (s.has("minimum")) {
        out.add(new Mutation("under minimum", Long.toString(s.get("minimum").asLong() - 1)));
      }
    }
    String bad = nonMatching(s);
    if (bad != null) {
      out.add(new Mutation("does not match pattern", encode(bad)));
    }
    return out;
  }

  /** Whole bodies that are not the requested JSON at all. */
  private static Map<String, byte[]> rawBodies(Request valid) {
    Map<String, String> text = new LinkedHashMap<>();
    text.put("empty", "");
    text.put("broken JSON", "{\"a\":");
    text.put("trailing garbage", new String(valid.body, StandardCharsets.UTF_8) + " x");
    text.put("null", "null");
    text.put("array", "[]");
    text.put("string", "\"text\"");
    text.put("number", "42");
    text.put("nested 10,000 deep", "[".repeat(10_000) + "]".repeat(10_000));
    text.put("over 1 MiB", "{\"pad\":\"" + "a".repeat(1024 * 1024) + "\"}");
    Map<String, byte[]> out = new LinkedHashMap<>();
    text.forEach((label, body) -> out.put(label, body.getBytes(StandardCharsets.UTF_8)));
    // A lone UTF-8 lead byte inside a string.
    out.put("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'});
    return out;
  }

  /** One field at a time: each replacement breaks the field's schema. */
  private void bodyMutations(
      Operation op, Request valid, JsonNode schema, String at, List<Object> path) {
    JsonNode s = resolve(schema);
    if (path.size() > MAX_DEPTH) {
      return;
    }
    String type = type(s);
    List<Map.Entry<String, JsonNode>> bad = new ArrayList<>();
    if (!path.isEmpty()) {
      switch (type) {
        case "string" -> {
          bad.add(Map.entry("a number", NODES.numberNode(12345)));
          bad.add(Map.entry("a boolean", NODES.booleanNode(true)));
          bad.add(Map.entry("an object", NODES.objectNode()));
          bad.add(Map.entry("U+0000", NODES.textNode(validValue(s) + "\u0000")));
          bad.add(Map.entry("lone surrogate", NODES.textNode("\uD800" + validValue(s))));
          bad.add(Map.entry("64 KiB", NODES.textNode("a".repeat(64 * 1024))));
          if (s.has("maxLength")) {
            bad.add(
                Map.entry(
                    "over maxLength", NODES.textNode("a".repeat(s.get("maxLength").asInt() + 1))));
          }
          if (s.has("enum")) {
            bad.add(Map.entry("unknown enum value", NODES.textNode("NOT_A_VALUE")));
          }
          switch (s.path("format").asText("")) {
            case "uuid" -> bad.add(Map.entry("not a UUID", NODES.textNode("not-a-uuid")));
            case "date" -> {
              bad.add(Map.entry("impossible date", NODES.textNode("2027-02-30")));
              bad.add(Map.entry("not a date", NODES.textNode("30/06/2027")));
            }
            case "date-time" -> bad.add(Map.entry("not a time", NODES.textNode("yesterday")));
            default -> {}
          }
          String mismatch = nonMatching(s);
          if (mismatch != null) {
            bad.add(Map.entry("does not match pattern", NODES.textNode(mismatch)));
          }
        }
        case "integer", "number" -> {
          bad.add(Map.entry("a string", NODES.textNode("12")));
          bad.add(Map.entry("a boolean", NODES.booleanNode(false)));
          bad.add(
              Map.entry("overflow", NODES.numberNode(new java.math.BigInteger("9".repeat(30)))));
          if (type.equals("integer")) {
            bad.add(Map.entry("a fraction", NODES.numberNode(1.5)));
          }
          if (s.has("maximum")) {
            bad.add(Map.entry("over maximum", NODES.numberNode(s.get("maximum").asLong() + 1)));
          }
          if (s.has("minimum")) {
            bad.add(Map.entry("under minimum", NODES.numberNode(s.get("minimum").asLong() - 1)));
          }
        }
        case "boolean" -> {
          bad.add(Map.entry("a string", NODES.textNode("yes")));
          bad.add(Map.entry("a number", NODES.numberNode(1)));
        }
        case "array" -> {
          bad.add(Map.entry("a string", NODES.textNode("x")));
          bad.add(Map.entry("an object", NODES.objectNode()));
          if (s.has("maxItems") && s.get("maxItems").asInt() < 2_000) {
            ArrayNode many = NODES.arrayNode();
            JsonNode item = validNode(s.path("items"), 0);
            for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
              many.add(item.deepCopy());
            }
            bad.add(Map.entry("over maxItems", many));
          }
          bad.add(Map.entry("a null item", NODES.arrayNode().addNull()));
        }
        case "object" -> {
          bad.add(Map.entry("a string", NODES.textNode("x")));
          bad.add(Map.entry("an array", NODES.arrayNode()));
        }
        default -> {}
      }
    }
    for (Map.Entry<String, JsonNode> b : bad) {
      JsonNode body = valid.bodyNode().deepCopy();
      if (replace(body, path, b.getValue())) {
        send(op, "body" + at + ": " + b.getKey(), valid.withRawBody(ascii(body)), field(at));
      }
    }
    if (type.equals("object")) {
      ObjectNode withUnknown = valid.bodyNode().deepCopy();
      JsonNode target = navigate(withUnknown, path);
      if (target instanceof ObjectNode o) {
        o.put("fuzzUnknownField", 1);
        send(
            op,
            "body" + at + ": unknown field",
            valid.withRawBody(ascii(withUnknown)),
            field(at + ".fuzzUnknownField"));
      }
      Set<String> required = new java.util.HashSet<>();
      s.path("required").forEach(r -> required.add(r.asText()));
      for (Iterator<Map.Entry<String, JsonNode>> props = s.path("properties").fields();
          props.hasNext(); ) {
        Map.Entry<String, JsonNode> prop = props.next();
        List<Object> child = concat(path, List.of(prop.getKey()));
        if (required.contains(prop.getKey())) {
          JsonNode nulled = valid.bodyNode().deepCopy();
          if (replace(nulled, child, NODES.nullNode())) {
            send(
                op,
                "body" + at + "." + prop.getKey() + ": null",
                valid.withRawBody(ascii(nulled)),
                field(at + "." + prop.getKey()));
          }
          JsonNode missing = valid.bodyNode().deepCopy();
          if (navigate(missing, path) instanceof ObjectNode parent) {
            parent.remove(prop.getKey());
            send(
                op,
                "body" + at + "." + prop.getKey() + ": missing",
                valid.withRawBody(ascii(missing)),
                field(at + "." + prop.getKey()));
          }
        }
        bodyMutations(op, valid, prop.getValue(), at + "." + prop.getKey(), child);
      }
    } else if (type.equals("array")) {
      bodyMutations(op, valid, s.path("items"), at + "[0]", concat(path, List.of(0)));
    }
  }

  // --- sending and judging -------------------------------------------------------------------

  private void send(Operation op, String mutation, Request r) {
    send(op, mutation, r, null);
  }

  /**
   * Sends a malformed request: it must be answered with a 4xx problem; where {@code field} is given
   * (a broken body field), with a 400 whose errors name that field.
   */
  private void send(Operation op, String mutation, Request r, String field) {
    requests++;
    HttpResponse<String> response = exchange(op, r);
    if (response == null) {
      findings.add(op + " [" + mutation + "] failed to send");
      return;
    }
    int status = response.statusCode();
    String type = response.headers().firstValue("Content-Type").orElse("");
    boolean ok =
        status >= 400
            && status < 500
            && (type.startsWith("application/problem+json") || mutation.contains(CODEC));
    if (ok && field != null) {
      ok = status == 400 && namesField(response.body(), field);
    }
    if (!ok) {
      findings.add(op + " [" + mutation + "] -> " + describe(response));
    }
  }

  private static boolean namesField(String problem, String field) {
    try {
      for (JsonNode error : JSON.readTree(problem).path("errors")) {
        String named = error.path("field").asText("");
        if (!named.isEmpty() && (named.startsWith(field) || field.startsWith(named))) {
          return true;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  private static String describe(HttpResponse<String> response) {
    String body = response.body();
    return response.statusCode()
        + " "
        + response.headers().firstValue("Content-Type").orElse("")
        + " "
        + body.substring(0, Math.min(240, body.length()));
  }

  /** One exchange over java.net.http, which sends exactly the headers given. */
  private HttpResponse<String> exchange(Operation op, Request r) {
    URI uri;
    try {
      uri = URI.create(base() + r.url());
    } catch (IllegalArgumentException malformed) {
      return RawHttp.exchange(base(), op.method, r.url(), r.headersWithAuth(), r.contentType);
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (r.token != null) {
      b.header("Authorization", "Bearer " + r.token);
    }
    r.headers.forEach(b::header);
    if (r.contentType != null) {
      b.header("Content-Type", r.contentType);
    }
    b.method(
        op.method,
        r.body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(r.body));
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String base() {
    String host = RestAssured.baseURI == null ? "http://localhost" : RestAssured.baseURI;
    return host + ":" + RestAssured.port;
  }

  private void awaitSettled() throws SQLException {
    if (settledWhen == null) {
      return;
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try (Connection c = connect()) {
      while (true) {
        try (ResultSet rs = c.createStatement().executeQuery(settledWhen)) {
          rs.next();
          if (rs.getLong(1) == 0) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("background work did not settle in 30 s: " + settledWhen);
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  private static Connection connect() throws SQLException {
    var config = ConfigProvider.getConfig();
    String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
    String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("");
    String password =
        config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
    return DriverManager.getConnection(url, user, password);
  }

  /** A digest of every row of every table, so an update that keeps the count shows too. */
  private Map<String, String> tableChecksums() throws SQLException {
    Map<String, String> sums = new TreeMap<>();
    try (Connection c = connect()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "select table_name from information_schema.tables where table_schema ="
                      + " current_schema() and table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        if (ignoredTables.contains(table)) {
          continue;
        }
        if (COUNT_ONLY.contains(table)) {
          try (ResultSet rs =
              c.createStatement().executeQuery("select count(*) from \"" + table + "\"")) {
            rs.next();
            sums.put(table, rs.getString(1));
          }
          continue;
        }
        try (ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by"
                        + " t::text)), '') from \""
                        + table
                        + "\" t")) {
          rs.next();
          sums.put(table, rs.getString(1));
        }
      }
    }
    return sums;
  }

  // --- the operation and a valid request to start from ---------------------------------------

  private record Param(
      String name, String in, boolean required, JsonNode schema, JsonNode example) {

    /** The parameter's own example where it has one (OpenAPI puts it beside the schema). */
    String validValue(ContractFuzz fuzz) {
      return example.isValueNode() ? example.asText() : fuzz.validValue(schema);
    }
  }

  private final class Operation {
    final String method;
    final String path;
    final List<Param> params = new ArrayList<>();
    final JsonNode bodySchema;
    final String role;

    Operation(String method, String path, JsonNode op) {
      this.method = method;
      this.path = path;
      for (JsonNode p : op.path("parameters")) {
        JsonNode param = resolve(p);
        params.add(
            new Param(
                param.path("name").asText(),
                param.path("in").asText(),
                param.path("required").asBoolean(false),
                resolve(param.path("schema")),
                param.path("example")));
      }
      JsonNode body =
          op.path("requestBody").path("content").path("application/json").path("schema");
      this.bodySchema = body.isMissingNode() ? null : body;
      JsonNode scopes = op.path("security").path(0).path("bearer");
      this.role = scopes.isArray() && !scopes.isEmpty() ? scopes.get(0).asText() : "enterprise";
    }

    Request validRequest(Seed seed) {
      Map<String, String> pathValues = new LinkedHashMap<>();
      Map<String, String> query = new LinkedHashMap<>();
      Map<String, String> headers = new LinkedHashMap<>();
      for (Param p : params) {
        switch (p.in) {
          case "path" ->
              pathValues.put(
                  p.name,
                  seed != null && p.name.equals("id")
                      ? seed.id()
                      : encode(p.validValue(ContractFuzz.this)));
          case "query" -> {
            if (p.required) {
              query.put(p.name, encode(p.validValue(ContractFuzz.this)));
            }
          }
          case "header" -> {
            if (p.name.equalsIgnoreCase("If-Match")) {
              headers.put(p.name, seed != null ? seed.etag() : "\"0\"");
            } else if (p.name.equalsIgnoreCase("Idempotency-Key")) {
              headers.put(p.name, UUID.randomUUID().toString());
            } else if (p.required) {
              headers.put(p.name, p.validValue(ContractFuzz.this));
            }
          }
          default -> {}
        }
      }
      byte[] body =
          bodySchema == null
              ? null
              : validNode(bodySchema, 0).toString().getBytes(StandardCharsets.UTF_8);
      return new Request(
          this,
          TestJwt.token(role, org),
          pathValues,
          query,
          headers,
          body,
          bodySchema == null ? null : "application/json");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** An immutable request; each with* gives a copy with one thing changed. */
  private record Request(
      Operation op,
      String token,
      Map<String, String> pathValues,
      Map<String, String> query,
      Map<String, String> headers,
      byte[] body,
      String contentType) {

    Request withoutToken() {
      return new Request(op, null, pathValues, query, headers, body, contentType);
    }

    Request withRawBody(String raw) {
      return withBytes(raw.getBytes(StandardCharsets.UTF_8));
    }

    Request withBytes(byte[] raw) {
      return new Request(op, token, pathValues, query, headers, raw, "application/json");
    }

    Request withContentType(String type) {
      return new Request(op, token, pathValues, query, headers, body, type);
    }

    Request withParam(Param p, String value) {
      Map<String, String> pv = new LinkedHashMap<>(pathValues);
      Map<String, String> q = new LinkedHashMap<>(query);
      Map<String, String> h = new LinkedHashMap<>(headers);
      Map<String, String> target =
          switch (p.in) {
            case "path" -> pv;
            case "query" -> q;
            default -> h;
          };
      if (value == null) {
        target.remove(p.name);
      } else {
        target.put(p.name, value);
      }
      return new Request(op, token, pv, q, h, body, contentType);
    }

    Map<String, String> headersWithAuth() {
      Map<String, String> all = new LinkedHashMap<>(headers);
      if (token != null) {
        all.put("Authorization", "Bearer " + token);
      }
      return all;
    }

    ObjectNode bodyNode() {
      try {
        return (ObjectNode) JSON.readTree(body);
      } catch (IOException | ClassCastException e) {
        return NODES.objectNode();
      }
    }

    String url() {
      String path = op.path;
      for (Map.Entry<String, String> e : pathValues.entrySet()) {
        path = path.replace("{" + e.getKey() + "}", e.getValue());
      }
      StringBuilder url = new StringBuilder(path);
      char sep = '?';
      for (Map.Entry<String, String> e : query.entrySet()) {
        url.append(sep).append(e.getKey()).append('=').append(e.getValue());
        sep = '&';
      }
      return url.toString();
    }
  }

  // --- schema helpers ------------------------------------------------------------------------

  private JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    for (int i = 0; i < 10 && s.has("$ref"); i++) {
      s = doc.at(s.get("$ref").asText().substring(1));
    }
    // "allOf": [{"$ref": ...}] with siblings: the referenced schema carries the type.
    if (!s.has("type") && s.path("allOf").isArray() && !s.path("allOf").isEmpty()) {
      return resolve(s.path("allOf").get(0));
    }
    return s;
  }

  private static String type(JsonNode s) {
    JsonNode t = s.path("type");
    if (t.isArray()) {
      for (JsonNode each : t) {
        if (!each.asText().equals("null")) {
          return each.asText();
        }
      }
    }
    if (t.isMissingNode() && s.has("properties")) {
      return "object";
    }
    return t.asText("");
  }

  private String validValue(JsonNode schema) {
    JsonNode n = validNode(schema, 0);
    return n.isTextual() ? n.asText() : n.toString();
  }

  /** A value the schema accepts: its example where it has one, else the simplest that fits. */
  private JsonNode validNode(JsonNode schema, int depth) {
    JsonNode s = resolve(schema);
    if (s.has("enum")) {
      return s.get("enum").get(0);
    }
    String type = type(s);
    JsonNode example = s.path("examples").path(0);
    switch (type) {
      case "string" -> {
        switch (s.path("format").asText("")) {
          case "uuid":
            return NODES.textNode(UUID.randomUUID().toString());
          case "date":
            // Examples age; a date half a year ahead stays valid for deadlines and expiries.
            return NODES.textNode(LocalDate.now().plusDays(180).toString());
          case "date-time":
            return NODES.textNode(OffsetDateTime.now().toString());
          default:
            break;
        }
        if (example.isTextual()) {
          return example;
        }
        int min = Math.max(1, s.path("minLength").asInt(1));
        return NODES.textNode("a".repeat(Math.min(min, s.path("maxLength").asInt(min))));
      }
      case "integer", "number" -> {
        if (example.isNumber()) {
          return example;
        }
        long v = s.has("minimum") ? s.get("minimum").asLong() : 1;
        return NODES.numberNode(v);
      }
      case "boolean" -> {
        return example.isBoolean() ? example : NODES.booleanNode(true);
      }
      case "array" -> {
        if (example.isArray()) {
          return example;
        }
        ArrayNode a = NODES.arrayNode();
        if (depth < MAX_DEPTH) {
          a.add(validNode(s.path("items"), depth + 1));
        }
        return a;
      }
      case "object" -> {
        ObjectNode o = NODES.objectNode();
        if (depth < MAX_DEPTH) {
          // Every property but optional ones with a default (the simplest request omits those);
          // mutations still reach them (a mutation sets a property whether present or not).
          Set<String> required = new java.util.HashSet<>();
          s.path("required").forEach(r -> required.add(r.asText()));
          s.path("properties")
              .fields()
              .forEachRemaining(
                  p -> {
                    JsonNode prop = resolve(p.getValue());
                    boolean defaulted = p.getValue().has("default") || prop.has("default");
                    if (required.contains(p.getKey()) || !defaulted) {
                      o.set(p.getKey(), validNode(p.getValue(), depth + 1));
                    }
                  });
        }
        return o;
      }
      default -> {
        return example.isMissingNode() ? NODES.textNode("a") : example;
      }
    }
  }

  /** A short string the schema's pattern refuses (search semantics), or null if none is found. */
  private static String nonMatching(JsonNode s) {
    if (!s.has("pattern")) {
      return null;
    }
    Pattern p;
    try {
      p = Pattern.compile(s.get("pattern").asText());
    } catch (RuntimeException e) {
      return null;
    }
    for (String candidate : List.of("!!!", " ", "", "0", "a", "999999999999")) {
      if (!p.matcher(candidate).find() && !p.matcher(candidate).matches()) {
        return candidate;
      }
    }
    return null;
  }

  private static JsonNode navigate(JsonNode root, List<Object> path) {
    JsonNode n = root;
    for (Object step : path) {
      n = step instanceof Integer i ? n.path(i) : n.path((String) step);
    }
    return n;
  }

  /** Puts a value at a path of the body; false when the path does not exist there. */
  private static boolean replace(JsonNode root, List<Object> path, JsonNode value) {
    if (path.isEmpty()) {
      return false;
    }
    JsonNode parent = navigate(root, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode o && last instanceof String name) {
      o.set(name, value);
      return true;
    }
    if (parent instanceof ArrayNode a && last instanceof Integer i && i < a.size()) {
      a.set(i, value);
      return true;
    }
    return false;
  }

  /** ".skills[0].level" as the problem names it: "skills[0].level". */
  private static String field(String at) {
    return at.startsWith(".") ? at.substring(1) : at;
  }

  private static String ascii(JsonNode node) {
    try {
      return ASCII.writeValueAsString(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
