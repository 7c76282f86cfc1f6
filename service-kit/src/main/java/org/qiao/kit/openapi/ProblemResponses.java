package org.qiao.kit.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.qiao.kit.problem.Problem;

/**
 * Documents the problem+json answers every {@code /api/} operation can give, so each contract shows
 * its error responses without repeating annotations on every method.
 */
public class ProblemResponses implements OASFilter {

  private static final String REF = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    openAPI.getComponents().addSchema("Problem", problemSchema());
    openAPI.getPaths().getPathItems().forEach(this::document);
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
                answers.put("415", "The body is not application/json");
              }
              if (hasParameter(op, "If-Match")) {
                answers.put("412", "If-Match names an older version: read the resource again");
                answers.put("428", "If-Match is missing: send the ETag you last read");
              }
              if (hasParameter(op, "Idempotency-Key")) {
                answers.put("422", "The Idempotency-Key was used for a different request");
              }
              addAll(op, answers);
              documentHeaders(path, method, op);
            });
  }

  /** ETag on a single resource, Location on creation, Link on lists. */
  private static void documentHeaders(String path, PathItem.HttpMethod method, Operation op) {
    if (op.getResponses() == null) {
      return;
    }
    var created = op.getResponses().getAPIResponse("201");
    if (created != null) {
      created.addHeader("Location", header("URL of the new resource"));
    }
    var ok = op.getResponses().getAPIResponse("200");
    if (ok == null) {
      return;
    }
    if (hasParameter(op, "cursor")) {
      ok.addHeader("Link", header("RFC 8288 link to the next page: <url>; rel=\"next\""));
    } else if (hasParameter(op, "If-Match")
        || method == PathItem.HttpMethod.GET && path.matches("/api/v1/[a-z-]+/\\{id}")) {
      // A single resource, and every change of one, answers with the version to send as If-Match.
      ok.addHeader("ETag", header("Version of the resource, for If-Match"));
    }
  }

  private static boolean hasParameter(Operation op, String name) {
    return op.getParameters() != null
        && op.getParameters().stream().anyMatch(p -> name.equalsIgnoreCase(p.getName()));
  }

  private static org.eclipse.microprofile.openapi.models.headers.Header header(String description) {
    return OASFactory.createHeader().description(description).schema(text(null));
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
        .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
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

  private static Schema text(String description) {
    Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    return description == null ? schema : schema.description(description);
  }
}
