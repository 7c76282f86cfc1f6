package org.qiao.talentdemand.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data: valid request bodies, changed only where a test says so. */
public final class Bodies {

  private final Map<String, Object> body = new LinkedHashMap<>();

  private Bodies() {}

  public static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  public static Bodies anEnterprise(String creditCode) {
    Bodies b = new Bodies();
    b.body.put("creditCode", creditCode);
    b.body.put("profile", aProfile().build());
    return b;
  }

  public static Bodies aProfile() {
    Bodies b = new Bodies();
    b.body.put("name", "上海测试科技有限公司");
    b.body.put("sizeClass", "SMALL");
    b.body.put("industry", "集成电路");
    b.body.put("contactName", "王经理");
    b.body.put("contactPhone", "+86 21 5555 0101");
    b.body.put("contactEmail", "hr@example.cn");
    return b;
  }

  public static Bodies aDemand() {
    Bodies b = new Bodies();
    b.body.put("title", "集成电路版图设计工程师");
    b.body.put("description", "负责版图设计与验证");
    b.body.put("occupationCode", "2-02-10-03");
    b.body.put("majorCodes", List.of("080901", "080704"));
    b.body.put("minimumDegree", "BACHELOR");
    b.body.put(
        "skills",
        new ArrayList<>(
            List.of(
                Map.of("name", "Verilog", "essential", true, "level", 4),
                Map.of("name", "Python", "essential", false, "level", 2))));
    b.body.put("headcount", 3);
    b.body.put("city", "上海");
    b.body.put("salaryMin", 12000);
    b.body.put("salaryMax", 20000);
    b.body.put("employmentType", "FULL_TIME");
    b.body.put("validThrough", today().plusMonths(6).toString());
    return b;
  }

  public static Bodies aTrainingOrder() {
    Bodies b = new Bodies();
    b.body.put("title", "集成电路订单班");
    b.body.put("majorCodes", List.of("080704"));
    b.body.put("headcount", 10);
    b.body.put("cohortYear", today().getYear() + 2);
    b.body.put("skills", List.of(Map.of("name", "Verilog", "essential", true, "level", 3)));
    b.body.put("targetUniversities", List.of());
    b.body.put("proposalDeadline", today().plusMonths(3).toString());
    b.body.put("fundingNote", "企业承担实训费用");
    return b;
  }

  public static Bodies aChallenge() {
    Bodies b = new Bodies();
    b.body.put("title", "晶圆缺陷检测算法");
    b.body.put("description", "提高小样本缺陷检测的召回率");
    b.body.put("disciplineCodes", List.of("0812"));
    b.body.put("skills", List.of(Map.of("name", "深度学习", "essential", true, "level", 4)));
    b.body.put("budgetMin", 200000);
    b.body.put("budgetMax", 500000);
    b.body.put("deadline", today().plusMonths(2).toString());
    return b;
  }

  public Bodies with(String field, Object value) {
    body.put(field, value);
    return this;
  }

  public Bodies without(String field) {
    body.remove(field);
    return this;
  }

  public Map<String, Object> build() {
    return body;
  }
}
