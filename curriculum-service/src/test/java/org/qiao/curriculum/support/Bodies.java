package org.qiao.curriculum.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data: valid request bodies as maps, changed only where a test says so. */
public final class Bodies {

  private Bodies() {}

  /** A copy of the body with the entries replaced (null removes one). */
  public static Map<String, Object> with(Map<String, Object> body, Object... keyValues) {
    Map<String, Object> out = new LinkedHashMap<>(body);
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] == null) {
        out.remove((String) keyValues[i]);
      } else {
        out.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return out;
  }

  public static Map<String, Object> course(String code, Map<String, Integer> skills) {
    return Map.of(
        "code",
        code,
        "name",
        "课程 " + code,
        "credits",
        3,
        "hours",
        48,
        "term",
        3,
        "kind",
        "THEORY",
        "withEnterpriseMentor",
        false,
        "skills",
        skills.entrySet().stream()
            .map(e -> Map.<String, Object>of("name", e.getKey(), "level", e.getValue()))
            .toList());
  }

  /** A plan for 080710T (集成电路设计与集成系统), cohort 2026, two courses. */
  public static Map<String, Object> aMajorPlan() {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("kind", "MAJOR");
    b.put("title", "集成电路设计与集成系统 2026 级培养方案");
    b.put("catalogue", "UNDERGRADUATE_2024");
    b.put("majorCode", "080710T");
    b.put("cohortYear", 2026);
    b.put(
        "courses",
        List.of(
            course("MIC3012", Map.of("Verilog", 3, "数字IC设计", 3)),
            course("MIC4020", Map.of("UVM验证", 3))));
    return b;
  }

  /** A training provider's AI+ retraining programme for workers aged 40 and over. */
  public static Map<String, Object> aProgramme() {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("kind", "PROGRAMME");
    b.put("title", "人工智能训练师（四级）转岗培训");
    b.put(
        "programme",
        Map.of(
            "occupationCode",
            "4-04-05-05",
            "hours",
            120,
            "certificateName",
            "人工智能训练师（四级）",
            "eligibility",
            "年满40周岁的在职或失业人员",
            "feeYuan",
            0,
            "seats",
            40));
    b.put("courses", List.of(course("AIT01", Map.of("数据标注", 3))));
    return b;
  }

  /** A student of 080710T graduating 2030 (cohort 2026), with personal data. */
  public static Map<String, Object> aStudent(String studentNumber) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("name", "测试学生" + studentNumber);
    b.put("studentNumber", studentNumber);
    b.put("phone", "138" + studentNumber.substring(studentNumber.length() - 8));
    b.put("email", "s" + studentNumber + "@example.edu.cn");
    b.put("majorCode", "080710T");
    b.put("degree", "BACHELOR");
    b.put("graduationYear", 2030);
    b.put("cohortYear", 2026);
    b.put("skills", List.of("Python"));
    b.put("passedCourses", List.of());
    b.put("preferredCities", List.of("上海"));
    return b;
  }

  /** A student number no other test uses. */
  public static String newStudentNumber() {
    return String.valueOf(2_000_000_000L + (long) (Math.random() * 999_999_999L));
  }
}
