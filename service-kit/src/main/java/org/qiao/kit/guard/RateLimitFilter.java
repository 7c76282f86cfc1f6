package org.qiao.kit.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.qiao.kit.problem.Problem;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Caller;

/**
 * Rate limits every request but health, metrics and OpenAPI ({@code /q/}) per caller (a role acting
 * for an organisation, or a person (student, mentor) on their own, keyed by the verified token; a
 * client address without one). Over the quota: 429 problem with {@code Retry-After}; every answer
 * carries the IETF {@code RateLimit} and {@code RateLimit-Policy} headers.
 */
public class RateLimitFilter {

  static final String HEADER = "RateLimit";
  static final String POLICY_HEADER = "RateLimit-Policy";
  private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

  private final RateLimiter limiter;
  private final CurrentIdentityAssociation identities;
  private final ObjectMapper json;

  RateLimitFilter(RateLimiter limiter, CurrentIdentityAssociation identities, ObjectMapper json) {
    this.limiter = limiter;
    this.identities = identities;
    this.json = json;
  }

  // Pre-matching: before the security check, so refused and anonymous requests count too.
  @ServerRequestFilter(preMatching = true)
  public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
    // Everything but the management endpoints counts, however the path is spelt ("//api/...").
    if (!limiter.enabled()
        || request.getUriInfo().getPath().replaceAll("/+", "/").startsWith("/q/")) {
      return Uni.createFrom().nullItem();
    }
    String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    return identities
        .getDeferredIdentity()
        // An invalid token is answered 401 by the endpoint; until then it counts as anonymous.
        .onFailure()
        .recoverWithItem((SecurityIdentity) null)
        // The shared buckets are rows in PostgreSQL: taken on a worker, never the event loop.
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(
            identity -> {
              RateLimiter.Decision d = decide(identity, address);
              request.setProperty(DECISION, d);
              return d.allowed() ? null : tooMany(request, d);
            });
  }

  private RateLimiter.Decision decide(SecurityIdentity identity, String address) {
    if (identity == null || identity.isAnonymous()) {
      return limiter.consume("address:" + address, limiter.anonymousLimit());
    }
    // A person (student, mentor) has a bucket of their own: one busy student must not spend the
    // quota of every other student of their university.
    String who =
        identity.getPrincipal() instanceof JsonWebToken jwt
            ? Caller.scopeOf(jwt)
            : "sub:" + identity.getPrincipal().getName();
    List<String> roles = identity.getRoles().stream().sorted().toList();
    return limiter.consume(String.join(",", roles) + "|" + who, limiter.limitFor(roles));
  }

  private Response tooMany(ContainerRequestContext request, RateLimiter.Decision d) {
    ProblemException p =
        new ProblemException(
            429,
            "too-many-requests",
            "Too Many Requests",
            "More than "
                + d.limit()
                + " requests in "
                + limiter.windowSeconds()
                + " s from this caller; retry after "
                + d.retryAfterSeconds()
                + " s",
            List.of());
    String body;
    try {
      body =
          json.writeValueAsString(
              p.toProblem("/" + request.getUriInfo().getPath().replaceFirst("^/", "")));
    } catch (JsonProcessingException e) {
      body = "{\"status\":429}";
    }
    return Response.status(429)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.RETRY_AFTER, d.retryAfterSeconds())
        .entity(body)
        .build();
  }

  @ServerResponseFilter
  public void headers(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof RateLimiter.Decision d) {
      response.getHeaders().putSingle(POLICY_HEADER, d.policyHeader(limiter.windowSeconds()));
      response.getHeaders().putSingle(HEADER, d.header());
    }
  }
}
