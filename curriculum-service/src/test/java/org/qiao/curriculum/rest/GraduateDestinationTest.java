package org.qiao.curriculum.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qiao.curriculum.support.Bodies.aStudent;
import static org.qiao.curriculum.support.Bodies.newStudentNumber;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.curriculum.support.ApplicationEvents;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventSchemas;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestCaller;
import org.qiao.kit.testing.TestCodes;

/**
 * Graduate destinations (毕业去向): pre-filled from hires, confirmed or corrected by the student and
 * their institution, and nobody else's to read; a hired student can seek work again.
 */
@QuarkusTest
class GraduateDestinationTest {

  private static final String OWN = "/api/v1/students/me/destination";
  private static final String OF = "/api/v1/students/{id}/destination";

  static Map<String, Object> aDestination() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("employerCreditCode", TestCodes.newCreditCode());
    d.put("employerName", "苏州某某电子有限公司");
    d.put("occupationCode", "2-02-10-01");
    d.put("divisionCode", "320505");
    d.put("startDate", "2030-07-01");
    return d;
  }

  @Test
  void aHirePrefillsTheDestinationANewerOneReplacesItUntilConfirmed() {
    ContactGrantTest.Consenting s = ContactGrantTest.consenting();
    s.self().call().get(OWN).then().statusCode(404);
    Instant hired = Instant.now().minus(Duration.ofDays(3));
    String first = TestCodes.newCreditCode();
    CloudEvent placed =
        ApplicationEvents.applied(
            ApplicationEvents.placement(
                s.pseudonymousId(), first, hired, LocalDate.parse("2030-07-01")));
    s.self()
        .call()
        .get(OWN)
        .then()
        .statusCode(200)
        .body("employerCreditCode", equalTo(first))
        .body("employerName", equalTo("测试企业 " + first))
        .body("occupationCode", equalTo("2-02-10-01"))
        .body("divisionCode", equalTo("350200"))
        .body("startDate", equalTo("2030-07-01"))
        .body("source", equalTo("PLACEMENT"))
        .body("state", equalTo("PREFILLED"))
        .body("placementId", equalTo(placed.subject()));

    // An older placement changes nothing; a newer one replaces the prefill.
    ApplicationEvents.applied(
        ApplicationEvents.placement(
            s.pseudonymousId(),
            TestCodes.newCreditCode(),
            hired.minus(Duration.ofDays(1)),
            LocalDate.parse("2030-08-01")));
    s.self().call().get(OWN).then().body("employerCreditCode", equalTo(first));
    String second = TestCodes.newCreditCode();
    ApplicationEvents.applied(
        ApplicationEvents.placement(
            s.pseudonymousId(),
            second,
            hired.plus(Duration.ofDays(1)),
            LocalDate.parse("2030-09-01")));
    s.self()
        .call()
        .get(OWN)
        .then()
        .body("employerCreditCode", equalTo(second))
        .body("startDate", equalTo("2030-09-01"));

    // The student confirms it; a later placement no longer replaces it.
    String path = "/api/v1/students/" + s.record().id() + "/destination";
    s.self()
        .ifMatch(path)
        .post(path + "/confirmation")
        .then()
        .statusCode(200)
        .body("state", equalTo("CONFIRMED"))
        .body("confirmedBy", equalTo("STUDENT"));
    ApplicationEvents.applied(
        ApplicationEvents.placement(
            s.pseudonymousId(),
            TestCodes.newCreditCode(),
            hired.plus(Duration.ofDays(2)),
            LocalDate.parse("2030-10-01")));
    s.self()
        .call()
        .get(OWN)
        .then()
        .body("employerCreditCode", equalTo(second))
        .body("state", equalTo("CONFIRMED"));
  }

  @Test
  void theInstitutionReadsAndCorrectsItsStudentsDestinationNobodyElseDoes() {
    ContactGrantTest.Consenting s = ContactGrantTest.consenting();
    TestCaller u = s.institution();
    String id = s.record().id();
    u.call().get(OF, id).then().statusCode(404);
    ApplicationEvents.applied(
        ApplicationEvents.placement(
            s.pseudonymousId(),
            TestCodes.newCreditCode(),
            Instant.now(),
            LocalDate.parse("2030-07-01")));
    String etag = u.call().get(OF, id).then().statusCode(200).extract().header("ETag");
    // The destination is part of the record: the same version.
    assertEquals(etag, u.call().get("/api/v1/students/{id}", id).then().extract().header("ETag"));

    Map<String, Object> corrected = aDestination();
    u.call().body(corrected).put(OF, id).then().statusCode(428);
    u.call().header("If-Match", "\"999\"").body(corrected).put(OF, id).then().statusCode(412);
    String newTag =
        u.call()
            .header("If-Match", etag)
            .body(corrected)
            .put(OF, id)
            .then()
            .statusCode(200)
            .body("employerCreditCode", equalTo(corrected.get("employerCreditCode")))
            .body("divisionCode", equalTo("320505"))
            .body("source", equalTo("INSTITUTION"))
            .body("state", equalTo("CONFIRMED"))
            .body("confirmedBy", equalTo("INSTITUTION"))
            .extract()
            .header("ETag");
    s.self().call().get(OWN).then().statusCode(200).header("ETag", newTag);

    TestCaller other = Api.university();
    other.call().get(OF, id).then().statusCode(404);
    other.call().header("If-Match", newTag).body(aDestination()).put(OF, id).then().statusCode(404);
    StudentPrivacyTest.Enrolled classmate =
        StudentPrivacyTest.enrol(u, aStudent(newStudentNumber()));
    Api.student(u, classmate.pseudonymousId()).call().get(OF, id).then().statusCode(404);
    Api.enterprise().call().get(OF, id).then().statusCode(403);
  }

  @Test
  void aStudentStatesTheirOwnDestinationAndBadFieldsAreNamed() {
    ContactGrantTest.Consenting s = ContactGrantTest.consenting();
    String path = "/api/v1/students/" + s.record().id() + "/destination";
    String etag =
        s.self()
            .call()
            .get("/api/v1/students/{id}", s.record().id())
            .then()
            .extract()
            .header("ETag");
    Map<String, String> bad =
        Map.of(
            "employerCreditCode", "91350200MA31E12PXA",
            "occupationCode", "2-02-10",
            "divisionCode", "990000",
            "startDate", "1999-12-31");
    for (Map.Entry<String, String> b : bad.entrySet()) {
      Map<String, Object> body = aDestination();
      body.put(b.getKey(), b.getValue());
      s.self()
          .call()
          .header("If-Match", etag)
          .body(body)
          .put(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem(b.getKey()));
    }
    s.self()
        .call()
        .header("If-Match", etag)
        .body(aDestination())
        .put(path)
        .then()
        .statusCode(200)
        .body("source", equalTo("STUDENT"))
        .body("state", equalTo("CONFIRMED"));
  }

  @Test
  void aHiredStudentSeeksWorkAgain() {
    ContactGrantTest.Consenting s = ContactGrantTest.consenting();
    try (EventTap tap = EventTap.open("qiao.curriculum.events")) {
      s.self()
          .call()
          .post("/api/v1/students/me/job-seeking")
          .then()
          .statusCode(200)
          .body("pseudonymousId", equalTo(s.pseudonymousId()));
      List<CloudEvent> events =
          tap.awaitEvents(
              e ->
                  e.type().equals("qiao.student.job-seeking-resumed.v1")
                      && e.subject().equals(s.pseudonymousId()),
              1,
              Duration.ofSeconds(15));
      assertEquals(List.of(), EventSchemas.violations(events.get(0)));
    }
    // A student who never consented is unknown to matching: nothing to resume.
    TestCaller u = s.institution();
    StudentPrivacyTest.Enrolled silent = StudentPrivacyTest.enrol(u, aStudent(newStudentNumber()));
    Api.student(u, silent.pseudonymousId())
        .call()
        .post("/api/v1/students/me/job-seeking")
        .then()
        .statusCode(409);
  }
}
