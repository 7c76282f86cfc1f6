package org.qiao.kit.codes;

import java.util.Set;

/**
 * The format of a unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character set, a registration authority and organisation type, the administrative division,
 * the organisation code, and a check character over the first 17. Enterprises are identified by it,
 * and so are training providers, in more than one service: the check lives here once.
 */
public final class CreditCodes {

  public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  /** Registration authority + organisation type pairs in use (positions 1–2). */
  private static final Set<String> PREFIXES =
      Set.of(
          "11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35", "39", "41", "49", "51",
          "52", "53", "59", "61", "62", "69", "71", "72", "79", "81", "89", "91", "92", "93", "A1",
          "A9", "N1", "N2", "N3", "N9", "Y1");

  private CreditCodes() {}

  /** Why the text is not a valid credit code, or null when it is. */
  public static String problemWith(String text) {
    if (text == null || text.isBlank()) {
      return "is required";
    }
    if (text.length() == 15 && text.chars().allMatch(Character::isDigit)) {
      return "is a legacy 15-digit registration number; the 18-character unified social credit"
          + " code is required";
    }
    if (text.length() != 18) {
      return "must be 18 characters (it has " + text.length() + ")";
    }
    for (int i = 0; i < 18; i++) {
      if (CHARSET.indexOf(text.charAt(i)) < 0) {
        return "character "
            + (i + 1)
            + " ('"
            + text.charAt(i)
            + "') is not allowed (digits and"
            + " upper-case letters except I, O, S, V, Z)";
      }
    }
    if (!PREFIXES.contains(text.substring(0, 2))) {
      return "registration authority and organisation type '"
          + text.substring(0, 2)
          + "' do not exist";
    }
    if (!text.substring(2, 8).chars().allMatch(Character::isDigit)) {
      return "characters 3-8 must be an administrative division code (6 digits)";
    }
    char expected = checkCharacter(text.substring(0, 17));
    if (text.charAt(17) != expected) {
      return "check character is wrong: the code is mistyped";
    }
    return null;
  }

  /** The check character (position 18) of the first 17 characters. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
    }
    return CHARSET.charAt((31 - sum % 31) % 31);
  }
}
