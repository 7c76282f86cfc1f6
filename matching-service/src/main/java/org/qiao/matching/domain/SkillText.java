package org.qiao.matching.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How two spellings of a skill are recognised as one: full-width and half-width forms folded (NFKC:
 * "ＪＡＶＡ" is "JAVA"), case ignored, and spaces and separating punctuation dropped ("Spring Boot",
 * "spring-boot", "Spring·Boot"); the characters that make names differ ({@code + # .}, as in C++,
 * C#, Node.js) are kept.
 */
public final class SkillText {

  private SkillText() {}

  /** The comparison key of a skill name; empty when nothing but spaces and punctuation. */
  public static String key(String text) {
    if (text == null) {
      return "";
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(folded.length());
    folded
        .codePoints()
        .filter(c -> Character.isLetterOrDigit(c) || c == '+' || c == '#' || c == '.')
        .forEach(b::appendCodePoint);
    return b.toString();
  }
}
