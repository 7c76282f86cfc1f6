package org.qiao.portal.session;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every page request: find the session from its cookie, choose the language, refuse a write that
 * another site started (the browser's Origin / Sec-Fetch-Site headers, on top of SameSite=Lax
 * cookies), and on the way out report the portal's own time apart from the APIs' in Server-Timing.
 */
public class SessionFilters {

  public static final String SESSION_COOKIE = "qiao_session";
  public static final String LANGUAGE_COOKIE = "qiao_lang";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  private static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

  private final SessionStore sessions;
  private final CurrentRequest current;

  SessionFilters(SessionStore sessions, CurrentRequest current) {
    this.sessions = sessions;
    this.current = current;
  }

  @ServerRequestFilter
  public Response begin(ContainerRequestContext request) {
    Cookie cookie = request.getCookies().get(SESSION_COOKIE);
    PortalSession session = cookie == null ? null : sessions.find(cookie.getValue()).orElse(null);
    current.begin(session, language(request), request.getMethod());
    if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
      return Response.status(Response.Status.FORBIDDEN)
          .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
          .entity("A form of another site cannot act here.")
          .build();
    }
    return null;
  }

  @ServerResponseFilter
  public void end(ContainerResponseContext response) {
    long api = current.apiNanos();
    long own = Math.max(0, current.elapsedNanos() - api);
    response
        .getHeaders()
        .add(
            "Server-Timing",
            String.format(
                Locale.ROOT,
                "portal;dur=%.2f, api;dur=%.2f;desc=\"%d calls\"",
                own / 1e6,
                api / 1e6,
                current.apiCalls()));
    // No page may be framed by another site (clickjacking).
    response.getHeaders().putSingle("Content-Security-Policy", "frame-ancestors 'none'");
    response.getHeaders().putSingle("X-Frame-Options", "DENY");
    // Pages show one person's data: never stored by a shared cache or kept after sign-out.
    if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
      response.getHeaders().add(HttpHeaders.CACHE_CONTROL, "no-store");
    }
  }

  /** The language cookie set by the switch, else the browser's preference; Chinese by default. */
  static Locale language(ContainerRequestContext request) {
    Cookie lang = request.getCookies().get(LANGUAGE_COOKIE);
    if (lang != null) {
      return "en".equals(lang.getValue()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
    String header = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
    if (header != null && !header.isBlank()) {
      try {
        Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
        if (best != null) {
          return best;
        }
      } catch (IllegalArgumentException e) {
        // an unreadable header: the default
      }
    }
    return Locale.SIMPLIFIED_CHINESE;
  }

  private static boolean crossSite(ContainerRequestContext request) {
    String site = request.getHeaderString("Sec-Fetch-Site");
    if (site != null) {
      return !site.equals("same-origin") && !site.equals("none");
    }
    String origin = request.getHeaderString("Origin");
    if (origin == null || origin.equals("null")) {
      return origin != null;
    }
    String host = request.getHeaderString(HttpHeaders.HOST);
    try {
      URI o = URI.create(origin);
      String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
      return host == null || !host.equalsIgnoreCase(authority);
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
