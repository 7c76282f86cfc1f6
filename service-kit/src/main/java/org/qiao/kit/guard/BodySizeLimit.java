package org.qiao.kit.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.qiao.kit.problem.Problem;
import org.qiao.kit.problem.ProblemException;

/**
 * Refuses a body over {@code qiao.http.max-body-size} with a 413 problem: at once from its
 * Content-Length, before a byte of it is read, and for a chunked body when the reader passes the
 * limit. (Quarkus's own {@code quarkus.http.limits.max-body-size}, set higher, stays a backstop.)
 */
@Singleton
public class BodySizeLimit {

  private final long limit;
  private final long uploadLimit;
  private final List<String> uploadPaths;
  private final ObjectMapper json;

  BodySizeLimit(GuardConfig config, ObjectMapper json) {
    this.limit = config.maxBodySize().asLongValue();
    this.uploadLimit = config.upload().maxSize().asLongValue();
    this.uploadPaths = config.upload().paths().orElse(List.of());
    this.json = json;
  }

  /**
   * The limit for a request path: larger only on a configured upload path spelt plainly. The router
   * matches the normalised path, so a raw-path prefix test would let {@code /uploads/../pings},
   * {@code /uploads/%2e%2e/pings} or {@code /uploads;x/../pings} carry an upload-sized body to a
   * JSON endpoint. Any path with dot segments, percent-escapes, matrix parameters or empty segments
   * therefore gets the ordinary limit, whatever it routes to: no client that uploads needs such a
   * spelling.
   */
  long limitFor(String path) {
    if (path != null && isPlain(path)) {
      for (String prefix : uploadPaths) {
        if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
          return uploadLimit;
        }
      }
    }
    return limit;
  }

  /** Only letters, digits, '-', '_' and single slashes between non-dot segments. */
  static boolean isPlain(String path) {
    if (!path.startsWith("/") || path.contains("//")) {
      return false;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      boolean ok =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || c == '-'
              || c == '_'
              || c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  // Before Quarkus's own body-size route (order -2), which would answer without a problem body.
  void install(@Observes Router router) {
    router.route().order(-3).handler(this::checkDeclaredLength);
  }

  private void checkDeclaredLength(RoutingContext rc) {
    String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    long length;
    try {
      length = declared == null ? -1 : Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      length = -1; // the HTTP codec itself refuses a malformed Content-Length
    }
    long allowed = limitFor(rc.request().path());
    if (length <= allowed) {
      rc.next();
      return;
    }
    // The unread body would otherwise have to be drained before the connection could be reused.
    rc.response().putHeader(HttpHeaders.CONNECTION, "close");
    respond(rc, tooLarge(allowed));
  }

  private void respond(RoutingContext rc, ProblemException problem) {
    String body;
    try {
      body = json.writeValueAsString(problem.toProblem(rc.request().path()));
    } catch (JsonProcessingException e) {
      body = "{\"status\":" + problem.status() + "}";
    }
    rc.response()
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(body);
  }

  ProblemException tooLarge(long limit) {
    return new ProblemException(
        413,
        "content-too-large",
        "Content Too Large",
        "The request body is larger than " + limit + " bytes",
        List.of());
  }

  /** Counts what a JSON reader takes from a body whose length was not declared up front. */
  @Provider
  public static class CountingReader implements ReaderInterceptor {

    // Interceptors are built at static init, before runtime config: look the limit up per read.
    private final Instance<BodySizeLimit> owner;
    private final Instance<CurrentVertxRequest> request;

    CountingReader(Instance<BodySizeLimit> owner, Instance<CurrentVertxRequest> request) {
      this.owner = owner;
      this.request = request;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
      BodySizeLimit limits = owner.get();
      RoutingContext rc = request.get().getCurrent();
      long limit = limits.limitFor(rc == null ? null : rc.request().path());
      context.setInputStream(new Bounded(context.getInputStream(), limits, limit));
      return context.proceed();
    }
  }

  private static final class Bounded extends FilterInputStream {
    private final BodySizeLimit owner;
    private final long limit;
    private long read;

    Bounded(InputStream in, BodySizeLimit owner, long limit) {
      super(in);
      this.owner = owner;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw owner.tooLarge(limit);
      }
    }
  }
}
