package org.qiao.kit.guard;

/**
 * Text PostgreSQL cannot store or that no encoder can write: U+0000 (refused by {@code text}
 * columns) and UTF-16 surrogates without their pair (not Unicode scalar values, so no valid UTF-8).
 */
public final class SafeText {

  private SafeText() {}

  /** Why the text is unsafe, or null when it is fine. */
  public static String problem(CharSequence s) {
    if (s == null) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u0000') {
        return "must not contain U+0000 (NUL)";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return "must not contain an unpaired UTF-16 surrogate";
      }
      if (Character.isLowSurrogate(c)) {
        return "must not contain an unpaired UTF-16 surrogate";
      }
    }
    return null;
  }
}
