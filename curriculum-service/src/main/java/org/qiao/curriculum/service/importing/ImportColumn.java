package org.qiao.curriculum.service.importing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The columns of a cohort file, by their English header and the Chinese ones registrars use. */
public enum ImportColumn {
  NAME(true, "name", "姓名"),
  STUDENT_NUMBER(true, "studentNumber", "学号"),
  PHONE(false, "phone", "手机号", "手机", "联系电话", "电话"),
  EMAIL(false, "email", "邮箱", "电子邮箱", "电子邮件"),
  MAJOR_CODE(true, "majorCode", "专业代码"),
  DEGREE(true, "degree", "学历", "学历层次"),
  GRADUATION_YEAR(true, "graduationYear", "毕业年份", "预计毕业年份"),
  COHORT_YEAR(false, "cohortYear", "入学年份", "年级"),
  DECLARED_SKILLS(false, "skills", "技能", "掌握技能", "专业技能"),
  PASSED_COURSES(false, "passedCourses", "已修课程", "已通过课程", "已修课程代码"),
  PREFERRED_CITIES(false, "preferredCities", "意向城市", "期望城市", "意向就业城市"),
  CONSENT(false, "consent", "同意匹配", "是否同意匹配"),
  CONSENT_TEXT_VERSION(false, "consentTextVersion", "同意书版本"),
  CONSENT_AT(false, "consentAt", "同意时间");

  private static final Pattern IGNORED = Pattern.compile("[\\s_\\-]+");
  private static final Map<String, ImportColumn> BY_HEADER = new HashMap<>();

  static {
    for (ImportColumn c : values()) {
      for (String h : c.headers) {
        if (BY_HEADER.put(normalise(h), c) != null) {
          throw new IllegalStateException("header " + h + " names two columns");
        }
      }
    }
  }

  private final boolean required;
  private final List<String> headers;

  ImportColumn(boolean required, String... headers) {
    this.required = required;
    this.headers = List.of(headers);
  }

  /** The canonical (English) header, also the field name in row errors. */
  public String header() {
    return headers.get(0);
  }

  /** The first Chinese header, for messages registrars recognise. */
  public String chineseHeader() {
    return headers.get(1);
  }

  /** Whether a file without this column is refused as a whole. */
  public boolean required() {
    return required;
  }

  /** How a message names the column: 学号 (studentNumber). */
  public String label() {
    return chineseHeader() + " (" + header() + ")";
  }

  /**
   * The column a header names. Case, full-width forms, a UTF-8 BOM and spaces, underscores or
   * hyphens do not matter: exports write "Student_Number", "学 号" or "ｓｔｕｄｅｎｔＮｕｍｂｅｒ".
   */
  public static Optional<ImportColumn> ofHeader(String header) {
    return header == null
        ? Optional.empty()
        : Optional.ofNullable(BY_HEADER.get(normalise(header)));
  }

  static String normalise(String header) {
    String h = header.replace("\uFEFF", "");
    // NFKC maps full-width letters, digits, spaces, underscores and hyphens to their ASCII forms.
    h = Normalizer.normalize(h, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return IGNORED.matcher(h.strip()).replaceAll("");
  }
}
