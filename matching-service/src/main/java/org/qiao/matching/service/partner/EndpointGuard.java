package org.qiao.matching.service.partner;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import org.qiao.kit.problem.ProblemException;
import org.qiao.matching.config.PartnersConfig;
import org.qiao.matching.domain.partner.EndpointAddresses;
import org.qiao.matching.domain.partner.WebhookUrl;

/**
 * Server-side request forgery guard (ADR 0018): a webhook goes only to a host all of whose
 * addresses are public, or to one the operator allowed. Checked at registration and before every
 * attempt, since what a name resolves to can change.
 */
@ApplicationScoped
public class EndpointGuard {

  private final Set<String> allowedHosts;

  EndpointGuard(PartnersConfig config) {
    this.allowedHosts =
        config.webhooks().allowedHosts().map(Set::copyOf).orElse(Set.of()).stream()
            .map(h -> h.strip().toLowerCase(java.util.Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** Parses and checks a URL a partner gave; 400 naming the field when it may not be used. */
  public WebhookUrl accept(String text, String field) {
    WebhookUrl url = WebhookUrl.parse(text, allowedHosts, field);
    refusal(url)
        .ifPresent(
            reason -> {
              throw ProblemException.invalidField(field, reason);
            });
    return url;
  }

  /** Why a delivery to this URL may not be made now, or empty when it may. */
  public Optional<String> refusal(WebhookUrl url) {
    if (WebhookUrl.isAllowed(url.host(), allowedHosts)) {
      return Optional.empty();
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(url.host());
    } catch (UnknownHostException | SecurityException e) {
      return Optional.of("the host does not resolve");
    }
    for (InetAddress a : addresses) {
      if (!EndpointAddresses.isPublic(a)) {
        return Optional.of(
            "the host resolves to a loopback, private, link-local or otherwise non-public address");
      }
    }
    return Optional.empty();
  }

  /** A URL stored earlier, parsed again for a delivery. */
  public WebhookUrl stored(String url) {
    return WebhookUrl.parse(url, allowedHosts, "url");
  }
}
