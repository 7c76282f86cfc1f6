package org.qiao.kit.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.qiao.kit.problem.ProblemException;

/**
 * One page of a keyset-paginated list, newest first by time-ordered id. The next page starts after
 * the last id; the link to it goes in an RFC 8288 {@code Link: <…>; rel="next"} header.
 */
public record Page<T>(List<T> items, UUID nextCursor) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  /** Cuts a result fetched with {@code limit + 1} rows into a page and its next cursor. */
  public static <T> Page<T> of(List<T> rows, int limit, Function<T, UUID> id) {
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(List.copyOf(items), id.apply(items.get(limit - 1)));
  }

  public <R> Page<R> map(Function<T, R> f) {
    return new Page<>(items.stream().map(f).toList(), nextCursor);
  }

  /** A 200 with the items as the body and the next page's link, keeping every other parameter. */
  public Response toResponse(UriInfo uri) {
    Response.ResponseBuilder r = Response.ok(items);
    if (nextCursor != null) {
      String next =
          uri.getRequestUriBuilder()
              .replaceQueryParam("cursor", nextCursor.toString())
              .build()
              .toString();
      r.header("Link", "<" + next + ">; rel=\"next\"");
    }
    return r.build();
  }

  /** The cursor a client sent back, or null for the first page. */
  public static UUID cursor(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("cursor", "must be a cursor from a Link header");
    }
  }
}
