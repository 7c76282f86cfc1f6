package org.qiao.curriculum.domain;

import java.util.regex.Pattern;
import org.qiao.kit.problem.Rules;

/**
 * The national catalogue a major code comes from; a plan stores which one (and its edition), so a
 * code means the same thing after the catalogues are revised.
 */
public enum MajorCatalogue {
  /** 普通高等学校本科专业目录 (2024): 学科门类 01–14, four more digits, T (特设) or K (国家控制布点). */
  UNDERGRADUATE_2024(
      "2024", Pattern.compile("(0[1-9]|1[0-4])\\d{4}[TK]?"), "01xxxx–14xxxx, with optional T or K"),
  /** 职业教育专业目录 (2021): 高职本科 (21–39) and 高职专科 (41–59) 专业大类, no suffix. */
  VOCATIONAL_2021("2021", Pattern.compile("[2-5][0-9]\\d{4}"), "21xxxx–59xxxx");

  private final String edition;
  private final Pattern codes;
  private final String shape;

  MajorCatalogue(String edition, Pattern codes, String shape) {
    this.edition = edition;
    this.codes = codes;
    this.shape = shape;
  }

  public String edition() {
    return edition;
  }

  /** The code, if it can be a major of this catalogue. */
  public String check(String field, String majorCode) {
    if (majorCode == null || !codes.matcher(majorCode).matches()) {
      throw Rules.invalid(
          field, "must be a major code of the " + name() + " catalogue (" + shape + ")");
    }
    if (this == VOCATIONAL_2021 && (majorCode.startsWith("20") || majorCode.startsWith("40"))) {
      throw Rules.invalid(
          field, "must be a major code of the " + name() + " catalogue (" + shape + ")");
    }
    return majorCode;
  }
}
