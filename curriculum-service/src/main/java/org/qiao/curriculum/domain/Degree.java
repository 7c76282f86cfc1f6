package org.qiao.curriculum.domain;

import java.util.Locale;
import java.util.Map;

/** The degree a student graduates with, in ascending order (the same names as demands use). */
public enum Degree {
  VOCATIONAL,
  ASSOCIATE,
  BACHELOR,
  MASTER,
  DOCTOR;

  private static final Map<String, Degree> CHINESE =
      Map.ofEntries(
          Map.entry("中专", VOCATIONAL),
          Map.entry("中职", VOCATIONAL),
          Map.entry("专科", ASSOCIATE),
          Map.entry("大专", ASSOCIATE),
          Map.entry("高职", ASSOCIATE),
          Map.entry("高职专科", ASSOCIATE),
          Map.entry("本科", BACHELOR),
          Map.entry("职业本科", BACHELOR),
          Map.entry("硕士", MASTER),
          Map.entry("硕士研究生", MASTER),
          Map.entry("研究生", MASTER),
          Map.entry("博士", DOCTOR),
          Map.entry("博士研究生", DOCTOR));

  /** The degree a registrar's export names, in English or Chinese; null when unknown. */
  public static Degree parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    Degree d = CHINESE.get(t);
    if (d != null) {
      return d;
    }
    try {
      return valueOf(t.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
