package org.qiao.matching.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a delivery as a receiver following Standard Webhooks 1.0 would, written apart from the
 * service's signer: the secret's base64 after {@code whsec_} is the key; the signed content is
 * {@code id.timestamp.body}; the header holds space-separated {@code v1,<base64>} signatures, any
 * of which may match (compared in constant time); the timestamp must be within 5 minutes of now.
 */
public final class StandardWebhooksVerifier {

  public static final long TOLERANCE_SECONDS = 5 * 60;

  private StandardWebhooksVerifier() {}

  public static boolean verify(
      String secret,
      String id,
      String timestamp,
      String signatureHeader,
      byte[] body,
      Instant now) {
    if (id == null || timestamp == null || signatureHeader == null) {
      return false;
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - ts) > TOLERANCE_SECONDS) {
      return false;
    }
    byte[] expected;
    try {
      byte[] key = Base64.getDecoder().decode(secret.replaceFirst("^whsec_", ""));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] prefix = (id + "." + ts + ".").getBytes(StandardCharsets.UTF_8);
      byte[] content = new byte[prefix.length + body.length];
      System.arraycopy(prefix, 0, content, 0, prefix.length);
      System.arraycopy(body, 0, content, prefix.length, body.length);
      expected = mac.doFinal(content);
    } catch (Exception e) {
      return false;
    }
    for (String sig : signatureHeader.split(" ")) {
      int comma = sig.indexOf(',');
      if (comma < 0 || !sig.substring(0, comma).equals("v1")) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(sig.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return true;
      }
    }
    return false;
  }
}
