package org.qiao.kit.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * every {@code /api/} operation can give (including 413 and 429 with their headers), the ETag,
 * Location and Link headers, descriptions of plain success answers, and the bounds of strings whose
 * format already bounds them (UUIDs, dates) and of the kit's own headers.
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
              if (path.contains("{")) {
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

  /** ETag on a single resource, Location on creation, Link on lists, RateLimit on 429. */
  private static void documentHeaders(String path, PathItem.HttpMethod method, Operation op) {
    APIResponse tooMany = op.getResponses().getAPIResponse("429");
    tooMany.addHeader("Retry-After", header("Seconds to wait before retrying", integer()));
    tooMany.addHeader(
        "RateLimit", header("IETF RateLimit: requests left (r) and seconds until reset (t)", null));
    tooMany.addHeader(
        "RateLimit-Policy",
        header("IETF RateLimit-Policy: quota (q) per window (w, seconds)", null));
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
        || method == PathItem.HttpMethod.GET && path.matches("/api/v1/[a-z-]+/\\{id}")) {
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
        .addProperty("status", integer())
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
}
