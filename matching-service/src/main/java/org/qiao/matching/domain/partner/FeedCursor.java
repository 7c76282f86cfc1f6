package org.qiao.matching.domain.partner;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A position in the partner event log: the next offset to read of every topic partition (ADR 0018).
 * Opaque to partners (base64url of a versioned text); a partition it does not name is read from its
 * start.
 */
public record FeedCursor(SortedMap<String, Long> next) {

  /**
   * Longest cursor accepted: four topics of up to a dozen partitions each, short enough that the
   * request line stays within the HTTP server's 4096 bytes.
   */
  public static final int MAX_LENGTH = 3000;

  private static final String VERSION = "c1";

  public FeedCursor {
    next = new TreeMap<>(next);
  }

  public static final FeedCursor START = new FeedCursor(new TreeMap<>());

  /** The key of a topic partition in a cursor. */
  public static String key(String topic, int partition) {
    return topic + "#" + partition;
  }

  /** The next offset to read of a partition, if the cursor names it. */
  public Optional<Long> offset(String topic, int partition) {
    return Optional.ofNullable(next.get(key(topic, partition)));
  }

  public FeedCursor with(Map<String, Long> moved) {
    TreeMap<String, Long> m = new TreeMap<>(next);
    m.putAll(moved);
    return new FeedCursor(m);
  }

  public String encode() {
    StringBuilder s = new StringBuilder(VERSION);
    next.forEach((k, v) -> s.append('|').append(k).append('=').append(v));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a partner sent back; empty when it is not one this service issued. */
  public static Optional<FeedCursor> decode(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String[] parts = plain.split("\\|", -1);
    if (!parts[0].equals(VERSION)) {
      return Optional.empty();
    }
    TreeMap<String, Long> next = new TreeMap<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      int eq = part.lastIndexOf('=');
      int hash = part.lastIndexOf('#');
      if (eq < 0 || hash < 1 || hash > eq) {
        return Optional.empty();
      }
      String topic = part.substring(0, hash);
      if (!topic.matches("[A-Za-z0-9._-]{1,249}")) {
        return Optional.empty();
      }
      try {
        int partition = Integer.parseInt(part.substring(hash + 1, eq));
        long offset = Long.parseLong(part.substring(eq + 1));
        if (partition < 0 || offset < 0) {
          return Optional.empty();
        }
        next.put(key(topic, partition), offset);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.of(new FeedCursor(next));
  }
}
