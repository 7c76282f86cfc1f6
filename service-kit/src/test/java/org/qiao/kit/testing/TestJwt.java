package org.qiao.kit.testing;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/** Signs test tokens with a key pair made for this test run; nothing private is committed. */
public final class TestJwt {

  public static final String ISSUER = "qiao";

  /** The audience every service accepts ({@code mp.jwt.verify.audiences}). */
  public static final String AUDIENCE = "qiao-platform";

  private static final KeyPair KEYS = generate();

  private TestJwt() {}

  /** A bearer token for a role acting for an organisation. */
  public static String token(String role, String org) {
    return token(role, org, "test-" + UUID.randomUUID());
  }

  /** A bearer token for a person (sub) with a role acting for an organisation. */
  public static String token(String role, String org, String subject) {
    return token(Set.of(role), org, subject, AUDIENCE);
  }

  /** A bearer token with any roles and audience (null: no {@code aud} claim). */
  public static String token(Set<String> roles, String org, String subject, String audience) {
    var claims = Jwt.issuer(ISSUER).subject(subject).groups(roles).expiresIn(3600);
    if (audience != null) {
      claims.audience(audience);
    }
    if (org != null) {
      claims.claim("org", org);
    }
    return claims.sign(KEYS.getPrivate());
  }

  /** A correctly formed token signed by a key the service does not trust. */
  public static String foreignToken(String role, String org) {
    return Jwt.issuer(ISSUER)
        .subject("intruder")
        .groups(Set.of(role))
        .audience(AUDIENCE)
        .claim("org", org)
        .sign(generate().getPrivate());
  }

  public static String publicKeyPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /**
   * The private half (PKCS#8 PEM), for a test that runs something minting its own tokens the
   * services must trust (the web portal's development sign-in).
   */
  public static String privateKeyPem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(KEYS.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
