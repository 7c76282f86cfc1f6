package org.qiao.portal.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.qiao.portal.config.PortalConfig;

/** The portal's cookies: the session id (HttpOnly) and the language choice. SameSite=Lax both. */
@ApplicationScoped
public class SessionCookies {

  private final PortalConfig config;

  SessionCookies(PortalConfig config) {
    this.config = config;
  }

  /** The session cookie; max age 0 removes it, -1 makes it end with the browser. */
  public NewCookie session(String value, int maxAge) {
    return new NewCookie.Builder(SessionFilters.SESSION_COOKIE)
        .value(value)
        .path("/")
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(config.session().secureCookie())
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }

  public NewCookie language(String lang) {
    return new NewCookie.Builder(SessionFilters.LANGUAGE_COOKIE)
        .value(lang)
        .path("/")
        .maxAge(365 * 24 * 3600)
        .secure(config.session().secureCookie())
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }
}
