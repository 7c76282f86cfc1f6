package org.qiao.talentdemand.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Checks of the official codes a demand, order or challenge refers to. */
public final class Codes {

  private static final Pattern OCCUPATION = Pattern.compile("[1-8]-\\d{2}-\\d{2}-\\d{2}");
  private static final Pattern MAJOR = Pattern.compile("\\d{6}[TK]?");
  private static final Pattern DISCIPLINE = Pattern.compile("\\d{2}|\\d{4}");

  private Codes() {}

  /** 职业分类大典 code: major group (1 digit, 1–8) - middle - minor - unit, e.g. 2-02-10-03. */
  public static String occupation(String field, String code) {
    if (code == null || !OCCUPATION.matcher(code).matches()) {
      throw new DomainViolation(field, "must be an occupation code like 2-02-10-03");
    }
    return code;
  }

  /** Major codes: 6 digits with an optional T (特设) or K (国家控制布点) suffix; no duplicates. */
  public static List<String> majors(String field, List<String> codes) {
    return distinct(field, codes, MAJOR, "must be a 6-digit major code with optional T or K");
  }

  /** Discipline codes: a 2-digit 学科门类 or a 4-digit 一级学科 code. */
  public static List<String> disciplines(String field, List<String> codes) {
    return distinct(field, codes, DISCIPLINE, "must be a 2- or 4-digit discipline code");
  }

  private static List<String> distinct(
      String field, List<String> codes, Pattern pattern, String message) {
    if (codes == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      if (code == null || !pattern.matcher(code).matches()) {
        throw new DomainViolation(field + "[" + i + "]", message);
      }
      out.add(code);
    }
    if (new LinkedHashSet<>(out).size() != out.size()) {
      throw new DomainViolation(field, "must not repeat a code");
    }
    return List.copyOf(out);
  }
}
