package org.qiao.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every committed OpenAPI document must satisfy beyond matching the running service: valid
 * OpenAPI (swagger-parser reports nothing), what a client generator and partners need (unique
 * camelCase operationIds, summaries, descriptions, servers, contact, licence), and a documented
 * bound on every string, array and number a client can send (OWASP API4).
 */
public final class ContractRules {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private ContractRules() {}

  /** Every message swagger-parser has about the document; empty when it is valid. */
  public static List<String> parserMessages(String document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
    List<String> messages = new ArrayList<>();
    if (result.getMessages() != null) {
      messages.addAll(result.getMessages());
    }
    if (result.getOpenAPI() == null) {
      messages.add("not an OpenAPI document");
    }
    return messages;
  }

  /** Every rule the document breaks, one line each; empty when it keeps them all. */
  public static List<String> violations(JsonNode doc) {
    List<String> out = new ArrayList<>();
    JsonNode info = doc.path("info");
    for (String field : List.of("title", "version", "description", "contact", "license")) {
      if (info.path(field).isMissingNode()) {
        out.add("info." + field + " is missing");
      }
    }
    if (!doc.path("servers").isArray() || doc.path("servers").isEmpty()) {
      out.add("servers is missing");
    }
    String scheme = doc.at("/components/securitySchemes/bearer/description").asText("");
    boolean hasOperations = doc.path("paths").size() > 0;
    if (hasOperations && (!scheme.contains("RFC8725") || !scheme.contains("org"))) {
      out.add("the bearer scheme's description must explain roles, the org claim and RFC8725");
    }
    Set<String> ids = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String where = op.getKey().toUpperCase() + " " + path.getKey();
        checkOperation(doc, where, op.getValue(), ids, out);
      }
    }
    return out;
  }

  private static void checkOperation(
      JsonNode doc, String where, JsonNode op, Set<String> ids, List<String> out) {
    String id = op.path("operationId").asText("");
    if (!id.matches("[a-z][a-zA-Z0-9]+")) {
      out.add(where + ": operationId '" + id + "' is missing or not camelCase");
    } else if (!ids.add(id)) {
      out.add(where + ": operationId '" + id + "' is not unique");
    }
    for (String field : List.of("summary", "description")) {
      if (op.path(field).asText("").isBlank()) {
        out.add(where + ": " + field + " is missing");
      }
    }
    op.path("responses")
        .fields()
        .forEachRemaining(
            r -> {
              if (r.getValue().path("description").asText("").isBlank()) {
                out.add(where + ": response " + r.getKey() + " has no description");
              }
              // A generated client turns "schema": {} into Object: every body needs its type.
              r.getValue()
                  .path("content")
                  .forEach(
                      media -> {
                        if (media.path("schema").isEmpty()) {
                          out.add(where + ": response " + r.getKey() + " has an untyped body");
                        }
                      });
            });
    if (!where.contains(" /api/")) {
      return;
    }
    for (JsonNode p : op.path("parameters")) {
      JsonNode schema = p.path("schema");
      if (!schema.has("type") && !schema.has("$ref") && !schema.has("enum")) {
        out.add(where + ": parameter " + p.path("name").asText() + " has no type");
      }
      bounded(
          doc,
          where + " " + p.path("in").asText() + " parameter " + p.path("name").asText(),
          p.path("schema"),
          new HashSet<>(),
          out);
    }
    op.path("requestBody")
        .path("content")
        .forEach(
            media -> bounded(doc, where + " body", media.path("schema"), new HashSet<>(), out));
  }

  /** Strings need maxLength (or an enum), arrays maxItems, numbers minimum and maximum. */
  private static void bounded(
      JsonNode doc, String where, JsonNode schema, Set<String> seen, List<String> out) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (seen.add(ref)) {
        bounded(doc, where, doc.at(ref.substring(1)), seen, out);
      }
      return;
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      schema.path(combinator).forEach(s -> bounded(doc, where, s, seen, out));
    }
    String type = schema.path("type").isArray() ? "" : schema.path("type").asText("");
    if (schema.path("type").isArray()) {
      for (JsonNode t : schema.path("type")) {
        if (!t.asText().equals("null")) {
          type = t.asText();
        }
      }
    }
    switch (type) {
      case "string" -> {
        if (!schema.has("maxLength") && !schema.has("enum") && !schema.has("const")) {
          out.add(where + ": string without maxLength");
        }
      }
      case "array" -> {
        if (!schema.has("maxItems")) {
          out.add(where + ": array without maxItems");
        }
        bounded(doc, where + "[]", schema.path("items"), seen, out);
      }
      case "integer", "number" -> {
        if (!schema.has("minimum") && !schema.has("exclusiveMinimum")
            || !schema.has("maximum") && !schema.has("exclusiveMaximum")) {
          out.add(where + ": number without minimum and maximum");
        }
      }
      default -> {}
    }
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            p -> bounded(doc, where + "." + p.getKey(), p.getValue(), new HashSet<>(seen), out));
  }
}
