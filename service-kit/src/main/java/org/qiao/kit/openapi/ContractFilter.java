package org.qiao.kit.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.Versions;
import org.qiao.kit.problem.Problem;

/**
 * What every Qiao contract says the same way, so no resource repeats it: the problem+json answers
 * every {@code /api/} operation can give (including 413, 429 with its headers and the 500 of a
 * server fault), the ETag, Location and Link headers, the RateLimit headers every answer carries,
 * descriptions of plain success answers, the bounds of strings whose format already bounds them
 * (UUIDs, dates) and of the kit's own headers, and the bounds of what each operation returns.
 */
public class ContractFilter implements OASFilter {

  private static final String REF = "#/components/schemas/Problem";

  /** Kit headers and the bounds the kit enforces on them. */
  private static final Map<String, Integer> HEADER_MAX_LENGTH =
      Map.of(
          Idempotency.HEADER, Idempotency.MAX_KEY_LENGTH, "If-Match", Versions.MAX_IF_MATCH_LENGTH);

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    if (openAPI.getPaths() == null
        || openAPI.getPaths().getPathItems() == null
        || openAPI.getPaths().getPathItems().isEmpty()) {
      // A service without operations yet: nothing uses the bearer scheme (linters flag it).
      if (openAPI.getComponents().getSecuritySchemes() != null) {
        openAPI.getComponents().setSecuritySchemes(null);
      }
      return;
    }
    openAPI.getComponents().addSchema("Problem", problemSchema());
    openAPI.getPaths().getPathItems().forEach(this::document);
    if (openAPI.getComponents().getSchemas() != null) {
      openAPI.getComponents().getSchemas().values().forEach(ContractFilter::boundFormats);
    }
    new AnswerBounds(openAPI).apply();
  }

  private void document(String path, PathItem item) {
    if (!path.startsWith("/api/")) {
      return;
    }
    item.getOperations()
        .forEach(
            (method, op) -> {
              Map<String, String> answers = new LinkedHashMap<>();
              answers.put(
                  "400", "Invalid request: malformed JSON, wrong types, unknown or invalid fields");
              answers.put("401", "No valid bearer token");
              answers.put("403", "The caller's role may not do this");
              if (path.contains("{") || path.endsWith("/mine")) {
                // .../mine: the caller's own organisation, 404 until it is registered
                answers.put("404", "No such resource owned by (or visible to) the caller");
              }
              if (method != PathItem.HttpMethod.GET) {
                answers.put("409", "The resource's state does not allow this");
              }
              if (op.getRequestBody() != null) {
                answers.put(
                    "413", "The body is larger than the service accepts (1 MiB by default)");
                answers.put("415", "The body is not application/json");
              }
              if (hasParameter(op, "If-Match")) {
                answers.put("412", "If-Match names an older version: read the resource again");
                answers.put("428", "If-Match is missing: send the ETag you last read");
              }
              if (hasParameter(op, "Idempotency-Key")) {
                answers.put("422", "The Idempotency-Key was used for a different request");
              }
              answers.put("429", "Too many requests from this caller: retry after Retry-After");
              answers.put("500", "A fault of the service; the problem reveals nothing internal");
              addAll(op, answers);
              describeSuccess(op);
              documentHeaders(path, method, op);
              boundParameters(op);
            });
  }

  /** Plain answers a resource left undescribed (OpenAPI requires a description on each). */
  private static void describeSuccess(Operation op) {
    Map<String, String> defaults =
        Map.of(
            "200", "OK",
            "201", "Created; Location names the new resource",
            "202", "Accepted; the work continues in the background",
            "204", "Done; no content");
    op.getResponses()
        .getAPIResponses()
        .forEach(
            (status, response) -> {
              if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(defaults.getOrDefault(status, "HTTP " + status));
              }
            });
  }

  /**
   * ETag on a single resource, Location on creation, Link on lists, Retry-After on 429, RateLimit
   * on every answer of the caller's (the kit's rate limit filter adds them to each).
   */
  private static void documentHeaders(String path, PathItem.HttpMethod method, Operation op) {
    APIResponse tooMany = op.getResponses().getAPIResponse("429");
    tooMany.addHeader(
        "Retry-After",
        header(
            "Seconds to wait before retrying",
            integer().minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Integer.MAX_VALUE))));
    op.getResponses()
        .getAPIResponses()
        .forEach(
            (status, response) -> {
              if (status.startsWith("2") || status.startsWith("4")) {
                if (response.getHeaders() == null
                    || !response.getHeaders().containsKey("RateLimit")) {
                  response.addHeader(
                      "RateLimit",
                      header(
                          "IETF RateLimit: requests left (r) and seconds until reset (t)", null));
                  response.addHeader(
                      "RateLimit-Policy",
                      header("IETF RateLimit-Policy: quota (q) per window (w, seconds)", null));
                }
              }
            });
    var created = op.getResponses().getAPIResponse("201");
    if (created != null) {
      created.addHeader("Location", header("URL of the new resource", null));
    }
    var ok = op.getResponses().getAPIResponse("200");
    if (ok == null) {
      return;
    }
    if (hasParameter(op, "cursor")) {
      ok.addHeader("Link", header("RFC 8288 link to the next page: <url>; rel=\"next\"", null));
    } else if (hasParameter(op, "If-Match")
        || method == PathItem.HttpMethod.GET && path.matches("/api/v1/[a-z-]+/(\\{id}|mine)")) {
      // A single resource, and every change of one, answers with the version to send as If-Match.
      ok.addHeader("ETag", header("Version of the resource, for If-Match", null));
    }
  }

  private static void boundParameters(Operation op) {
    if (op.getParameters() == null) {
      return;
    }
    for (Parameter p : op.getParameters()) {
      if (p.getSchema() == null) {
        continue;
      }
      Integer headerMax = HEADER_MAX_LENGTH.get(p.getName());
      if (p.getIn() == Parameter.In.HEADER && headerMax != null) {
        p.getSchema().setMaxLength(headerMax);
      }
      if (p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName())) {
        // Every change of an existing resource requires it (ADR 0007): 428 without it.
        p.setRequired(true);
        p.setDescription("The ETag last read: the change applies only to that version");
      }
      if (p.getIn() == Parameter.In.HEADER && "Idempotency-Key".equalsIgnoreCase(p.getName())) {
        p.setDescription(
            "Makes the POST safe to retry: the same key with the same body replays the first"
                + " answer and creates nothing more");
      }
      boundFormats(p.getSchema());
      Schema schema = p.getSchema();
      if (schema.getType() != null
          && schema.getType().contains(Schema.SchemaType.INTEGER)
          && schema.getFormat() == null) {
        // A generated client picks its integer type by the format (OWASP API4).
        boolean small =
            schema.getMaximum() != null
                && schema.getMaximum().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                && schema.getMinimum() != null
                && schema.getMinimum().compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0;
        schema.setFormat(small ? "int32" : "int64");
      }
    }
  }

  /** A UUID or a date is bounded by its format; say so where a generator or linter looks. */
  private static void boundFormats(Schema schema) {
    if (schema == null || schema.getFormat() == null || schema.getMaxLength() != null) {
      return;
    }
    Integer max =
        switch (schema.getFormat()) {
          case "uuid" -> 36;
          case "date" -> 10;
          case "date-time" -> 64;
          default -> null;
        };
    if (max != null) {
      schema.setMaxLength(max);
    }
  }

  private static boolean hasParameter(Operation op, String name) {
    return op.getParameters() != null
        && op.getParameters().stream().anyMatch(p -> name.equalsIgnoreCase(p.getName()));
  }

  private static Header header(String description, Schema schema) {
    return OASFactory.createHeader()
        .description(description)
        .schema(schema != null ? schema : text(null).maxLength(200));
  }

  private static void addAll(Operation op, Map<String, String> answers) {
    if (op.getResponses() == null) {
      op.setResponses(OASFactory.createAPIResponses());
    }
    APIResponses responses = op.getResponses();
    answers.forEach(
        (status, description) -> {
          var existing = responses.getAPIResponse(status);
          // Quarkus adds bare 400/401/403 entries; give them the problem+json body they really
          // have.
          if (existing == null || existing.getContent() == null) {
            responses.addAPIResponse(
                status,
                OASFactory.createAPIResponse()
                    .description(description)
                    .content(
                        OASFactory.createContent()
                            .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(REF)))));
          }
        });
  }

  private static Schema problemSchema() {
    Schema fieldError =
        OASFactory.createSchema()
            .addType(Schema.SchemaType.OBJECT)
            .addProperty("field", text("Path of the invalid field, e.g. skills[0].level"))
            .addProperty("message", text("Why it is invalid"));
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description("RFC 9457 problem details")
        .addProperty("type", text("Kind of problem, e.g. urn:qiao:problem:validation"))
        .addProperty("title", text("Short summary of the kind of problem"))
        .addProperty(
            "status", integer().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
        .addProperty("detail", text("What went wrong in this request"))
        .addProperty("instance", text("The request path"))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.ARRAY)
                .description("One entry per invalid field")
                .items(fieldError))
        .required(List.of("type", "title", "status"));
  }

  private static Schema integer() {
    return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32");
  }

  private static Schema text(String description) {
    Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    return description == null ? schema : schema.description(description);
  }

  /**
   * Bounds on what operations return (OWASP API4: a client must know how much it may receive),
   * taken from what the service accepts: a returned property bears the bound of the request
   * property of the same name (a demand's title is returned as it was accepted), a page the bound
   * of its {@code limit}, an integer the range of its format. What has no such source gets the
   * ceiling of the largest body a service accepts ({@link #TEXT_CEILING}, {@link #ITEMS_CEILING}).
   */
  private static final class AnswerBounds {

    /** No stored text is longer than the 1 MiB body (or event) it arrived in. */
    static final int TEXT_CEILING = 1024 * 1024;

    /** Lists the services compute (statistics cells, versions, matches) stay far below this. */
    static final int ITEMS_CEILING = 10_000;

    private final OpenAPI api;
    private final Map<String, Integer> maxLength = new HashMap<>();
    private final Map<String, Integer> maxItems = new HashMap<>();
    private final Map<String, BigDecimal[]> range = new HashMap<>();
    private final Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    AnswerBounds(OpenAPI api) {
      this.api = api;
    }

    void apply() {
      List<Operation> operations = new ArrayList<>();
      api.getPaths()
          .getPathItems()
          .values()
          .forEach(i -> operations.addAll(i.getOperations().values()));
      // What requests accept, by property name.
      Set<Schema> requests = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Operation op : operations) {
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
          op.getRequestBody()
              .getContent()
              .getMediaTypes()
              .values()
              .forEach(m -> learn(m.getSchema(), requests));
        }
      }
      // What they return: bounded by it, a page by its limit.
      for (Operation op : operations) {
        if (op.getResponses() == null) {
          continue;
        }
        Integer page = pageLimit(op);
        for (var r : op.getResponses().getAPIResponses().values()) {
          if (r.getContent() == null) {
            continue;
          }
          for (var m : r.getContent().getMediaTypes().values()) {
            Schema schema = m.getSchema();
            if (schema != null
                && page != null
                && is(schema, Schema.SchemaType.ARRAY)
                && schema.getMaxItems() == null) {
              schema.setMaxItems(page);
            }
            bound(schema, null);
          }
        }
      }
    }

    private static Integer pageLimit(Operation op) {
      if (op.getParameters() == null) {
        return null;
      }
      for (Parameter p : op.getParameters()) {
        if ("limit".equals(p.getName())
            && p.getSchema() != null
            && p.getSchema().getMaximum() != null) {
          return p.getSchema().getMaximum().intValue();
        }
      }
      return null;
    }

    private void learn(Schema schema, Set<Schema> visited) {
      Schema s = deref(schema);
      if (s == null || !visited.add(s)) {
        return;
      }
      if (s.getProperties() != null) {
        s.getProperties()
            .forEach(
                (name, property) -> {
                  Schema p = deref(property);
                  if (p == null) {
                    return;
                  }
                  if (p.getMaxLength() != null) {
                    maxLength.merge(name, p.getMaxLength(), Math::max);
                  }
                  if (p.getMaxItems() != null) {
                    maxItems.merge(name, p.getMaxItems(), Math::max);
                  }
                  if (p.getMinimum() != null && p.getMaximum() != null) {
                    range.merge(
                        name,
                        new BigDecimal[] {p.getMinimum(), p.getMaximum()},
                        (a, b) -> new BigDecimal[] {a[0].min(b[0]), a[1].max(b[1])});
                  }
                  learn(p, visited);
                });
      }
      learn(s.getItems(), visited);
      if (s.getAllOf() != null) {
        s.getAllOf().forEach(a -> learn(a, visited));
      }
    }

    private void bound(Schema schema, String name) {
      if (schema == null) {
        return;
      }
      if (schema.getRef() != null) {
        bound(deref(schema), name);
        return;
      }
      if (!seen.add(schema)) {
        return;
      }
      boolean fixed =
          schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()
              || schema.getConstValue() != null;
      if (is(schema, Schema.SchemaType.STRING) && !fixed && schema.getMaxLength() == null) {
        schema.setMaxLength(
            name == null ? TEXT_CEILING : maxLength.getOrDefault(name, TEXT_CEILING));
      }
      if (is(schema, Schema.SchemaType.INTEGER)) {
        if (schema.getFormat() == null) {
          schema.setFormat("int64");
        }
        BigDecimal[] known = name == null ? null : range.get(name);
        boolean int32 = "int32".equals(schema.getFormat());
        if (schema.getMinimum() == null) {
          schema.setMinimum(
              known != null
                  ? known[0]
                  : BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
        }
        if (schema.getMaximum() == null) {
          schema.setMaximum(
              known != null
                  ? known[1]
                  : BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
        }
      }
      if (is(schema, Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
        schema.setMaxItems(
            name == null ? ITEMS_CEILING : maxItems.getOrDefault(name, ITEMS_CEILING));
      }
      if (schema.getProperties() != null) {
        schema.getProperties().forEach((n, p) -> bound(p, n));
      }
      bound(schema.getItems(), name);
      if (schema.getAllOf() != null) {
        schema.getAllOf().forEach(a -> bound(a, name));
      }
      if (schema.getAnyOf() != null) {
        schema.getAnyOf().forEach(a -> bound(a, name));
      }
      if (schema.getOneOf() != null) {
        schema.getOneOf().forEach(a -> bound(a, name));
      }
      if (schema.getAdditionalPropertiesSchema() != null) {
        bound(schema.getAdditionalPropertiesSchema(), null);
      }
    }

    private Schema deref(Schema schema) {
      Schema s = schema;
      for (int i = 0; s != null && s.getRef() != null && i < 10; i++) {
        String ref = s.getRef();
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        s =
            api.getComponents().getSchemas() == null
                ? null
                : api.getComponents().getSchemas().get(name);
      }
      return s;
    }

    private static boolean is(Schema s, Schema.SchemaType type) {
      return s.getType() != null && s.getType().contains(type);
    }
  }
}
