package org.qiao.kit.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on, answered as problem+json with its status. Domain rules throw
 * these (or subclasses) instead of building HTTP responses.
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String slug;
  private final String title;
  private final List<Problem.FieldError> errors;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public ProblemException(
      int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(
        400,
        "validation",
        "Invalid request",
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)));
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(404, "not-found", "Not found", what + " not found", List.of());
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(409, "conflict", "Conflict", detail, List.of());
  }

  /** Adds a header the answer carries (e.g. Retry-After); returns this problem. */
  public ProblemException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Headers the answer carries besides its problem body. */
  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }

  /** The problem body this failure answers with; {@code instance} is the request path. */
  public Problem toProblem(String instance) {
    return new Problem(type(), title, status, getMessage(), instance, errors);
  }

  public int status() {
    return status;
  }

  public String type() {
    return "urn:qiao:problem:" + slug;
  }

  public String title() {
    return title;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
