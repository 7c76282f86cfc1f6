package org.qiao.curriculum.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives pseudonymous ids: HMAC-SHA256 under a secret key over the institution code and student
 * number, 130 bits in lower-case base32 after an "s". Stable for a student under one key; without
 * the key it cannot be turned back into the number (nor confirmed by guessing numbers). A new key
 * applies to students enrolled after it; an id, once given, is stored and never recomputed.
 */
public final class Pseudonyms {

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

  private final String currentKeyId;
  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

  /**
   * @param keys key id → base64 secret of at least 32 bytes; old keys stay so erased students are
   *     recognised under the key they were enrolled with
   */
  public Pseudonyms(String currentKeyId, Map<String, String> keys) {
    keys.forEach(
        (id, secret) -> {
          byte[] bytes = Base64.getDecoder().decode(secret.strip());
          if (bytes.length < 32) {
            throw new IllegalArgumentException(
                "pseudonym key " + id + " must be at least 32 bytes (256 bits)");
          }
          this.keys.put(id, new SecretKeySpec(bytes, "HmacSHA256"));
        });
    if (!this.keys.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("no pseudonym key with the current id " + currentKeyId);
    }
    this.currentKeyId = currentKeyId;
  }

  public Pseudonym of(String institutionCode, String studentNumber) {
    return new Pseudonym(
        derive(keys.get(currentKeyId), institutionCode, studentNumber), currentKeyId);
  }

  /**
   * The ids the student would have under every configured key (for the erasure list), the current
   * key's among them ({@link #current}): one derivation per key, however they are used.
   */
  public List<Pseudonym> underEveryKey(String institutionCode, String studentNumber) {
    List<Pseudonym> ids = new ArrayList<>();
    keys.forEach((id, k) -> ids.add(new Pseudonym(derive(k, institutionCode, studentNumber), id)));
    return ids;
  }

  /** The one of {@link #underEveryKey} that new students get. */
  public Pseudonym current(List<Pseudonym> underEveryKey) {
    return underEveryKey.stream()
        .filter(p -> p.keyId().equals(currentKeyId))
        .findFirst()
        .orElseThrow();
  }

  private static String derive(SecretKeySpec key, String institutionCode, String studentNumber) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      // The unit separator keeps ("41", "31…") and ("413", "1…") apart.
      byte[] digest =
          mac.doFinal(
              (institutionCode + '\u001f' + studentNumber.toUpperCase(Locale.ROOT))
                  .getBytes(StandardCharsets.UTF_8));
      return "s" + base32(digest, 26);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base32(byte[] bytes, int chars) {
    StringBuilder out = new StringBuilder(chars);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5 && out.length() < chars) {
        out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    return out.toString();
  }
}
