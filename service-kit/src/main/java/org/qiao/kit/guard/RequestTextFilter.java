package org.qiao.kit.guard;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.qiao.kit.problem.ProblemException;

/**
 * Path and query parameters and headers pass {@link SafeText} before any resource sees them, so a
 * {@code %00} in a URL is a 400 naming the parameter, never a database error.
 */
public class RequestTextFilter {

  /** Headers whose presence means something: sent empty, they are a mistake, not an absence. */
  private static final List<String> MEANINGFUL_HEADERS = List.of("Idempotency-Key", "If-Match");

  @ServerRequestFilter
  public void check(ContainerRequestContext request, HttpServerRequest http) {
    // The raw request line: java.net.URI and the decoders refuse or mangle what we must name.
    String raw = http.uri();
    int q = raw.indexOf('?');
    checkUtf8(q < 0 ? raw : raw.substring(0, q), q < 0 ? null : raw.substring(q + 1));
    var uri = request.getUriInfo();
    try {
      checkAll(uri.getPathParameters(true));
      checkAll(uri.getQueryParameters(true));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("query", "must be properly percent-encoded");
    }
    checkAll(request.getHeaders());
    for (String header : MEANINGFUL_HEADERS) {
      List<String> values = request.getHeaders().get(header);
      if (values != null && values.stream().anyMatch(v -> v == null || v.isBlank())) {
        throw ProblemException.invalidField(header, "must not be empty");
      }
    }
    // A body whose type is not said cannot be read as the JSON the operation consumes.
    if (hasBody(request) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
      throw new ProblemException(
          415,
          "unsupported-media-type",
          "Unsupported Media Type",
          "The body has no Content-Type; send application/json",
          List.of());
    }
  }

  private static boolean hasBody(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    return length != null && !length.trim().equals("0")
        || request.getHeaderString("Transfer-Encoding") != null;
  }

  /**
   * Percent-encoded bytes must be UTF-8: decoding would silently turn an invalid sequence (such as
   * an encoded surrogate) into U+FFFD.
   */
  private static void checkUtf8(String rawPath, String rawQuery) {
    if (!isUtf8(rawPath)) {
      throw ProblemException.invalidField("path", "must be percent-encoded UTF-8");
    }
    if (rawQuery == null) {
      return;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (!isUtf8(pair)) {
        throw ProblemException.invalidField(
            isUtf8(name)
                ? URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8)
                : "query",
            "must be percent-encoded UTF-8");
      }
    }
  }

  private static boolean isUtf8(String percentEncoded) {
    if (percentEncoded.indexOf('%') < 0) {
      return true;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < percentEncoded.length(); i++) {
      char c = percentEncoded.charAt(i);
      if (c == '%') {
        int hi =
            i + 1 < percentEncoded.length()
                ? Character.digit(percentEncoded.charAt(i + 1), 16)
                : -1;
        int lo =
            i + 2 < percentEncoded.length()
                ? Character.digit(percentEncoded.charAt(i + 2), 16)
                : -1;
        if (hi < 0 || lo < 0) {
          return false; // "%", "%4" and "%zz" are not escapes
        }
        bytes.write(hi * 16 + lo);
        i += 2;
        continue;
      }
      bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static void checkAll(MultivaluedMap<String, String> values) {
    for (Map.Entry<String, List<String>> e : values.entrySet()) {
      String nameProblem = SafeText.problem(e.getKey());
      if (nameProblem != null) {
        throw ProblemException.invalidField("parameter name", nameProblem);
      }
      for (String value : e.getValue()) {
        String problem = SafeText.problem(value);
        if (problem != null) {
          throw ProblemException.invalidField(e.getKey(), problem);
        }
      }
    }
  }
}
