package org.qiao.curriculum.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qiao.curriculum.support.Bodies.aMajorPlan;
import static org.qiao.curriculum.support.Bodies.aStudent;
import static org.qiao.curriculum.support.Bodies.newStudentNumber;
import static org.qiao.curriculum.support.Bodies.with;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventSchemas;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestCaller;

/**
 * Personal data never leaves the service; only consented profiles are published; withdrawal and
 * erasure make every other service forget the student, and erasure leaves no copy behind.
 */
@QuarkusTest
class StudentPrivacyTest {

  private static final String TOPIC = "qiao.curriculum.events";

  @Inject DataSource db;

  record Enrolled(String id, String pseudonymousId, Map<String, Object> body) {
    List<String> personalData() {
      return List.of(
          (String) body.get("name"),
          (String) body.get("studentNumber"),
          (String) body.get("phone"),
          (String) body.get("email"));
    }
  }

  static Enrolled enrol(TestCaller u, Map<String, Object> body) {
    var r =
        u.call()
            // With a key, so that erasure must also remove the stored reply (it names the student).
            .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
            .body(body)
            .post("/api/v1/students")
            .then()
            .log()
            .ifValidationFails()
            .statusCode(201)
            .extract();
    return new Enrolled(r.path("id"), r.path("pseudonymousId"), body);
  }

  static void consent(TestCaller u, Enrolled s) {
    TestCaller student = Api.student(u, s.pseudonymousId());
    student
        .ifMatch("/api/v1/students/" + s.id())
        .body(Map.of("textVersion", "2026-01"))
        .post("/api/v1/students/{id}/consent", s.id())
        .then()
        .statusCode(200)
        .body("consent.given", equalTo(true))
        .body("published", equalTo(true));
  }

  @Test
  void onlyConsentedProfilesArePublishedWithdrawalAndErasureForgetAndNothingPersonalLeaves()
      throws Exception {
    TestCaller u = Api.university();
    String plan = u.create("/api/v1/course-plans", aMajorPlan());
    CoursePlanResourceTest.publish(u, plan);
    Enrolled consenting =
        enrol(u, with(aStudent(newStudentNumber()), "passedCourses", List.of("MIC3012")));
    Enrolled silent = enrol(u, aStudent(newStudentNumber()));
    Enrolled erased = enrol(u, aStudent(newStudentNumber()));

    try (EventTap tap = EventTap.open(TOPIC)) {
      consent(u, consenting);
      consent(u, erased);
      // The student withdraws; the institution erases another record.
      Api.student(u, consenting.pseudonymousId())
          .ifMatch("/api/v1/students/" + consenting.id())
          .post("/api/v1/students/{id}/consent-withdrawal", consenting.id())
          .then()
          .statusCode(200)
          .body("published", equalTo(false));
      u.ifMatch("/api/v1/students/" + erased.id())
          .delete("/api/v1/students/{id}", erased.id())
          .then()
          .statusCode(204);

      List<CloudEvent> events =
          tap.awaitEvents(
              e ->
                  e.subject().equals(consenting.pseudonymousId())
                      || e.subject().equals(erased.pseudonymousId()),
              4,
              Duration.ofSeconds(15));
      for (CloudEvent e : events) {
        assertEquals(List.of(), EventSchemas.violations(e), e.type());
      }
      // Per student, in order (one partition per pseudonymous id).
      List<CloudEvent> first = ofSubject(events, consenting.pseudonymousId());
      List<CloudEvent> second = ofSubject(events, erased.pseudonymousId());
      assertEquals(
          List.of("qiao.student.profile-published.v1", "qiao.student.forgotten.v1"),
          first.stream().map(CloudEvent::type).toList());
      assertEquals(
          List.of("qiao.student.profile-published.v1", "qiao.student.forgotten.v1"),
          second.stream().map(CloudEvent::type).toList());
      JsonNode published = first.get(0).data();
      assertEquals(consenting.pseudonymousId(), published.get("pseudonymousId").asText());
      assertEquals(
          java.util.Set.of("Verilog:3:false:true", "数字IC设计:3:false:true", "Python:null:true:false"),
          skills(published),
          "skills of the passed course at the plan's levels, and the declared one");
      assertEquals("CONSENT_WITHDRAWN", first.get(1).data().get("reason").asText());
      assertEquals("ERASED", second.get(1).data().get("reason").asText());
      // Nothing further, and never anything about the student who did not consent.
      assertTrue(
          tap.drain(Duration.ofMillis(500)).stream()
              .noneMatch(r -> silent.pseudonymousId().equals(r.key())));
    }

    List<ConsumerRecord<String, byte[]>> everything = EventTap.everyRecordOnEveryTopic();
    assertFalse(everything.isEmpty());
    for (Enrolled s : List.of(consenting, silent, erased)) {
      for (ConsumerRecord<String, byte[]> r : everything) {
        String text = new String(r.value(), StandardCharsets.UTF_8) + " " + r.key();
        assertFalse(
            text.contains(silent.pseudonymousId()),
            "an unconsented student appeared on " + r.topic());
        for (String personal : s.personalData()) {
          assertFalse(text.contains(personal), "personal data on topic " + r.topic() + ": " + text);
        }
      }
    }

    u.call().get("/api/v1/students/{id}", erased.id()).then().statusCode(404);
    for (String personal : erased.personalData()) {
      assertEquals(
          List.of(), tablesContaining(personal), "erasure must leave no copy of " + personal);
    }
    // Only the erasure list (and its forget event, until relayed and cleaned up) know the id.
    assertFalse(tablesContaining(erased.pseudonymousId()).contains("student"));
    assertTrue(tablesContaining(erased.pseudonymousId()).contains("erased_student"));
  }

  @Test
  void aStudentReadsOnlyTheirOwnRecordAndNoOtherOrganisationReadsAnyStudent() {
    TestCaller u = Api.university();
    Enrolled a = enrol(u, aStudent(newStudentNumber()));
    Enrolled b = enrol(u, aStudent(newStudentNumber()));
    TestCaller studentA = Api.student(u, a.pseudonymousId());
    studentA
        .call()
        .get("/api/v1/students/me")
        .then()
        .statusCode(200)
        .body("id", equalTo(a.id()))
        .body("name", equalTo(a.body().get("name")));
    studentA.call().get("/api/v1/students/{id}", a.id()).then().statusCode(200);
    studentA.call().get("/api/v1/students/{id}", b.id()).then().statusCode(404);
    studentA
        .call()
        .header("If-Match", "\"0\"")
        .body(Map.of("textVersion", "2026-01"))
        .post("/api/v1/students/{id}/consent", b.id())
        .then()
        .statusCode(404);
    // The same pseudonymous id claimed at another institution is nobody there.
    TestCaller elsewhere = Api.university();
    Api.student(elsewhere, a.pseudonymousId())
        .call()
        .get("/api/v1/students/me")
        .then()
        .statusCode(404);
    elsewhere.call().get("/api/v1/students/{id}", a.id()).then().statusCode(404);
    Api.enterprise().call().get("/api/v1/students/{id}", a.id()).then().statusCode(403);
    // A student cannot consent through the institution's role, nor an institution for a student.
    u.call()
        .header("If-Match", "\"0\"")
        .body(Map.of("textVersion", "2026-01"))
        .post("/api/v1/students/{id}/consent", a.id())
        .then()
        .statusCode(403);
  }

  private static List<CloudEvent> ofSubject(List<CloudEvent> events, String subject) {
    return events.stream().filter(e -> e.subject().equals(subject)).toList();
  }

  private static java.util.Set<String> skills(JsonNode profile) {
    java.util.Set<String> out = new java.util.HashSet<>();
    profile
        .get("skills")
        .forEach(
            k ->
                out.add(
                    k.get("name").asText()
                        + ":"
                        + k.get("level").asText()
                        + ":"
                        + k.get("declared").asBoolean()
                        + ":"
                        + k.get("fromCourses").asBoolean()));
    return out;
  }

  /** The tables with a row whose text contains the value. */
  private List<String> tablesContaining(String value) throws Exception {
    List<String> hits = new ArrayList<>();
    try (Connection c = db.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "select table_name from information_schema.tables"
                      + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "select count(*) from \"" + t + "\" x where x::text like '%' || ? || '%'")) {
          ps.setString(1, value);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
              hits.add(t);
            }
          }
        }
      }
    }
    return hits;
  }
}
