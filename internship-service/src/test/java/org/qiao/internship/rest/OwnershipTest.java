package org.qiao.internship.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.internship.support.Api;
import org.qiao.internship.support.Internships;
import org.qiao.kit.testing.TestCaller;

/**
 * For every id-bearing endpoint: an organisation reaches only its own, a mentor only the
 * internships they mentor, a student only their own. Outsiders whose role may call the endpoint get
 * 404 (the id might not exist), others 403; nothing changes.
 */
@QuarkusTest
class OwnershipTest {

  record Endpoint(String method, String path, Object body, List<String> roles) {}

  @Test
  void outsidersCanNeitherReadNorChangeAnything() {
    Internships x = new Internships().active();
    LocalDate monday =
        LocalDate.now().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    String log =
        x.student.create(
            x.path() + "/logs",
            Map.of("weekOf", monday.toString(), "text", "第一周", "hours", 40, "goals", List.of(0)));
    String incident =
        x.enterprise.create(
            x.path() + "/incidents",
            Map.of(
                "type", "INJURY",
                "severity", "MINOR",
                "occurredOn", LocalDate.now().toString(),
                "description", "划伤"));
    String hours =
        x.enterpriseMentor.create(
            "/api/v1/mentor-hours",
            Map.of("day", LocalDate.now().toString(), "kind", "GUIDANCE", "hours", 1));
    String etagBefore = x.enterprise.call().get(x.path()).then().extract().header("ETag");

    // Same organisations, other people; other organisations.
    TestCaller otherUniversity = Api.university();
    TestCaller otherEnterprise = Api.enterprise();
    TestCaller sameEnterpriseOtherMentor = Api.mentor(x.enterprise, 2);
    TestCaller sameInstitutionOtherMentor = Api.mentor(x.institution, 2);
    TestCaller otherMentor = Api.mentor(otherEnterprise, 2);
    TestCaller sameInstitutionOtherStudent = Api.student(x.institution);
    Map<String, TestCaller> outsiders =
        Map.of(
            "university", otherUniversity,
            "enterprise", otherEnterprise,
            "mentor of the same enterprise", sameEnterpriseOtherMentor,
            "mentor of the same institution", sameInstitutionOtherMentor,
            "mentor elsewhere", otherMentor,
            "student of the same institution", sameInstitutionOtherStudent);

    String i = x.path();
    List<String> orgs = List.of("university", "enterprise");
    List<String> parties = List.of("university", "enterprise", "mentor", "student");
    List<Endpoint> endpoints =
        List.of(
            new Endpoint(
                "GET",
                "/api/v1/mentors/" + x.enterpriseMentor.id(),
                null,
                List.of("university", "enterprise", "mentor")),
            new Endpoint(
                "PUT",
                "/api/v1/mentors/" + x.enterpriseMentor.id(),
                Map.of("name", "n", "title", "t", "capacity", 9),
                orgs),
            new Endpoint(
                "GET",
                "/api/v1/mentor-hours/" + hours,
                null,
                List.of("university", "enterprise", "mentor")),
            new Endpoint("GET", i, null, parties),
            new Endpoint(
                "POST", i + "/acceptances", null, List.of("university", "enterprise", "mentor")),
            new Endpoint("POST", i + "/commencement", null, List.of("enterprise", "mentor")),
            new Endpoint(
                "POST",
                i + "/evaluations",
                Map.of("ratings", List.of(Map.of("skill", "Python", "rating", 5, "evidence", "e"))),
                List.of("mentor")),
            new Endpoint("POST", i + "/completion", null, List.of("university")),
            new Endpoint("POST", i + "/termination", Map.of("reason", "OTHER"), orgs),
            new Endpoint("GET", i + "/logs", null, parties),
            new Endpoint(
                "POST",
                i + "/logs",
                Map.of("weekOf", monday.plusWeeks(1).toString(), "text", "t", "hours", 1),
                List.of("student")),
            new Endpoint("GET", i + "/logs/" + log, null, parties),
            new Endpoint(
                "POST", i + "/logs/" + log + "/comments", Map.of("text", "c"), List.of("mentor")),
            new Endpoint(
                "GET", i + "/incidents", null, List.of("university", "enterprise", "mentor")),
            new Endpoint(
                "POST",
                i + "/incidents",
                Map.of(
                    "type",
                    "OTHER",
                    "severity",
                    "MINOR",
                    "occurredOn",
                    LocalDate.now().toString(),
                    "description",
                    "d"),
                orgs),
            new Endpoint(
                "GET",
                i + "/incidents/" + incident,
                null,
                List.of("university", "enterprise", "mentor")));

    for (Endpoint e : endpoints) {
      for (var o : outsiders.entrySet()) {
        String role = role(o.getKey());
        var request =
            o.getValue()
                .call()
                .header("If-Match", etagBefore)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString());
        if (e.body() != null) {
          request = request.body(e.body());
        }
        int status = request.request(e.method(), e.path()).statusCode();
        int expected = e.roles().contains(role) ? 404 : 403;
        assertEquals(expected, status, o.getKey() + ": " + e.method() + " " + e.path());
      }
    }
    assertEquals(
        etagBefore,
        x.enterprise.call().get(x.path()).then().extract().header("ETag"),
        "the internship is unchanged");
    x.enterprise
        .call()
        .get(x.path() + "/logs/" + log)
        .then()
        .body("comments.size()", org.hamcrest.Matchers.equalTo(0));
  }

  @Test
  void aStudentReadsTheirInternshipButNotItsIncidents() {
    Internships x = new Internships().active();
    x.student.call().get(x.path()).then().statusCode(200);
    x.student.call().get(x.path() + "/incidents").then().statusCode(403);
  }

  @Test
  void aMentorRecordsHoursOnlyForInternshipsTheyMentor() {
    Internships x = new Internships().active();
    TestCaller other = Api.mentor(x.enterprise, 2);
    other
        .call()
        .body(
            Map.of(
                "day",
                LocalDate.now().toString(),
                "kind",
                "GUIDANCE",
                "hours",
                1,
                "internshipId",
                x.id))
        .post("/api/v1/mentor-hours")
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("internshipId"));
  }

  private static String role(String outsider) {
    if (outsider.startsWith("mentor")) {
      return "mentor";
    }
    if (outsider.startsWith("student")) {
      return "student";
    }
    return outsider;
  }
}
