package org.qiao.kit.http;

import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import org.qiao.kit.problem.ProblemException;

/**
 * ETag / If-Match for optimistic concurrency: the ETag is the aggregate's version. A change with a
 * stale If-Match gets 412; where If-Match is required and missing, 428.
 */
public final class Versions {

  /** Longest If-Match accepted: a quoted, possibly weak, 64-bit version with room to spare. */
  public static final int MAX_IF_MATCH_LENGTH = 40;

  private Versions() {}

  public static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /** The version an If-Match header names; 428 when it is missing, 400 when unreadable. */
  public static long required(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          428,
          "precondition-required",
          "Precondition Required",
          "Send If-Match with the ETag you last read, so no one else's change is overwritten",
          List.of());
    }
    if (ifMatch.length() > MAX_IF_MATCH_LENGTH) {
      throw ProblemException.invalidField("If-Match", "must be an ETag this service issued");
    }
    return parse(ifMatch);
  }

  public static void check(long expected, long current) {
    if (expected != current) {
      throw stale(current);
    }
  }

  private static ProblemException stale(long current) {
    return new ProblemException(
        412,
        "precondition-failed",
        "Precondition Failed",
        "The resource has changed (now at version "
            + current
            + "); read it again and reapply your change",
        List.of());
  }

  /** An entity tag as RFC 9110 spells it, {@code "7"} or {@code W/"7"}, naming our version. */
  private static final java.util.regex.Pattern ETAG =
      java.util.regex.Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

  private static long parse(String ifMatch) {
    var m = ETAG.matcher(ifMatch);
    if (!m.matches()) {
      throw ProblemException.invalidField("If-Match", "must be an ETag this service issued");
    }
    return Long.parseLong(m.group(1));
  }
}
