package org.qiao.matching.domain.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the distinct values of one attribute (skill keys, majors, cities, institutions) so the
 * index stores small codes instead of strings. Code 0 is reserved for null. Not thread-safe: the
 * owning index guards it.
 */
final class CodeBook {

  private final Map<String, Integer> codes = new HashMap<>();
  private final List<String> values = new ArrayList<>();

  CodeBook() {
    values.add(null);
  }

  /** The code of a value, numbering it if new. */
  int encode(String value) {
    if (value == null) {
      return 0;
    }
    Integer code = codes.get(value);
    if (code == null) {
      code = values.size();
      values.add(value);
      codes.put(value, code);
    }
    return code;
  }

  /** The code of a known value, -1 when unknown (and 0 for null). */
  int find(String value) {
    if (value == null) {
      return 0;
    }
    Integer code = codes.get(value);
    return code == null ? -1 : code;
  }

  String value(int code) {
    return values.get(code);
  }

  /** Codes in use plus the null code. */
  int size() {
    return values.size();
  }

  long bytes() {
    long b = 64;
    for (String v : values) {
      b += v == null ? 8 : 48 + 2L * v.length() + 48;
    }
    return b;
  }
}
