package org.qiao.matching.domain.ranking;

import java.util.Arrays;

/**
 * One small code per slot: two bytes while the codes fit (majors, institutions number in the
 * thousands), widened to four the first time a code does not. Not thread-safe.
 */
final class CodeColumn {

  private char[] narrow;
  private int[] wide;

  CodeColumn(int capacity) {
    narrow = new char[Math.max(capacity, 16)];
  }

  int get(int slot) {
    return wide != null ? wide[slot] : narrow[slot];
  }

  void set(int slot, int code) {
    if (wide == null && code > Character.MAX_VALUE) {
      wide = new int[narrow.length];
      for (int i = 0; i < narrow.length; i++) {
        wide[i] = narrow[i];
      }
      narrow = null;
    }
    if (wide != null) {
      wide[slot] = code;
    } else {
      narrow[slot] = (char) code;
    }
  }

  int capacity() {
    return wide != null ? wide.length : narrow.length;
  }

  void grow(int capacity) {
    if (wide != null) {
      wide = Arrays.copyOf(wide, capacity);
    } else {
      narrow = Arrays.copyOf(narrow, capacity);
    }
  }

  long bytes() {
    return 16 + (wide != null ? 4L * wide.length : 2L * narrow.length);
  }
}
