package org.qiao.kit.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Which of an operation's representations a caller asked for (the Accept header). */
public final class Negotiation {

  private Negotiation() {}

  /**
   * Whether the caller prefers {@code alternative} to plain JSON: the first acceptable type (in the
   * order of their weights) that names either decides; a wildcard means JSON, the default.
   */
  public static boolean prefers(HttpHeaders headers, MediaType alternative) {
    for (MediaType m : headers.getAcceptableMediaTypes()) {
      if (m.isWildcardType()
          || m.isWildcardSubtype()
          || m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
      if (m.isCompatible(alternative)) {
        return true;
      }
    }
    return false;
  }
}
