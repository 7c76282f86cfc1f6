package org.qiao.portal.signin;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.qiao.portal.config.PortalConfig;
import org.qiao.portal.session.Persona;

/**
 * Mints the local platform's tokens for the development sign-in, with the same claims as {@code
 * deploy/qiao token}: groups (the role), org, sub (the person, else role:org), upn, jti. Only
 * exists where {@code qiao.portal.dev-sign-in.enabled} is true and a key is configured.
 */
@ApplicationScoped
public class DevTokens {

  /** A minted token and when it stops being accepted. */
  public record Minted(String token, Instant expires) {}

  private final PortalConfig config;
  private volatile PrivateKey key;

  DevTokens(PortalConfig config) {
    this.config = config;
  }

  public boolean enabled() {
    return config.devSignIn().enabled()
        && config.devSignIn().privateKeyLocation().isPresent()
        && !ConfigUtils.getProfiles().contains("prod")
        && ConfigUtils.getProfiles().stream()
            .anyMatch(p -> p.equals("dev") || p.equals("test") || p.equals("local"));
  }

  public Minted mint(Persona persona, String org, Optional<String> subject) {
    if (!enabled()) {
      throw new IllegalStateException("the development sign-in is off");
    }
    PortalConfig.DevSignIn c = config.devSignIn();
    Instant now = Instant.now();
    Instant expires = now.plus(c.validity());
    String token =
        Jwt.issuer(c.issuer())
            .audience(c.audience())
            .subject(subject.orElse(persona.role() + ":" + org))
            .upn(persona.role() + "@" + org)
            .groups(Set.of(persona.role()))
            .claim("org", org)
            .claim("jti", UUID.randomUUID().toString())
            .issuedAt(now)
            .expiresAt(expires)
            .sign(key());
    return new Minted(token, expires);
  }

  private PrivateKey key() {
    PrivateKey k = key;
    if (k == null) {
      String location = config.devSignIn().privateKeyLocation().orElseThrow();
      try {
        k = KeyUtils.decodePrivateKey(read(location));
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException("cannot read the sign-in key at " + location, e);
      }
      key = k;
    }
    return k;
  }

  private static String read(String location) throws IOException {
    if (location.startsWith("classpath:")) {
      try (InputStream in =
          DevTokens.class.getClassLoader().getResourceAsStream(location.substring(10))) {
        if (in == null) {
          throw new IOException(location + " not found");
        }
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      }
    }
    Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    return Files.readString(path, StandardCharsets.US_ASCII);
  }
}
