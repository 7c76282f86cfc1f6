package org.qiao.internship.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.qiao.internship.support.Api;
import org.qiao.internship.support.Internships;
import org.qiao.kit.testing.TestCaller;

/** Mentor-hours reports and incident statistics equal hand-computed values. */
@QuarkusTest
class ReportsTest {

  @Test
  void mentorHoursReportTotalsAHandComputedExample() {
    Internships x = new Internships().active();
    TestCaller lead = x.enterpriseMentor;
    TestCaller second = Api.mentor(x.enterprise, 2);
    LocalDate d = LocalDate.now().minusDays(10);
    // lead: guidance 2.5 + 1.5 on days inside, teaching 3 inside, 4 outside the period;
    // second: teaching 2 inside. Another enterprise's mentor: 8 (not this report's).
    record(lead, d, "GUIDANCE", "2.5", x.id);
    record(lead, d.plusDays(1), "GUIDANCE", "1.5", null);
    record(lead, d.plusDays(2), "TEACHING", "3", null);
    record(lead, d.minusDays(30), "TEACHING", "4", null);
    record(second, d.plusDays(3), "TEACHING", "2", null);
    record(Api.mentor(Api.enterprise(), 1), d, "GUIDANCE", "8", null);

    JsonPath r =
        x.enterprise
            .call()
            .queryParam("from", d.toString())
            .queryParam("to", d.plusDays(5).toString())
            .get("/api/v1/mentor-hours/report")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(4.0f, r.getFloat("guidanceHours"));
    assertEquals(5.0f, r.getFloat("teachingHours"));
    assertEquals(9.0f, r.getFloat("totalHours"));
    assertEquals(2, r.getList("mentors").size());
    Map<String, Object> leadLine =
        r.<Map<String, Object>>getList("mentors").stream()
            .filter(m -> m.get("mentorId").equals(lead.id()))
            .findFirst()
            .orElseThrow();
    assertEquals(4.0f, ((Number) leadLine.get("guidanceHours")).floatValue());
    assertEquals(3.0f, ((Number) leadLine.get("teachingHours")).floatValue());
    assertEquals(7.0f, ((Number) leadLine.get("totalHours")).floatValue());
  }

  @Test
  void governmentStatisticsCountIncidentsWithoutPersonsOrFreeText() {
    // A city no other test uses (a county of Suzhou, 320500): other incidents do not count here.
    Internships x = new Internships("320506").active();
    String city = "320500";
    LocalDate day = LocalDate.now();
    report(x, "INJURY", "MINOR", day, "学生张三在产线划伤");
    report(x, "INJURY", "MINOR", day, "第二次划伤");
    report(x, "SAFETY_VIOLATION", "SERIOUS", day, "未佩戴护目镜");

    String body =
        Api.government()
            .call()
            .queryParam("from", day.toString())
            .queryParam("to", day.toString())
            .get("/api/v1/incident-statistics")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonPath r = JsonPath.from(body);
    String month = day.toString().substring(0, 7);
    List<Map<String, Object>> cells = r.getList("cells");
    assertEquals(
        Set.of(
            Map.of(
                "month",
                month,
                "type",
                "INJURY",
                "severity",
                "MINOR",
                "cityCode",
                city,
                "incidents",
                2),
            Map.of(
                "month",
                month,
                "type",
                "SAFETY_VIOLATION",
                "severity",
                "SERIOUS",
                "cityCode",
                city,
                "incidents",
                1)),
        cells.stream().filter(c -> c.get("cityCode").equals(city)).collect(Collectors.toSet()));
    for (String forbidden :
        List.of(
            "张三", "划伤", "护目镜", x.student.id(), x.id, x.enterprise.code(), x.institution.code())) {
      assertFalse(
          body.contains(forbidden), "statistics name no person, internship or text: " + forbidden);
    }
    for (Map<String, Object> c : cells) {
      assertEquals(Set.of("month", "type", "severity", "cityCode", "incidents"), c.keySet());
    }
    x.enterprise
        .call()
        .queryParam("from", day.toString())
        .queryParam("to", day.toString())
        .get("/api/v1/incident-statistics")
        .then()
        .statusCode(403);
  }

  private static void report(
      Internships x, String type, String severity, LocalDate day, String text) {
    x.institution.create(
        x.path() + "/incidents",
        Map.of(
            "type", type, "severity", severity, "occurredOn", day.toString(), "description", text));
  }

  private static void record(
      TestCaller mentor, LocalDate day, String kind, String hours, String internship) {
    var body =
        new java.util.HashMap<String, Object>(
            Map.of("day", day.toString(), "kind", kind, "hours", new java.math.BigDecimal(hours)));
    if (internship != null) {
      body.put("internshipId", internship);
    }
    mentor
        .call()
        .body(body)
        .post("/api/v1/mentor-hours")
        .then()
        .statusCode(201)
        .body("kind", equalTo(kind));
  }
}
