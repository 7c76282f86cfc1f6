package org.qiao.matching.domain.partner;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.qiao.kit.problem.ProblemException;

/**
 * Where a subscription's deliveries go: an absolute {@code https} URL without user info or
 * fragment; plain {@code http} only to a host the operator allowed (the local platform, tests).
 * Whether its host resolves to public addresses is checked separately, at registration and before
 * every delivery.
 */
public record WebhookUrl(String value, URI uri) {

  public static final int MAX_LENGTH = 2000;

  public static WebhookUrl parse(String text, Set<String> allowedHosts, String field) {
    if (text == null || text.isBlank()) {
      throw ProblemException.invalidField(field, "must be an https URL");
    }
    if (text.length() > MAX_LENGTH) {
      throw ProblemException.invalidField(field, "at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw ProblemException.invalidField(field, "must be an https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (!uri.isAbsolute() || host == null || host.isBlank() || uri.getRawAuthority() == null) {
      throw ProblemException.invalidField(field, "must be an absolute https URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw ProblemException.invalidField(field, "must not carry user name or password");
    }
    if (uri.getRawFragment() != null) {
      throw ProblemException.invalidField(field, "must not have a fragment");
    }
    boolean allowed = isAllowed(host, allowedHosts);
    if (!scheme.equals("https") && !(scheme.equals("http") && allowed)) {
      throw ProblemException.invalidField(field, "must be an https URL");
    }
    return new WebhookUrl(uri.toString(), uri);
  }

  /** Whether the operator allowed this host (exempt from the public-address rule). */
  public static boolean isAllowed(String host, Set<String> allowedHosts) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return allowedHosts.contains(h);
  }

  public String host() {
    String h = uri.getHost();
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }
}
