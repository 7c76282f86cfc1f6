package org.qiao.curriculum.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qiao.curriculum.support.Bodies.aMajorPlan;
import static org.qiao.curriculum.support.Bodies.newStudentNumber;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.curriculum.support.CohortFiles;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestCaller;

/**
 * Cohort imports in the formats registrars export: exactly the valid rows are stored, exactly the
 * invalid ones reported (row, column), and re-importing the same file changes and publishes
 * nothing.
 */
@QuarkusTest
class StudentImportTest {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** A cohort file's content: rows of cells, and what the import must make of it. */
  record Cohort(
      List<String> headers,
      List<List<Object>> rows,
      List<String> validNumbers,
      List<String> errors) {}

  /**
   * Rows 2–4 valid (row 3 consents), row 5 a bad major code, row 6 a bad phone and an unknown
   * degree, row 7 a course the plan does not have, row 8 repeats row 2's student number.
   */
  static Cohort cohort(List<String> headers) {
    String[] n = {
      newStudentNumber(),
      newStudentNumber(),
      newStudentNumber(),
      newStudentNumber(),
      newStudentNumber(),
      newStudentNumber()
    };
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row("李雷", n[0], "13800138000", "080710T", "本科", "2030", "MIC3012", "", ""));
    rows.add(
        row("韩梅梅", n[1], "", "080710T", "BACHELOR", "2030", "MIC3012、MIC4020", "是", "2026-01"));
    rows.add(row("王芳", n[2], "13900139000", "080710T", "硕士", "2030", "", "否", ""));
    rows.add(row("赵强", n[3], "13700137000", "08071", "本科", "2030", "", "", ""));
    rows.add(row("钱明", n[4], "12345", "080710T", "学士后", "2030", "", "", ""));
    rows.add(row("孙丽", n[5], "", "080710T", "本科", "2030", "XX999", "", ""));
    rows.add(row("周杰", n[0], "", "080710T", "本科", "2030", "", "", ""));
    return new Cohort(
        headers,
        rows,
        List.of(n[0], n[1], n[2]),
        List.of("5:majorCode", "6:degree", "6:phone", "7:passedCourses", "8:studentNumber"));
  }

  private static List<Object> row(Object... cells) {
    return List.of(cells);
  }

  static final List<String> ENGLISH =
      List.of(
          "name",
          "studentNumber",
          "phone",
          "majorCode",
          "degree",
          "graduationYear",
          "passedCourses",
          "consent",
          "consentTextVersion");
  static final List<String> CHINESE =
      List.of("姓名", "学号", "手机号", "专业代码", "学历", "毕业年份", "已修课程", "同意匹配", "同意书版本");

  static List<List<String>> asText(List<List<Object>> rows) {
    return rows.stream().map(r -> r.stream().map(String::valueOf).toList()).toList();
  }

  static String submit(TestCaller u, String contentType, byte[] body) {
    return given()
        .config(
            RestAssured.config()
                .encoderConfig(
                    EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
        .auth()
        .oauth2(u.token())
        .contentType(contentType)
        .body(body)
        .post("/api/v1/student-imports")
        .then()
        .statusCode(202)
        .body("status", equalTo("QUEUED"))
        .extract()
        .path("id");
  }

  static JsonPath awaitFinished(TestCaller u, String job) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                List.of("SUCCEEDED", "FAILED")
                    .contains(
                        u.call()
                            .get("/api/v1/student-imports/{id}", job)
                            .then()
                            .extract()
                            .path("status")));
    return u.call()
        .get("/api/v1/student-imports/{id}", job)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static void assertStoredExactly(TestCaller u, Cohort c, String job) {
    JsonPath status = awaitFinished(u, job);
    assertEquals("SUCCEEDED", status.getString("status"), status.prettify());
    assertEquals(7, status.getLong("rowsRead"));
    assertEquals(3, status.getLong("rowsCreated"));
    assertEquals(4, status.getLong("rowsInvalid"));
    assertEquals(1, status.getLong("profilesPublished"), "only the consented row is published");
    List<String> errors = new ArrayList<>();
    for (Map<String, Object> e : status.<Map<String, Object>>getList("errors")) {
      errors.add(e.get("row") + ":" + e.get("column"));
    }
    assertEquals(c.errors(), errors);
    String csv =
        u.call()
            .get("/api/v1/student-imports/{id}/errors", job)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertEquals(c.errors().size() + 1, csv.strip().split("\r\n").length, csv);
    assertEquals(
        new TreeSet<>(c.validNumbers()),
        new TreeSet<>(
            u.call()
                .get("/api/v1/students?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("studentNumber", String.class)));
  }

  @Test
  void aUtf8CsvWithBomStoresTheValidRowsAndReportsTheInvalidOnes() {
    TestCaller u = Api.university();
    CoursePlanResourceTest.publish(u, u.create("/api/v1/course-plans", aMajorPlan()));
    Cohort c = cohort(ENGLISH);
    byte[] file = CohortFiles.csv(c.headers(), asText(c.rows()), StandardCharsets.UTF_8, true);
    assertStoredExactly(u, c, submit(u, "text/csv", file));
    u.call()
        .get("/api/v1/students?consent=true")
        .then()
        .body("size()", equalTo(1))
        .body(
            "[0].courseSkills.name",
            org.hamcrest.Matchers.containsInAnyOrder("Verilog", "数字IC设计", "UVM验证"));
  }

  @Test
  void aGb18030CsvWithChineseHeadersIsReadWithoutBeingDeclared() {
    TestCaller u = Api.university();
    CoursePlanResourceTest.publish(u, u.create("/api/v1/course-plans", aMajorPlan()));
    Cohort c = cohort(CHINESE);
    byte[] file = CohortFiles.csv(c.headers(), asText(c.rows()), Charset.forName("GB18030"), false);
    assertStoredExactly(u, c, submit(u, "text/csv", file));
    u.call().get("/api/v1/students?consent=true").then().body("[0].name", equalTo("韩梅梅"));
  }

  @Test
  void anXlsxWorkbookWithNumericCellsIsReadAsTheRegistrarTypedIt() {
    TestCaller u = Api.university();
    CoursePlanResourceTest.publish(u, u.create("/api/v1/course-plans", aMajorPlan()));
    Cohort c = cohort(CHINESE);
    List<List<Object>> numeric = new ArrayList<>();
    for (List<Object> r : c.rows()) {
      List<Object> cells = new ArrayList<>(r);
      cells.set(1, Long.parseLong((String) r.get(1)));
      cells.set(5, 2030);
      if (!((String) r.get(2)).isEmpty() && ((String) r.get(2)).length() == 11) {
        cells.set(2, Long.parseLong((String) r.get(2)));
      }
      numeric.add(cells);
    }
    byte[] file = CohortFiles.xlsx(c.headers(), numeric);
    assertStoredExactly(u, c, submit(u, XLSX, file));
  }

  @Test
  void importingTheSameFileAgainChangesAndPublishesNothing() {
    TestCaller u = Api.university();
    CoursePlanResourceTest.publish(u, u.create("/api/v1/course-plans", aMajorPlan()));
    Cohort c = cohort(ENGLISH);
    byte[] file = CohortFiles.csv(c.headers(), asText(c.rows()), StandardCharsets.UTF_8, false);
    awaitFinished(u, submit(u, "text/csv", file));
    try (EventTap tap = EventTap.open("qiao.curriculum.events")) {
      JsonPath again = awaitFinished(u, submit(u, "text/csv", file));
      assertEquals(0, again.getLong("rowsCreated"));
      assertEquals(0, again.getLong("rowsUpdated"));
      assertEquals(3, again.getLong("rowsUnchanged"));
      assertEquals(0, again.getLong("profilesPublished"));
      List<CloudEvent> none =
          tap.drain(Duration.ofSeconds(1)).stream()
              .map(r -> org.qiao.kit.events.EventCodec.decode(r.value()))
              .filter(e -> e.type().startsWith("qiao.student."))
              .toList();
      assertEquals(List.of(), none);
    }
  }

  @Test
  void reImportingAnOldFileNeverGivesBackAConsentTheStudentWithdrew() {
    TestCaller u = Api.university();
    CoursePlanResourceTest.publish(u, u.create("/api/v1/course-plans", aMajorPlan()));
    Cohort c = cohort(ENGLISH);
    byte[] file = CohortFiles.csv(c.headers(), asText(c.rows()), StandardCharsets.UTF_8, false);
    awaitFinished(u, submit(u, "text/csv", file));
    var consented = u.call().get("/api/v1/students?consent=true").then().extract();
    String id = consented.path("[0].id");
    String pseudonym = consented.path("[0].pseudonymousId");
    Api.student(u, pseudonym)
        .ifMatch("/api/v1/students/" + id)
        .post("/api/v1/students/{id}/consent-withdrawal", id)
        .then()
        .statusCode(200);

    JsonPath again = awaitFinished(u, submit(u, "text/csv", file));
    assertEquals(0, again.getLong("profilesPublished"));
    u.call()
        .get("/api/v1/students/{id}", id)
        .then()
        .body("consent.given", equalTo(false))
        .body("published", equalTo(false));
  }

  @Test
  void aFileWithoutARequiredColumnFailsAsAWholeAndStoresNothing() {
    TestCaller u = Api.university();
    byte[] file =
        CohortFiles.csv(
            List.of("name", "majorCode"),
            List.of(List.of("李雷", "080710T")),
            StandardCharsets.UTF_8,
            false);
    JsonPath status = awaitFinished(u, submit(u, "text/csv", file));
    assertEquals("FAILED", status.getString("status"));
    org.junit.jupiter.api.Assertions.assertTrue(
        status.getString("failure").contains("studentNumber"), status.getString("failure"));
    u.call().get("/api/v1/students").then().body("size()", equalTo(0));
  }

  @Test
  void jsonRowsAreImportedLikeAFile() {
    TestCaller u = Api.university();
    String n = newStudentNumber();
    Map<String, Object> body =
        Map.of(
            "rows",
            List.of(
                Map.of(
                    "name",
                    "李雷",
                    "studentNumber",
                    n,
                    "majorCode",
                    "080710T",
                    "degree",
                    "本科",
                    "graduationYear",
                    "2030"),
                Map.of(
                    "name",
                    "韩梅梅",
                    "studentNumber",
                    newStudentNumber(),
                    "majorCode",
                    "0807",
                    "degree",
                    "本科",
                    "graduationYear",
                    "2030")));
    String job =
        u.call()
            .body(body)
            .post("/api/v1/student-imports")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    JsonPath status = awaitFinished(u, job);
    assertEquals(1, status.getLong("rowsCreated"));
    assertEquals(2, status.getLong("errors[0].row"));
    assertEquals("majorCode", status.getString("errors[0].column"));
  }
}
