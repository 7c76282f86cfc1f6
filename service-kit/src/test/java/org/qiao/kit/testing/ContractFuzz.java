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
import java.util.function.Consumer;
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
 *
 * <p>Each corpus starts from a valid request built from the schema's examples; that request must
 * succeed (an operation that needs a state or a caller of its own is given them by the service's
 * test, {@link #forOperation}), and so must the same request with each documented extreme (minimum,
 * maximum, maxLength, maxItems) in place of a value: a bound the contract states is a value a
 * generated client may send.
 */
public final class ContractFuzz {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  // Escaped, so a lone surrogate reaches the server as written instead of as '?'.
  private static final ObjectWriter ASCII =
      JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final int MAX_DEPTH = 4;

  /** A valid body is complete down to its leaves (the contracts' schemas are not recursive). */
  private static final int VALID_DEPTH = 12;

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  final JsonNode doc;
  private Settings settings = new Settings();
  private Set<String> ignoredTables = Set.of("flyway_schema_history");

  /** The relay marks outbox rows published in the background: only new rows count there. */
  private static final Set<String> COUNT_ONLY = Set.of("outbox_event");

  private final List<String> findings = new ArrayList<>();
  private final Set<String> last = new java.util.LinkedHashSet<>();
  private final Map<String, Consumer<ContractFuzz>> ownSettings = new LinkedHashMap<>();
  private final Map<String, String> refusedExtremes = new TreeMap<>();
  private final Set<String> unusedExceptions = new java.util.TreeSet<>();
  private int requests;
  private int operations;
  private int succeededBaselines;
  private int extremes;
  private String settledWhen;
  private String baselinesMayBeRefused;

  /** Whole years added to the schema's example dates so the earliest is not in the past. */
  private final int exampleYearShift;

  private ContractFuzz(JsonNode doc) {
    this.doc = doc;
    this.exampleYearShift = yearsToTheFuture(doc);
  }

  /** The fuzz of this module's committed contract ({@link OpenApiContract#COMMITTED}). */
  public static ContractFuzz ofCommittedContract() throws IOException {
    return new ContractFuzz(JSON.readTree(Files.readString(OpenApiContract.COMMITTED)));
  }

  /** The organisation every token acts for (one that owns data reaches deeper checks). */
  public ContractFuzz actingFor(String org) {
    settings.org = org;
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

  /**
   * For a run as a caller whose valid requests are all refused by design (an organisation that has
   * not registered): the corpus still runs, no baseline is required to succeed.
   */
  public ContractFuzz baselinesMayBeRefused(String why) {
    this.baselinesMayBeRefused = why;
    return this;
  }

  /**
   * Operations that end an object's life (a completion, a termination): run after the others, so
   * the given objects they end are used by every other operation first.
   */
  public ContractFuzz runningLast(String... operationIds) {
    last.addAll(List.of(operationIds));
    return this;
  }

  /**
   * The token for a role (a person of the acting organisation: a mentor, a student), instead of a
   * token for the role with a made-up subject.
   */
  public ContractFuzz actingAs(String role, String token) {
    settings.tokens.put(role, token);
    return this;
  }

  /**
   * The value of a body field wherever it appears (an id of an object that must exist, a code of
   * the caller), instead of one made from its schema.
   */
  public ContractFuzz withValue(String field, String value) {
    settings.values.put(field, NODES.textNode(value));
    return this;
  }

  /**
   * An optional body field the valid request leaves out wherever it appears (one that belongs to
   * another kind of the object: a programme's details in a major's plan).
   */
  public ContractFuzz omitting(String field) {
    settings.omitted.add(field);
    return this;
  }

  /**
   * The caller's own object of a collection the fuzz cannot create itself (an organisation's one
   * registration, a record in a state only a flow reaches): operations on {@code collection/{id}}
   * act on it. A nested collection is named as in the contract ({@code /things/{id}/parts}).
   */
  public ContractFuzz owning(String collection, String id) {
    settings.seeds.put(collection, new Seed(id, collection + "/" + id, Map.of()));
    return this;
  }

  /**
   * Settings of one operation's own, for a valid request that needs a state or a caller the run's
   * settings cannot give (a draft to publish, an organisation yet to register, a record a flow
   * brought to a step): {@code own} calls {@link #owning}, {@link #withValue}, {@link #omitting},
   * {@link #actingFor} or {@link #actingAs}, on top of the run's settings, for that operation's
   * requests only. Its valid request must succeed like any other.
   */
  public ContractFuzz forOperation(String operationId, Consumer<ContractFuzz> own) {
    ownSettings.put(operationId, own);
    return this;
  }

  /**
   * A documented extreme ({@code "salaryMin maximum"}) the service refuses for a rule between
   * fields or with the object's state, which a schema cannot state (salaryMin at its maximum
   * exceeds salaryMax), with the rule.
   */
  public ContractFuzz expectingRefusedExtreme(String operationId, String extreme, String why) {
    refusedExtremes.put(operationId + " " + extreme, why);
    unusedExceptions.add("extreme " + operationId + " " + extreme);
    return this;
  }

  /** Runs the corpus against the running service and fails listing every request it broke. */
  public void assertEveryOperationRefusesMalformedInput() throws SQLException {
    List<Operation> deletions = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          Operation o = new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue());
          if (o.method.equals("DELETE") || last.contains(o.id)) {
            deletions.add(o);
          } else {
            fuzz(o);
          }
        }
      }
    }
    // Last, so an object the test gave is erased only after every other operation used it.
    for (Operation o : deletions) {
      fuzz(o);
    }
    for (String id : ownSettings.keySet()) {
      findings.add("settings for " + id + ", which is no operation of the contract");
    }
    for (String unused : baselinesMayBeRefused == null ? unusedExceptions : Set.<String>of()) {
      findings.add("listed as refused but never refused (remove it from the list): " + unused);
    }
    System.out.printf(
        "ContractFuzz: %d operations, %d valid baselines succeeded, %d documented extremes"
            + " accepted, %d malformed requests, %d findings%n",
        operations, succeededBaselines, extremes, requests, findings.size());
    if (!findings.isEmpty()) {
      fail(
          findings.size()
              + " malformed requests were not refused cleanly:\n  "
              + String.join("\n  ", findings.subList(0, Math.min(60, findings.size()))));
    }
  }

  private void fuzz(Operation op) throws SQLException {
    Consumer<ContractFuzz> own = ownSettings.remove(op.id);
    if (own == null) {
      fuzzWithSettings(op);
      return;
    }
    Settings run = settings;
    settings = run.copy();
    try {
      own.accept(this);
      fuzzWithSettings(op);
    } finally {
      settings = run;
    }
  }

  private void fuzzWithSettings(Operation op) throws SQLException {
    operations++;
    Seed seed = seedFor(op);
    Request valid = op.validRequest(seed);
    // The request the corpus mutates must itself pass validation, or every mutation would be
    // refused for the wrong reason and prove nothing.
    // Only where it cannot overwrite what others rely on: reads, creations, the fuzz's own seeds.
    boolean harmless = op.method.equals("GET") || !op.path.contains("{") || seed != null;
    HttpResponse<String> baseline = harmless ? exchange(op, valid) : null;
    boolean succeeded = baseline != null && baseline.statusCode() / 100 == 2;
    if (baseline != null && (baseline.statusCode() == 415 || baseline.statusCode() >= 500)) {
      findings.add(op + " [the valid request derived from the contract] -> " + describe(baseline));
    } else if (succeeded) {
      succeededBaselines++;
      sendExtremes(op);
    } else if (baselinesMayBeRefused == null) {
      // The field-level expectations below still demand each mutation be refused for its field,
      // but a valid request that fails proves the corpus reaches no deeper than that failure.
      findings.add(
          op
              + " ("
              + op.id
              + ") [valid request from the contract's examples] did not succeed (forOperation"
              + " gives it the state or caller it needs): "
              + (baseline == null
                  ? "not sent: no object of the caller to act on"
                  : describe(baseline)));
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
   * For {@code /things/{id}/parts/{partId}/...}: creates one thing through the contract's {@code
   * POST /things} (as the acting organisation), then one part through {@code POST
   * /things/{id}/parts}, so the corpus hits resources that exist and are the caller's; null where a
   * level has no such operation or it refuses.
   */
  private Seed seedFor(Operation op) {
    Seed seed = null;
    java.util.regex.Matcher m = Pattern.compile("/\\{([^}]+)}").matcher(op.path);
    Map<String, String> known = new LinkedHashMap<>();
    while (m.find()) {
      String collection = op.path.substring(0, m.start());
      // A fresh object for each request, so one operation's change (a closure) leaves the next
      // operation's object in its first state; the caller's own given objects where there are.
      seed =
          settings.seeds.containsKey(collection)
              ? given(settings.seeds.get(collection), collection, known)
              : create(collection, known);
      if (seed == null) {
        return null;
      }
      known.put(m.group(1), seed.id());
    }
    return seed == null ? null : new Seed(seed.id(), seed.path(), known);
  }

  /** A given object of a nested collection, at the path of the parents' ids used here. */
  private static Seed given(Seed seed, String collection, Map<String, String> parentIds) {
    if (seed == null) {
      return null;
    }
    String path = collection;
    for (Map.Entry<String, String> e : parentIds.entrySet()) {
      path = path.replace("{" + e.getKey() + "}", e.getValue());
    }
    return new Seed(seed.id(), path + "/" + seed.id(), Map.of());
  }

  private Seed create(String collection, Map<String, String> parentIds) {
    JsonNode create = doc.path("paths").path(collection).path("post");
    if (create.isMissingNode()) {
      return null;
    }
    Operation creator = new Operation("POST", collection, create);
    Request r = creator.validRequest(null);
    Map<String, String> pv = new LinkedHashMap<>(r.pathValues());
    pv.putAll(parentIds);
    HttpResponse<String> created =
        exchange(
            creator,
            new Request(creator, r.token(), pv, r.query(), r.headers(), r.body(), r.contentType()));
    if (created == null || created.statusCode() / 100 != 2) {
      return null;
    }
    try {
      String id = JSON.readTree(created.body()).path("id").asText(null);
      if (id == null) {
        return null;
      }
      String path = collection;
      for (Map.Entry<String, String> e : parentIds.entrySet()) {
        path = path.replace("{" + e.getKey() + "}", e.getValue());
      }
      return new Seed(id, path + "/" + id, Map.of());
    } catch (IOException e) {
      return null; // no usable id: the corpus falls back to random ids
    }
  }

  /**
   * An object of the caller's, with the ids of every path parameter leading to it; its ETag is read
   * when a request needs it, since an earlier request may have changed it.
   */
  private record Seed(String id, String path, Map<String, String> ids) {}

  /** What valid requests are made of: who acts, on which given objects, with which values. */
  private static final class Settings {
    String org = "fuzz-org";
    final Map<String, Seed> seeds = new LinkedHashMap<>();
    final Map<String, String> tokens = new LinkedHashMap<>();
    final Set<String> omitted = new java.util.HashSet<>();
    final Map<String, JsonNode> values = new LinkedHashMap<>();

    String tokenFor(String role) {
      return tokens.containsKey(role) ? tokens.get(role) : TestJwt.token(role, org);
    }

    Settings copy() {
      Settings c = new Settings();
      c.org = org;
      c.seeds.putAll(seeds);
      c.tokens.putAll(tokens);
      c.omitted.addAll(omitted);
      c.values.putAll(values);
      return c;
    }
  }

  /** The current ETag of the seed (GET on it), or "0" when it has none. */
  private String etagOf(Seed seed, Operation op) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base() + seed.path()))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", "Bearer " + settings.tokenFor(op.role))
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

  // --- documented extremes -------------------------------------------------------------------

  /**
   * The valid request with, one at a time, each documented extreme of a body field or query
   * parameter in place of its value: each must succeed like the valid request did.
   */
  private void sendExtremes(Operation op) {
    Map<String, Map.Entry<Param, String>> params = new LinkedHashMap<>();
    for (Param p : op.params) {
      // A cursor is the service's own token from a Link header, not a value a client makes.
      if (!p.in.equals("query") || p.name.equals("cursor")) {
        continue;
      }
      for (Map.Entry<String, JsonNode> e : extremesOf(p.schema).entrySet()) {
        params.put(
            p.name + " " + e.getKey(),
            Map.entry(
                p,
                e.getValue().isTextual()
                    ? encode(e.getValue().asText())
                    : e.getValue().toString()));
      }
    }
    for (Map.Entry<String, Map.Entry<Param, String>> e : params.entrySet()) {
      String field = e.getKey().substring(0, e.getKey().indexOf(' '));
      judgeExtreme(
          op,
          field,
          e.getKey(),
          op.validRequest(seedFor(op)).withParam(e.getValue().getKey(), e.getValue().getValue()));
    }
    if (op.bodySchema == null) {
      return;
    }
    Map<String, Map.Entry<List<Object>, JsonNode>> body = new LinkedHashMap<>();
    collectBodyExtremes(op.bodySchema, "", List.of(), body);
    for (Map.Entry<String, Map.Entry<List<Object>, JsonNode>> e : body.entrySet()) {
      Request valid = op.validRequest(seedFor(op));
      JsonNode changed = valid.bodyNode().deepCopy();
      if (replace(changed, e.getValue().getKey(), e.getValue().getValue())) {
        String field = e.getKey().substring(0, e.getKey().indexOf(' '));
        judgeExtreme(op, field, e.getKey(), valid.withRawBody(ascii(changed)));
      }
    }
  }

  private void judgeExtreme(Operation op, String field, String label, Request r) {
    HttpResponse<String> response = exchange(op, r);
    String listed = refusedExtremes.get(op.id + " " + label);
    if (response != null && response.statusCode() / 100 == 2) {
      extremes++;
      if (listed != null) {
        findings.add(
            op + " [documented extreme " + label + "] succeeded, but is listed: " + listed);
      }
    } else if (listed != null) {
      unusedExceptions.remove("extreme " + op.id + " " + label);
    } else if (response != null && response.statusCode() == 409) {
      // A conflict with what exists (a registration made once, a week logged once, a headcount
      // filled): the state was refused, not the value, so it tells nothing either way.
      System.out.println(
          "ContractFuzz: " + op + " [documented extreme " + label + "] 409: " + describe(response));
    } else {
      findings.add(
          op
              + " ["
              + "documented extreme "
              + label
              + " is valid by the contract] -> "
              + (response == null ? "failed to send" : describe(response)));
    }
  }

  private void collectBodyExtremes(
      JsonNode schema,
      String at,
      List<Object> path,
      Map<String, Map.Entry<List<Object>, JsonNode>> out) {
    JsonNode s = resolve(schema);
    if (path.size() > MAX_DEPTH) {
      return;
    }
    // A field whose value the test gives (an id that must exist, the caller's own code) keeps it.
    Object last = path.isEmpty() ? null : path.get(path.size() - 1);
    if (!path.isEmpty() && !(last instanceof String name && settings.values.containsKey(name))) {
      extremesOf(s)
          .forEach((label, value) -> out.put(field(at) + " " + label, Map.entry(path, value)));
    }
    String type = type(s);
    if (type.equals("object")) {
      s.path("properties")
          .fields()
          .forEachRemaining(
              p ->
                  collectBodyExtremes(
                      p.getValue(), at + "." + p.getKey(), concat(path, List.of(p.getKey())), out));
    } else if (type.equals("array")) {
      collectBodyExtremes(s.path("items"), at + "[0]", concat(path, List.of(0)), out);
    }
  }

  /** The values at the schema's documented bounds that it accepts. */
  private Map<String, JsonNode> extremesOf(JsonNode schema) {
    JsonNode s = resolve(schema);
    Map<String, JsonNode> out = new LinkedHashMap<>();
    String type = type(s);
    if (s.has("enum") || s.has("const")) {
      return out;
    }
    switch (type) {
      case "integer", "number" -> {
        if (s.has("minimum")) {
          out.put("minimum", s.get("minimum"));
        }
        if (s.has("maximum")) {
          out.put("maximum", s.get("maximum"));
        }
      }
      case "string" -> {
        int max = s.path("maxLength").asInt(0);
        // A value of that length that also fits the pattern; formats bound themselves.
        if (max > 0 && max <= 64 * 1024 && !s.has("format")) {
          String value = "a".repeat(max);
          if (!s.has("pattern")
              || Pattern.compile(s.get("pattern").asText()).matcher(value).find()) {
            out.put("maxLength", NODES.textNode(value));
          }
        }
      }
      case "array" -> {
        int max = s.path("maxItems").asInt(0);
        if (max > 1 && max <= 2_000) {
          ArrayNode many = NODES.arrayNode();
          // The array's own example gives an item that passes rules of the domain (a real code).
          JsonNode first = s.path("examples").path(0).path(0);
          for (int i = 0; i < max; i++) {
            many.add(distinctItem(s.path("items"), first, i));
          }
          out.put("maxItems", many);
        }
      }
      default -> {}
    }
    return out;
  }

  /**
   * The i-th of many valid items: a string varied so that items are distinct (lists of codes or
   * names are sets to the services), objects with their string properties varied.
   */
  private JsonNode distinctItem(JsonNode schema, JsonNode example, int i) {
    JsonNode item = example.isMissingNode() ? validNode(schema, 1) : example.deepCopy();
    JsonNode s = resolve(schema);
    if (item.isTextual() && !s.has("enum") && !s.has("format")) {
      String varied = vary(item.asText(), i, s);
      return varied == null ? item : NODES.textNode(varied);
    }
    if (item instanceof ObjectNode o) {
      s.path("properties")
          .fields()
          .forEachRemaining(
              p -> {
                JsonNode ps = resolve(p.getValue());
                if (o.path(p.getKey()).isTextual() && !ps.has("enum") && !ps.has("format")) {
                  String varied = vary(o.get(p.getKey()).asText(), i, ps);
                  if (varied != null) {
                    o.put(p.getKey(), varied);
                  }
                }
              });
    }
    return item;
  }

  /**
   * The i-th variant of a value: a code of digits counted up from it (same length, so it keeps a
   * pattern of digits), other text with i appended (or its end replaced, within maxLength); null
   * when the variant breaks the pattern.
   */
  private static String vary(String value, int i, JsonNode schema) {
    String suffix = Integer.toString(i);
    String candidate;
    if (!value.isEmpty() && value.length() < 18 && value.chars().allMatch(Character::isDigit)) {
      long modulus = (long) Math.pow(10, value.length());
      candidate = String.format("%0" + value.length() + "d", (Long.parseLong(value) + i) % modulus);
    } else {
      candidate = value + suffix;
      if (candidate.length() > schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
        candidate = value.substring(0, Math.max(0, value.length() - suffix.length())) + suffix;
      }
    }
    if (schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asText()).matcher(candidate).find()) {
      return null;
    }
    return candidate;
  }

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

  static String describe(HttpResponse<String> response) {
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

  void awaitSettled() throws SQLException {
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
  Map<String, String> tableChecksums() throws SQLException {
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
    final String id;
    final List<Param> params = new ArrayList<>();
    final JsonNode bodySchema;
    final String role;

    Operation(String method, String path, JsonNode op) {
      this.method = method;
      this.path = path;
      this.id = op.path("operationId").asText(method + " " + path);
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
                  seed != null && seed.ids().containsKey(p.name)
                      ? seed.ids().get(p.name)
                      : encode(p.validValue(ContractFuzz.this)));
          case "query" -> {
            if (p.required) {
              query.put(p.name, encode(p.validValue(ContractFuzz.this)));
            }
          }
          case "header" -> {
            if (p.name.equalsIgnoreCase("If-Match")) {
              headers.put(p.name, seed != null ? etagOf(seed, this) : "\"0\"");
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
          settings.tokenFor(role),
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

  JsonNode resolve(JsonNode schema) {
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

  String validValue(JsonNode schema) {
    JsonNode n = validNode(schema, 0);
    return n.isTextual() ? n.asText() : n.toString();
  }

  /** A value the schema accepts: its example where it has one, else the simplest that fits. */
  JsonNode validNode(JsonNode schema, int depth) {
    // A property's own example sits beside its $ref (the referenced LocalDate's is generic).
    JsonNode ownExample = schema.path("examples").path(0);
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
            // The field's example (a start before its end, a week's Monday), moved by whole
            // years with all others so examples do not age; else half a year ahead, valid for
            // deadlines and expiries.
            LocalDate given = date(ownExample);
            return NODES.textNode(
                given != null
                    ? given.plusYears(exampleYearShift).toString()
                    : LocalDate.now().plusDays(180).toString());
          case "date-time":
            return NODES.textNode(OffsetDateTime.now().toString());
          default:
            break;
        }
        if (example.isTextual()) {
          return example;
        }
        int min = Math.max(1, s.path("minLength").asInt(1));
        String simplest = "a".repeat(Math.min(min, s.path("maxLength").asInt(min)));
        if (s.has("pattern")) {
          // The simplest text that fits the pattern (a version number, a code of digits).
          Pattern p = Pattern.compile(s.get("pattern").asText());
          for (String candidate : List.of(simplest, "1", "000000", "0000000000", "A1", "a1")) {
            if (candidate.length() >= min
                && candidate.length() <= s.path("maxLength").asInt(Integer.MAX_VALUE)
                && p.matcher(candidate).find()) {
              return NODES.textNode(candidate);
            }
          }
        }
        return NODES.textNode(simplest);
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
        if (depth < VALID_DEPTH) {
          a.add(validNode(s.path("items"), depth + 1));
        }
        return a;
      }
      case "object" -> {
        ObjectNode o = NODES.objectNode();
        if (depth < VALID_DEPTH) {
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
                    if (settings.omitted.contains(p.getKey())) {
                      return;
                    }
                    if (settings.values.containsKey(p.getKey())) {
                      o.set(p.getKey(), settings.values.get(p.getKey()));
                    } else if (required.contains(p.getKey()) || !defaulted) {
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

  private static LocalDate date(JsonNode example) {
    try {
      return example.isTextual() ? LocalDate.parse(example.asText()) : null;
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** Years to add to every example date of the document so that the earliest is not past. */
  private static int yearsToTheFuture(JsonNode doc) {
    List<LocalDate> dates = new ArrayList<>();
    collectExampleDates(doc.path("components").path("schemas"), dates);
    LocalDate earliest = dates.stream().min(LocalDate::compareTo).orElse(null);
    int years = 0;
    while (earliest != null && earliest.plusYears(years).isBefore(LocalDate.now().plusDays(1))) {
      years++;
    }
    return years;
  }

  /** Example dates of properties (not of the shared LocalDate schema, whose example is generic). */
  private static void collectExampleDates(JsonNode n, List<LocalDate> out) {
    n.path("properties")
        .forEach(
            p -> {
              LocalDate d = date(p.path("examples").path(0));
              if (d != null) {
                out.add(d);
              }
            });
    n.forEach(child -> collectExampleDates(child, out));
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

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
