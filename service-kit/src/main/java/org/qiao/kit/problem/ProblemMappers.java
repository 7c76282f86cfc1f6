package org.qiao.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.qiao.kit.config.FatalErrors;

/**
 * Turns every failure into problem+json. Client mistakes get a 4xx that names the field; only a
 * genuine server fault is a 500, and it reveals nothing internal.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    Problem p = e.toProblem(path(uri));
    Response.ResponseBuilder r = Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
    e.headers().forEach(r::header);
    return r.build();
  }

  @ServerExceptionMapper
  public Response violations(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      errors.add(new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
    }
    errors.sort(Comparator.comparing(Problem.FieldError::field));
    return validation(uri, "The request has invalid fields", errors);
  }

  @ServerExceptionMapper({
    JsonProcessingException.class,
    MismatchedInputException.class,
    InvalidFormatException.class,
    UnrecognizedPropertyException.class
  })
  public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
    // A problem raised while the body was read (the size limit passed mid-document) is wrapped by
    // Jackson: it answers as itself, not as a malformed field.
    var raised = Causes.find(e.getCause(), ProblemException.class);
    if (raised.isPresent()) {
      return problem(raised.get(), uri);
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String field = jsonPath(m);
      String message =
          e instanceof UnrecognizedPropertyException
              ? "unknown field"
              : e instanceof UnsafeTextException unsafe
                  ? unsafe.reason()
                  : "has the wrong type or format";
      return validation(
          uri, field + " " + message, List.of(new Problem.FieldError(field, message)));
    }
    if (e instanceof StreamConstraintsException) {
      // Nesting beyond the configured depth: refused before it could exhaust the stack.
      return validation(uri, "The body nests arrays and objects too deeply", List.of());
    }
    return validation(
        uri, "The body is not well-formed JSON: " + e.getOriginalMessage(), List.of());
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e, UriInfo uri) {
    Problem p =
        new Problem(
            type("unauthorized"),
            "Unauthorized",
            401,
            "A valid bearer token is required",
            path(uri),
            List.of());
    return Response.status(401)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .entity(p)
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(
        new Problem(
            type("forbidden"),
            "Forbidden",
            403,
            "Your role does not allow this operation",
            path(uri),
            List.of()));
  }

  @ServerExceptionMapper
  public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
    return respond(
        new Problem(
            type("precondition-failed"),
            "Precondition Failed",
            412,
            "The resource was changed concurrently; read it again and retry",
            path(uri),
            List.of()));
  }

  /**
   * A unique or check constraint the database enforced: two requests raced for the same thing (the
   * service checks first, so a single request gets a precise answer before this).
   */
  @ServerExceptionMapper({
    org.hibernate.exception.ConstraintViolationException.class,
    jakarta.persistence.PersistenceException.class
  })
  public Response persistence(RuntimeException e, UriInfo uri) {
    Response conflict = conflictIn(e, uri);
    return conflict != null ? conflict : unexpected(e, uri);
  }

  /**
   * 409 for a constraint race, 412 for a lost optimistic lock, anywhere in the chain; else null.
   */
  private Response conflictIn(Throwable e, UriInfo uri) {
    if (Causes.find(e, org.hibernate.exception.ConstraintViolationException.class).isPresent()) {
      return respond(
          new Problem(
              type("conflict"),
              "Conflict",
              409,
              "The change conflicts with data stored meanwhile; read it again and retry",
              path(uri),
              List.of()));
    }
    return Causes.find(e, OptimisticLockException.class)
        .map(lock -> optimisticLock(lock, uri))
        .orElse(null);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    if (e.getCause() instanceof JsonProcessingException unreadable) {
      return unreadableBody(unreadable, uri);
    }
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      LOG.error("Server error", e);
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
    Problem p = new Problem(type(slug(title)), title, status, e.getMessage(), path(uri), List.of());
    Response.ResponseBuilder r = Response.status(status).type(Problem.MEDIA_TYPE).entity(p);
    e.getResponse()
        .getHeaders()
        .forEach(
            (k, v) -> {
              if (!k.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                v.forEach(value -> r.header(k, value));
              }
            });
    return r.build();
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e, UriInfo uri) {
    // A conflict raised at commit arrives wrapped (rollback, interceptor): answer it as such.
    Response conflict = conflictIn(e, uri);
    if (conflict != null) {
      return conflict;
    }
    // A client failure raised inside a reader or interceptor that wrapped it.
    var wrapped = Causes.find(e, ProblemException.class);
    if (wrapped.isPresent()) {
      return problem(wrapped.get(), uri);
    }
    // An OutOfMemoryError wrapped into an exception: the process exits rather than limp on.
    FatalErrors.haltIfFatal(e);
    LOG.error("Unhandled exception", e);
    return respond(
        new Problem(
            type("internal"),
            "Internal Server Error",
            500,
            "An unexpected error occurred",
            path(uri),
            List.of()));
  }

  static Response validation(UriInfo uri, String detail, List<Problem.FieldError> errors) {
    return respond(
        new Problem(type("validation"), "Invalid request", 400, detail, path(uri), errors));
  }

  static Response respond(Problem p) {
    return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
  }

  private static String type(String slug) {
    return "urn:qiao:problem:" + slug;
  }

  private static String slug(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
  }

  /**
   * Drops the method and parameter nodes so {@code create.body.headcount} reads {@code headcount}.
   */
  private static String fieldOf(Path path) {
    StringBuilder field = new StringBuilder();
    // A parameter followed by a property is a container (a body, a @BeanParam): the property,
    // as the caller wrote it, names the field.
    boolean container = false;
    for (Path.Node node : path) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {}
        case CONTAINER_ELEMENT -> {
          container = false;
          if (node.isInIterable() && node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
          }
        }
        case PARAMETER -> {
          field.setLength(0);
          if (!"body".equals(node.getName()) && !node.getName().startsWith("arg")) {
            field.append(node.getName());
          }
          container = true;
        }
        default -> {
          if (node.getName() == null) {
            break;
          }
          if (container) {
            field.setLength(0);
            container = false;
          }
          if (node.isInIterable() && field.length() > 0 && node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
          }
          if (field.length() > 0) {
            field.append('.');
          }
          field.append(node.getName());
        }
      }
    }
    return field.length() == 0 ? "body" : field.toString();
  }

  private static String jsonPath(JsonMappingException e) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.toString();
  }
}
