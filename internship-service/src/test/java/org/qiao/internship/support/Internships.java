package org.qiao.internship.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.qiao.kit.testing.TestCaller;

/**
 * A fresh internship and everyone on it: an institution, an enterprise, one mentor each, a known
 * student; built with the proposal body, moved along the lifecycle on request.
 */
public final class Internships {

  public final TestCaller institution = Api.university();
  public final TestCaller enterprise = Api.enterprise();
  public final TestCaller institutionMentor;
  public final TestCaller enterpriseMentor;
  public final TestCaller student;
  public String id;

  public static final LocalDate START = LocalDate.now().minusDays(14);
  public static final LocalDate END = START.plusDays(60);

  private final String divisionCode;
  private List<Map<String, Object>> goals =
      List.of(
          Map.of("description", "搭建UVM验证环境", "skills", List.of("UVM验证", "SystemVerilog")),
          Map.of("description", "编写测试用例", "skills", List.of("Python")));

  /** In 浦东新区, Shanghai. */
  public Internships() {
    this("310115");
  }

  /** Taking place in the given GB/T 2260 division. */
  public Internships(String divisionCode) {
    this.divisionCode = divisionCode;
    institutionMentor = Api.mentor(institution, 5);
    enterpriseMentor = Api.mentor(enterprise, 5);
    student = Api.student(institution);
  }

  public Map<String, Object> proposal() {
    return Map.ofEntries(
        Map.entry("kind", "INTERNSHIP"),
        Map.entry("studentId", student.id()),
        Map.entry("institutionCode", institution.code()),
        Map.entry("enterpriseCode", enterprise.code()),
        Map.entry("institutionMentorId", institutionMentor.id()),
        Map.entry("enterpriseMentorId", enterpriseMentor.id()),
        Map.entry("startDate", START.toString()),
        Map.entry("endDate", END.toString()),
        Map.entry("divisionCode", divisionCode),
        Map.entry("place", "张江 验证实验室"),
        Map.entry("goals", goals));
  }

  /** A plan of one goal that trains one skill (instead of UVM验证, SystemVerilog and Python). */
  public Internships planning(String skill) {
    goals = List.of(Map.of("description", "掌握" + skill, "skills", List.of(skill)));
    return this;
  }

  public String path() {
    return "/api/v1/internships/" + id;
  }

  /** Proposed by the enterprise. */
  public Internships proposed() {
    id = enterprise.create("/api/v1/internships", proposal());
    return this;
  }

  /** Proposed by the institution: the enterprise and both mentors have yet to accept. */
  public Internships proposedByTheInstitution() {
    id = institution.create("/api/v1/internships", proposal());
    return this;
  }

  public Internships confirmed() {
    proposed();
    return acceptedByTheOthers();
  }

  /** The three parties other than the proposing enterprise accept: confirmed. */
  public Internships acceptedByTheOthers() {
    for (TestCaller c : List.of(institution, institutionMentor, enterpriseMentor)) {
      c.ifMatch(path()).post(path() + "/acceptances").then().statusCode(200);
    }
    return this;
  }

  public Internships active() {
    confirmed();
    enterprise.ifMatch(path()).post(path() + "/commencement").then().statusCode(200);
    return this;
  }

  /** Both mentors' ratings of UVM验证, SystemVerilog and Python, in that order. */
  public Internships evaluated(int[] byInstitution, int[] byEnterprise) {
    evaluate(institutionMentor, byInstitution);
    evaluate(enterpriseMentor, byEnterprise);
    return this;
  }

  public void evaluate(TestCaller mentor, int[] ratings) {
    mentor
        .ifMatch(path())
        .body(
            Map.of(
                "ratings",
                List.of(
                    rating("UVM验证", ratings[0]),
                    rating("SystemVerilog", ratings[1]),
                    rating("Python", ratings[2]))))
        .post(path() + "/evaluations")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
  }

  /** An evaluation outside ACTIVE: refused as an illegal transition. */
  public void evaluate409(TestCaller mentor) {
    mentor
        .ifMatch(path())
        .body(
            Map.of(
                "ratings",
                List.of(rating("UVM验证", 3), rating("SystemVerilog", 3), rating("Python", 3))))
        .post(path() + "/evaluations")
        .then()
        .statusCode(409);
  }

  private static Map<String, Object> rating(String skill, int r) {
    return Map.of("skill", skill, "rating", r, "evidence", "实习中的表现：" + skill);
  }
}
