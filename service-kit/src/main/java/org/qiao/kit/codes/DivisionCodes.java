package org.qiao.kit.codes;

import java.util.Set;

/**
 * GB/T 2260 administrative division codes (six digits: province, prefecture, county): where an
 * organisation is registered or an internship takes place, as a code rather than a typed name.
 */
public final class DivisionCodes {

  /** Province-level prefixes, including Taiwan (71), Hong Kong (81) and Macao (82). */
  public static final Set<String> PROVINCES =
      Set.of(
          "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65", "71", "81", "82");

  /** Beijing, Tianjin, Shanghai, Chongqing: the province is the city. */
  private static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");

  private DivisionCodes() {}

  public static boolean isProvince(String twoDigits) {
    return PROVINCES.contains(twoDigits);
  }

  /** Why the text is not a six-digit division code, or null. */
  public static String problemWith(String code) {
    if (code == null || !code.matches("\\d{6}")) {
      return "must be a six-digit GB/T 2260 division code, such as 310115";
    }
    if (!isProvince(code.substring(0, 2))) {
      return "does not start with a province code (its first two digits)";
    }
    return null;
  }

  /**
   * The city-level code of a division: the municipality (310000) for Beijing, Tianjin, Shanghai and
   * Chongqing, else the prefecture (320500 for any county of Suzhou).
   */
  public static String city(String code) {
    String province = code.substring(0, 2);
    return MUNICIPALITIES.contains(province) ? province + "0000" : code.substring(0, 4) + "00";
  }
}
