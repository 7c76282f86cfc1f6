package org.qiao.kit.ids;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests as lower-case hex: fingerprints of uploads and of what an event would carry. */
public final class Digests {

  private Digests() {}

  public static String sha256Hex(byte[] content) {
    return HexFormat.of().formatHex(sha256(content));
  }

  public static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
