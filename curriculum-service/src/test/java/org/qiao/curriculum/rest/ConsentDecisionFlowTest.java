package org.qiao.curriculum.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.qiao.curriculum.support.Bodies.aMajorPlan;
import static org.qiao.curriculum.support.Bodies.newStudentNumber;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.curriculum.support.CohortFiles;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestCaller;

/**
 * Consent belongs to the student (ADR 0009): an institution's import never reverses the student's
 * own decision, never states a consent in the future, and erasure is final.
 */
@QuarkusTest
class ConsentDecisionFlowTest {

  private static final String TOPIC = "qiao.curriculum.events";

  /** One student as a registrar's JSON import states them, consenting at {@code consentAt}. */
  private static Map<String, Object> row(String number, String consent, String consentAt) {
    Map<String, Object> r = new HashMap<>();
    r.put("name", "测试学生" + number);
    r.put("studentNumber", number);
    r.put("majorCode", "080710T");
    r.put("degree", "本科");
    r.put("graduationYear", "2030");
    r.put("consent", consent);
    r.put("consentTextVersion", "2026-01");
    if (consentAt != null) {
      r.put("consentAt", consentAt);
    }
    return r;
  }

  private static JsonPath importRows(TestCaller u, Map<String, Object> row) {
    String job =
        u.call()
            .body(Map.of("rows", List.of(row)))
            .post("/api/v1/student-imports")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    return StudentImportTest.awaitFinished(u, job);
  }

  private record Stored(String id, String pseudonymousId) {}

  private static Stored stored(TestCaller u, String number) {
    var all = u.call().get("/api/v1/students").then().statusCode(200).extract().jsonPath();
    List<Map<String, Object>> students = all.getList("$");
    for (Map<String, Object> s : students) {
      if (number.equals(s.get("studentNumber"))) {
        return new Stored((String) s.get("id"), (String) s.get("pseudonymousId"));
      }
    }
    throw new AssertionError("student not stored");
  }

  private static TestCaller university() {
    TestCaller u = Api.university();
    CoursePlanResourceTest.publish(u, u.create("/api/v1/course-plans", aMajorPlan()));
    return u;
  }

  private static void withdraw(TestCaller as, Stored s) {
    as.ifMatch("/api/v1/students/" + s.id())
        .post("/api/v1/students/{id}/consent-withdrawal", s.id())
        .then()
        .statusCode(200)
        .body("consent.given", equalTo(false));
  }

  private static List<String> studentEvents(EventTap tap, String pseudonymousId) {
    return tap.drain(Duration.ofSeconds(1)).stream()
        .filter(r -> pseudonymousId.equals(r.key()))
        .map(r -> EventCodec.decode(r.value()))
        .map(CloudEvent::type)
        .toList();
  }

  @Test
  void aConsentTimeInTheFutureIsRefusedWithARowErrorNamingRowAndColumnNotTheValue() {
    TestCaller u = university();
    String number = newStudentNumber();
    byte[] file =
        CohortFiles.csv(
            List.of("姓名", "学号", "专业代码", "学历", "毕业年份", "同意匹配", "同意书版本", "同意时间"),
            List.of(List.of("李雷", number, "080710T", "本科", "2030", "是", "2026-01", "2099-01-01")),
            StandardCharsets.UTF_8,
            false);
    try (EventTap tap = EventTap.open(TOPIC)) {
      JsonPath job =
          StudentImportTest.awaitFinished(u, StudentImportTest.submit(u, "text/csv", file));
      assertEquals(0, job.getLong("rowsCreated"));
      assertEquals(0, job.getLong("profilesPublished"));
      assertEquals(2, job.getLong("errors[0].row"));
      assertEquals("consentAt", job.getString("errors[0].column"));
      assertFalse(job.getString("errors[0].reason").contains("2099"), "the reason quotes the cell");
      u.call().get("/api/v1/students").then().body("size()", equalTo(0));
      assertEquals(
          List.of(),
          tap.drain(Duration.ofSeconds(1)).stream()
              .map(r -> EventCodec.decode(r.value()))
              .filter(
                  e ->
                      e.type().startsWith("qiao.student.")
                          && u.code().equals(e.data().path("institution").path("code").asText()))
              .toList());
    }
  }

  @Test
  void aStudentsWithdrawalStandsAgainstEveryLaterImportEvenANewerPaperConsent() {
    TestCaller u = university();
    String number = newStudentNumber();
    Map<String, Object> file = row(number, "是", "2026-03-01T10:00:00");
    assertEquals(1, importRows(u, file).getLong("profilesPublished"));
    Stored s = stored(u, number);
    withdraw(Api.student(u, s.pseudonymousId()), s);

    try (EventTap tap = EventTap.open(TOPIC)) {
      // The same file again, and a paper consent dated after the withdrawal.
      JsonPath same = importRows(u, file);
      String later = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString();
      JsonPath newer = importRows(u, row(number, "是", later));
      assertEquals(0, same.getLong("profilesPublished"));
      assertEquals(0, newer.getLong("profilesPublished"));
      assertEquals(0, newer.getLong("rowsInvalid"));
      u.call()
          .get("/api/v1/students/{id}", s.id())
          .then()
          .body("consent.given", equalTo(false))
          .body("published", equalTo(false));
      assertEquals(List.of(), studentEvents(tap, s.pseudonymousId()));
    }
  }

  @Test
  void aStudentWhoConsentsAgainIsPublishedAgainAndAnImportsNoDoesNotReverseIt() {
    TestCaller u = university();
    String number = newStudentNumber();
    importRows(u, row(number, "是", "2026-03-01"));
    Stored s = stored(u, number);
    TestCaller student = Api.student(u, s.pseudonymousId());
    withdraw(student, s);

    try (EventTap tap = EventTap.open(TOPIC)) {
      student
          .ifMatch("/api/v1/students/" + s.id())
          .body(Map.of("textVersion", "2026-02"))
          .post("/api/v1/students/{id}/consent", s.id())
          .then()
          .statusCode(200)
          .body("published", equalTo(true));
      // The registrar's file still says 否 (or an old 是): the student's decision stands.
      JsonPath no = importRows(u, row(number, "否", null));
      assertEquals(0, no.getLong("profilesForgotten"));
      u.call()
          .get("/api/v1/students/{id}", s.id())
          .then()
          .body("consent.given", equalTo(true))
          .body("consent.textVersion", equalTo("2026-02"))
          .body("published", equalTo(true));
      assertEquals(
          List.of("qiao.student.profile-published.v1"), studentEvents(tap, s.pseudonymousId()));
    }
  }

  @Test
  void anImportWithdrawalIsNotReversedByAnOlderPaperConsentButTheStudentMayConsent() {
    TestCaller u = university();
    String number = newStudentNumber();
    Map<String, Object> file = row(number, "是", "2026-03-01");
    importRows(u, file);
    Stored s = stored(u, number);
    assertEquals(1, importRows(u, row(number, "否", null)).getLong("profilesForgotten"));
    try (EventTap tap = EventTap.open(TOPIC)) {
      // The old file again, and an earlier paper consent: both older than the withdrawal.
      assertEquals(0, importRows(u, file).getLong("profilesPublished"));
      assertEquals(0, importRows(u, row(number, "是", "2026-01-01")).getLong("profilesPublished"));
      assertEquals(0, importRows(u, row(number, "是", null)).getLong("profilesPublished"));
      u.call().get("/api/v1/students/{id}", s.id()).then().body("consent.given", equalTo(false));
      assertEquals(List.of(), studentEvents(tap, s.pseudonymousId()));
      Api.student(u, s.pseudonymousId())
          .ifMatch("/api/v1/students/" + s.id())
          .body(Map.of("textVersion", "2026-01"))
          .post("/api/v1/students/{id}/consent", s.id())
          .then()
          .statusCode(200)
          .body("published", equalTo(true));
    }
  }

  @Test
  void anErasedStudentIsNotImportedAgain() {
    TestCaller u = university();
    String number = newStudentNumber();
    importRows(u, row(number, "是", "2026-03-01"));
    Stored s = stored(u, number);
    u.ifMatch("/api/v1/students/" + s.id())
        .delete("/api/v1/students/{id}", s.id())
        .then()
        .statusCode(204);
    try (EventTap tap = EventTap.open(TOPIC)) {
      JsonPath again = importRows(u, row(number, "是", "2026-03-01"));
      assertEquals(0, again.getLong("rowsCreated"));
      assertEquals("studentNumber", again.getString("errors[0].column"));
      assertEquals(List.of(), studentEvents(tap, s.pseudonymousId()));
    }
  }
}
