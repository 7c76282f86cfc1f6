package org.qiao.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The local platform's token authority. The first run makes an RSA key pair under the platform's
 * home (never committed, never trusted by anything but this local platform); the services verify
 * with the public half, and {@code token} signs RS256 tokens with the private half.
 */
final class Tokens {

  static final String ISSUER = "qiao";

  /** The audience the services verify ({@code mp.jwt.verify.audiences}, the kit's default). */
  static final String AUDIENCE = "qiao-platform";

  private final Path privateKey;
  private final Path publicKey;

  Tokens(Path home) {
    Path dir = home.resolve("jwt");
    this.privateKey = dir.resolve("private.pem");
    this.publicKey = dir.resolve("public.pem");
  }

  Path publicKeyFile() {
    return publicKey;
  }

  void ensureKeyPair() throws IOException, GeneralSecurityException {
    if (Files.exists(privateKey) && Files.exists(publicKey)) {
      return;
    }
    Files.createDirectories(privateKey.getParent());
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    try {
      Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the file stays as the platform made it
    }
    Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  /** A signed bearer token for a role acting for an organisation. */
  String mint(String role, String org, Duration validity)
      throws IOException, GeneralSecurityException {
    return mint(role, org, null, validity);
  }

  /** A signed bearer token for a person (subject; null: the role and org) acting for an org. */
  String mint(String role, String org, String subject, Duration validity)
      throws IOException, GeneralSecurityException {
    ensureKeyPair();
    Instant now = Instant.now();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    String payload =
        "{\"iss\":\""
            + ISSUER
            + "\",\"aud\":\""
            + AUDIENCE
            + "\",\"sub\":\""
            + json(subject == null ? role + ":" + org : subject)
            + "\",\"upn\":\""
            + json(role + "@" + org)
            + "\",\"groups\":[\""
            + json(role)
            + "\"],\"org\":\""
            + json(org)
            + "\",\"iat\":"
            + now.getEpochSecond()
            + ",\"exp\":"
            + now.plus(validity).getEpochSecond()
            + ",\"jti\":\""
            + UUID.randomUUID()
            + "\"}";
    String signingInput =
        b64(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64(payload.getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(readPrivateKey());
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64(rsa.sign());
  }

  private PrivateKey readPrivateKey() throws IOException, GeneralSecurityException {
    String base64 =
        Files.readString(privateKey)
            .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
