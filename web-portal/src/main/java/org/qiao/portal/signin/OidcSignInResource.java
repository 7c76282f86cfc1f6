package org.qiao.portal.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.qiao.portal.session.Persona;
import org.qiao.portal.session.PortalSession;
import org.qiao.portal.session.SessionCookies;
import org.qiao.portal.session.SessionStore;

/**
 * Where the organisation's identity provider sends the person back (authorization-code flow, ADR
 * 0019). The access token it issued (role in {@code groups}, {@code org}, {@code sub}) moves into
 * the portal's server-side session and the OIDC extension's own session cookie is removed: the
 * browser keeps only the session id. A person whose token names no portal role is refused.
 */
@Path("/oidc/sign-in")
public class OidcSignInResource {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Instance<AccessTokenCredential> accessToken;
  private final Instance<OidcSession> oidcSession;
  private final SessionStore sessions;
  private final SessionCookies cookies;

  OidcSignInResource(
      Instance<AccessTokenCredential> accessToken,
      Instance<OidcSession> oidcSession,
      SessionStore sessions,
      SessionCookies cookies) {
    this.accessToken = accessToken;
    this.oidcSession = oidcSession;
    this.sessions = sessions;
    this.cookies = cookies;
  }

  @GET
  @Authenticated
  public Response landed() throws IOException {
    String token = accessToken.get().getToken();
    JsonNode claims = JSON.readTree(payload(token));
    Optional<Persona> persona = Optional.empty();
    for (JsonNode g : claims.path("groups")) {
      persona = persona.or(() -> Persona.ofRole(g.asText()));
    }
    String org = claims.path("org").asText("");
    if (persona.isEmpty() || org.isBlank()) {
      return Response.status(Response.Status.FORBIDDEN).build();
    }
    String subject = persona.get() == Persona.STUDENT ? claims.path("sub").asText(null) : null;
    Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong(0));
    PortalSession s = sessions.open(persona.get(), org, subject, token, expires);
    oidcSession.get().logout().await().indefinitely();
    return Response.seeOther(URI.create(persona.get().home()))
        .cookie(cookies.session(s.id(), -1))
        .build();
  }

  private static String payload(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      throw new IllegalArgumentException("not a JWT");
    }
    return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
  }
}
