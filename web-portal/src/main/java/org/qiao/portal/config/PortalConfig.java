package org.qiao.portal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The portal's settings: where the four services are, how people sign in, how long sessions live.
 */
@ConfigMapping(prefix = "qiao.portal")
public interface PortalConfig {

  /** Base URIs of the services' public APIs (the paths under them come from the contracts). */
  Services services();

  DevSignIn devSignIn();

  Session session();

  interface Services {
    @WithDefault("http://127.0.0.1:8081")
    String talentDemand();

    @WithDefault("http://127.0.0.1:8082")
    String curriculum();

    @WithDefault("http://127.0.0.1:8083")
    String internship();

    @WithDefault("http://127.0.0.1:8084")
    String matching();

    /** How long one API call may take before the page says the service did not answer. */
    @WithDefault("PT10S")
    Duration timeout();
  }

  /**
   * The local platform's development sign-in: pick a role, organisation and person; the portal
   * mints a token with the platform's own key. Never on in production (the prod profile pins it off
   * and the resource refuses to run without a key).
   */
  interface DevSignIn {
    @WithDefault("false")
    boolean enabled();

    /** PEM (PKCS#8) private key the platform's services trust, e.g. file:.qiao/jwt/private.pem. */
    Optional<String> privateKeyLocation();

    @WithDefault("qiao")
    String issuer();

    @WithDefault("qiao-platform")
    String audience();

    @WithDefault("PT8H")
    Duration validity();
  }

  interface Session {
    /** A session unused this long is forgotten, with the tokens it held. */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** At most this many sessions are held; the least recently used goes first. */
    @WithDefault("20000")
    int maxSessions();

    /** Secure cookies (https only); off only for the local platform on plain http. */
    @WithDefault("true")
    boolean secureCookie();
  }
}
