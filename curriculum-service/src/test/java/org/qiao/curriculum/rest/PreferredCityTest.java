package org.qiao.curriculum.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qiao.curriculum.support.Bodies.aStudent;
import static org.qiao.curriculum.support.Bodies.newStudentNumber;
import static org.qiao.curriculum.support.Bodies.with;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventSchemas;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestCaller;

/**
 * Preferred cities are GB/T 2260 city-level codes, never free text: a code or a known city name is
 * stored and published as the city's code; anything else is refused naming the field, so a string
 * one student typed can never reach the statistics.
 */
@QuarkusTest
class PreferredCityTest {

  @Test
  void freeTextCityIsRefusedByTheStudentApi() {
    Api.university()
        .call()
        .body(with(aStudent(newStudentNumber()), "preferredCities", List.of("我家楼下的小卖部")))
        .post("/api/v1/students")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("preferredCities"));
  }

  @Test
  void codesAndKnownNamesAreStoredAndPublishedAsCityCodes() {
    TestCaller u = Api.university();
    var s =
        StudentPrivacyTest.enrol(
            u, with(aStudent(newStudentNumber()), "preferredCities", List.of("苏州市", "310115")));
    u.call()
        .get("/api/v1/students/{id}", s.id())
        .then()
        .statusCode(200)
        .body("preferredCities", equalTo(List.of("320500", "310000")));
    try (EventTap tap = EventTap.open("qiao.curriculum.events")) {
      StudentPrivacyTest.consent(u, s);
      CloudEvent published =
          tap.awaitEvents(e -> e.subject().equals(s.pseudonymousId()), 1, Duration.ofSeconds(15))
              .get(0);
      assertEquals(List.of(), EventSchemas.violations(published));
      assertEquals(
          List.of("320500", "310000"),
          List.of(
              published.data().get("preferredCities").get(0).asText(),
              published.data().get("preferredCities").get(1).asText()));
    }
  }

  @Test
  void anImportRowWithAFreeTextCityIsARowErrorNamingTheColumn() {
    TestCaller u = Api.university();
    Map<String, Object> free = row(List.of("北京", "我家楼下"));
    Map<String, Object> named = row(List.of("上海市"));
    String job =
        u.call()
            .body(Map.of("rows", List.of(free, named)))
            .post("/api/v1/student-imports")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    JsonPath status = StudentImportTest.awaitFinished(u, job);
    assertEquals(1, status.getLong("rowsCreated"));
    assertEquals(1, status.getLong("rowsInvalid"));
    assertEquals(1, status.getLong("errors[0].row"));
    assertEquals("preferredCities", status.getString("errors[0].column"));
    u.call()
        .get("/api/v1/students")
        .then()
        .body("size()", equalTo(1))
        .body("[0].studentNumber", equalTo(named.get("studentNumber")))
        .body("[0].preferredCities", equalTo(List.of("310000")));
  }

  private static Map<String, Object> row(List<String> cities) {
    return Map.of(
        "name",
        "李雷",
        "studentNumber",
        newStudentNumber(),
        "majorCode",
        "080710T",
        "degree",
        "本科",
        "graduationYear",
        "2030",
        "preferredCities",
        cities);
  }
}
