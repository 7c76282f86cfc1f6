package org.qiao.curriculum.domain;

import org.qiao.kit.codes.DivisionCodes;
import org.qiao.kit.problem.Rules;

/**
 * 学校标识码: ten digits AABBCCCCCC, a school category (41 普通高等学校, 42 成人高等学校), a provincial division
 * code, and a number, which for higher education is 0 + the old five-digit school code (复旦大学
 * 4131010246).
 */
public record InstitutionCode(String value) {

  public static final String FIELD = "institutionCode";

  public InstitutionCode {
    String problem = problemWith(value);
    if (problem != null) {
      throw Rules.invalid(FIELD, problem);
    }
  }

  /** Why the text is not an institution code of a higher-education institution, or null. */
  public static String problemWith(String text) {
    if (text == null || text.isBlank()) {
      return "is required";
    }
    if (text.length() != 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return "must be 10 digits (学校标识码)";
    }
    if (text.charAt(0) != '4' || (text.charAt(1) != '1' && text.charAt(1) != '2')) {
      return "must start with the higher-education category 41 or 42";
    }
    if (!DivisionCodes.isProvince(text.substring(2, 4))) {
      return "digits 3-4 ('" + text.substring(2, 4) + "') are not a provincial division code";
    }
    if (text.charAt(4) != '0') {
      return "digit 5 must be 0 (then the five-digit school code)";
    }
    return null;
  }

  public String provinceCode() {
    return value.substring(2, 4);
  }

  @Override
  public String toString() {
    return value;
  }
}
