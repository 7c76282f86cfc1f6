package org.qiao.internship.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.qiao.internship.service.IncidentStatistics;
import org.qiao.internship.support.Api;
import org.qiao.internship.support.Internships;
import org.qiao.internship.support.Snapshots;
import org.qiao.kit.testing.TestCaller;

/** Mentor-hours reports and incident statistics equal hand-computed values. */
@QuarkusTest
class ReportsTest {

  @Inject IncidentStatistics statistics;

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
    // Jiangxi (36), which no other test uses: Nanchang 5 injuries and 1 violation; Jingdezhen 3 and
    // Pingxiang 2 injuries, shown together as the province's 5; the violation only as suppressed.
    Internships nanchang = new Internships("360102").active();
    Internships jingdezhen = new Internships("360202").active();
    Internships pingxiang = new Internships("360302").active();
    LocalDate day = Snapshots.today();
    for (int i = 0; i < 5; i++) {
      report(nanchang, "INJURY", "MINOR", day, "学生张三在产线划伤");
    }
    report(nanchang, "SAFETY_VIOLATION", "SERIOUS", day, "未佩戴护目镜");
    for (int i = 0; i < 3; i++) {
      report(jingdezhen, "INJURY", "MINOR", day, "第二次划伤");
    }
    for (int i = 0; i < 2; i++) {
      report(pingxiang, "INJURY", "MINOR", day, "划伤");
    }
    LocalDate asOf = Snapshots.nextDayAfterThisMonth();
    statistics.snapshot(asOf);

    String body =
        Api.government()
            .call()
            .queryParam("from", day.toString())
            .queryParam("to", day.toString())
            .queryParam("date", asOf.toString())
            .get("/api/v1/incident-statistics")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonPath r = JsonPath.from(body);
    String month = day.toString().substring(0, 7);
    assertEquals(asOf.toString(), r.getString("asOf"));
    assertEquals(day.withDayOfMonth(1).toString(), r.getString("from"));
    List<Map<String, Object>> cells = r.getList("cells");
    Map<String, Object> city = new java.util.HashMap<>();
    city.put("month", month);
    city.put("type", "INJURY");
    city.put("severity", "MINOR");
    city.put("provinceCode", "360000");
    city.put("cityCode", "360100");
    city.put("incidents", 5);
    city.put("suppressed", false);
    Map<String, Object> province = new java.util.HashMap<>(city);
    province.put("cityCode", null);
    assertEquals(
        Set.of(city, province),
        cells.stream()
            .filter(c -> "360000".equals(c.get("provinceCode")))
            .collect(Collectors.toSet()));
    assertTrue(
        cells.stream()
            .anyMatch(
                c ->
                    Boolean.TRUE.equals(c.get("suppressed"))
                        && month.equals(c.get("month"))
                        && c.get("type") == null
                        && c.get("incidents") == null),
        "the violation is only in the month's suppressed cell");
    for (String forbidden :
        List.of(
            "张三",
            "划伤",
            "护目镜",
            nanchang.student.id(),
            nanchang.id,
            nanchang.enterprise.code(),
            nanchang.institution.code())) {
      assertFalse(
          body.contains(forbidden), "statistics name no person, internship or text: " + forbidden);
    }
    for (Map<String, Object> c : cells) {
      assertEquals(
          Set.of(
              "month", "type", "severity", "provinceCode", "cityCode", "incidents", "suppressed"),
          c.keySet());
    }
    nanchang
        .enterprise
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
