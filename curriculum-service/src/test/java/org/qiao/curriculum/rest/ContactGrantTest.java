package org.qiao.curriculum.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qiao.curriculum.support.Bodies.aStudent;
import static org.qiao.curriculum.support.Bodies.newStudentNumber;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.curriculum.support.ApplicationEvents;
import org.qiao.curriculum.support.ApplicationEvents.Application;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventSchemas;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestCaller;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;

/**
 * Contact cards are released only by the student's own step (ADR 0015): the granted enterprise
 * reads them while the grant lasts, every read is recorded, everyone else gets the same 404, and
 * revocation and forgetting end the grant at once.
 */
@QuarkusTest
class ContactGrantTest {

  private static final String CARD = "/api/v1/contact-cards/{id}";

  @Inject DataSource db;

  /** A consenting student of a fresh institution, with the student's own caller. */
  record Consenting(TestCaller institution, StudentPrivacyTest.Enrolled record, TestCaller self) {
    String pseudonymousId() {
      return record.pseudonymousId();
    }
  }

  static Consenting consenting() {
    TestCaller u = Api.university();
    StudentPrivacyTest.Enrolled s = StudentPrivacyTest.enrol(u, aStudent(newStudentNumber()));
    StudentPrivacyTest.consent(u, s);
    return new Consenting(u, s, Api.student(u, s.pseudonymousId()));
  }

  /** A student-started application the student applied to; waits until its grant is there. */
  static Application appliedTo(Consenting s, TestCaller enterprise) {
    Application a = Application.byStudent(s.pseudonymousId(), enterprise.code());
    ApplicationEvents.applied(a.event("applied", 0));
    return a;
  }

  private static Response card(TestCaller caller, String applicationId) {
    return caller.call().get(CARD, applicationId);
  }

  @Test
  void anApplicationReleasesTheCardToTheEnterpriseAndEveryReadIsDisclosed() {
    Consenting s = consenting();
    TestCaller enterprise = Api.enterprise();
    Application a = appliedTo(s, enterprise);

    card(enterprise, a.id())
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .body("applicationId", equalTo(a.id()))
        .body("name", equalTo(s.record().body().get("name")))
        .body("phone", equalTo(s.record().body().get("phone")))
        .body("email", equalTo(s.record().body().get("email")))
        .body("institution.code", equalTo(s.institution().code()))
        .body("institution.name", equalTo("测试学校 " + s.institution().code()))
        .body("majorCode", equalTo("080710T"))
        .body("degree", equalTo("BACHELOR"))
        .body("graduationYear", equalTo(2030))
        .body("grant.endsAt", nullValue());
    card(enterprise, a.id()).then().statusCode(200);

    s.self()
        .call()
        .get("/api/v1/students/me/contact-grants")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].applicationId", equalTo(a.id()))
        .body("[0].enterprise.creditCode", equalTo(enterprise.code()))
        .body("[0].enterprise.id", equalTo(ApplicationEvents.enterpriseId(enterprise.code())))
        .body("[0].state", equalTo("ACTIVE"));
    // Two reads, two disclosures, newest first, one per page with a Link to the next.
    Response first = s.self().call().get("/api/v1/students/me/disclosures?limit=1");
    first
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].applicationId", equalTo(a.id()))
        .body("[0].enterprise.creditCode", equalTo(enterprise.code()))
        .body("[0].enterprise.name", equalTo("测试企业 " + enterprise.code()));
    assertNotNull(first.header("Link"), "a second page");
    s.self()
        .call()
        .get("/api/v1/students/me/disclosures?limit=100")
        .then()
        .statusCode(200)
        .body("", hasSize(2));
    // An accepted of the same student-started application grants nothing new.
    ApplicationEvents.applied(a.event("accepted", 1));
    assertEquals(
        1, count("select count(*) from contact_grant where application_id = ?::uuid", a.id()));
  }

  @Test
  void everyoneButTheGrantedEnterpriseGetsTheSame404() {
    Consenting s = consenting();
    TestCaller enterprise = Api.enterprise();
    Application a = appliedTo(s, enterprise);
    card(enterprise, a.id()).then().statusCode(200);
    long reads = disclosures(s);

    Map<String, String> callers =
        Map.of(
            "another enterprise", TestJwt.token("enterprise", TestCodes.newCreditCode()),
            "the granted org as government", TestJwt.token("government", enterprise.code()),
            "the student's institution", s.institution().token(),
            "the student themself", s.self().token(),
            "an admin", TestJwt.token("admin", enterprise.code()),
            "a mentor of the enterprise", TestJwt.token("mentor", enterprise.code(), "m1"));
    String expected = notFound(enterprise.token(), "00000000-0000-7000-8000-000000000000");
    for (Map.Entry<String, String> c : callers.entrySet()) {
      assertEquals(
          expected.replace("00000000-0000-7000-8000-000000000000", a.id()),
          notFound(c.getValue(), a.id()),
          c.getKey());
    }
    // Nobody's refused read is recorded.
    assertEquals(reads, disclosures(s));
  }

  @Test
  void anInvitationReleasesNothingUntilTheStudentAcceptsAndOlderEventsChangeNothing() {
    Consenting s = consenting();
    TestCaller enterprise = Api.enterprise();
    Application invitation = Application.byEnterprise(s.pseudonymousId(), enterprise.code());
    ApplicationEvents.applied(invitation.event("invited", 0));
    card(enterprise, invitation.id()).then().statusCode(404);
    ApplicationEvents.applied(invitation.event("accepted", 1));
    card(enterprise, invitation.id()).then().statusCode(200);

    // A declined invitation never releases anything.
    Application declined = Application.byEnterprise(s.pseudonymousId(), enterprise.code());
    ApplicationEvents.applied(declined.event("invited", 0));
    ApplicationEvents.applied(declined.event("declined", 1));
    card(enterprise, declined.id()).then().statusCode(404);

    // Out of order: the withdrawal (v2) first; the late acceptance (v1) grants nothing.
    Application late = Application.byEnterprise(s.pseudonymousId(), enterprise.code());
    ApplicationEvents.applied(late.event("withdrawn", 2));
    ApplicationEvents.applied(late.event("accepted", 1));
    card(enterprise, late.id()).then().statusCode(404);
    assertEquals(
        0, count("select count(*) from contact_grant where application_id = ?::uuid", late.id()));

    // The acceptance of a student's application arriving before the application: one grant.
    Application early = Application.byStudent(s.pseudonymousId(), enterprise.code());
    ApplicationEvents.applied(early.event("accepted", 1));
    ApplicationEvents.applied(early.event("applied", 0));
    card(enterprise, early.id()).then().statusCode(200);
    assertEquals(
        1, count("select count(*) from contact_grant where application_id = ?::uuid", early.id()));
  }

  @Test
  void anEndedApplicationLeavesThirtyDaysThenTheCardIsGone() {
    Consenting s = consenting();
    TestCaller enterprise = Api.enterprise();
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    Application recent = appliedTo(s, enterprise);
    ApplicationEvents.applied(recent.event("rejected", 1, now.minus(Duration.ofDays(29))));
    card(enterprise, recent.id())
        .then()
        .statusCode(200)
        .body(
            "grant.endsAt",
            equalTo(now.minus(Duration.ofDays(29)).plus(Duration.ofDays(30)).toString()));

    Application old = appliedTo(s, enterprise);
    ApplicationEvents.applied(old.event("hired", 1, now.minus(Duration.ofDays(31))));
    card(enterprise, old.id()).then().statusCode(404);
    s.self()
        .call()
        .get("/api/v1/students/me/contact-grants")
        .then()
        .statusCode(200)
        .body("find { it.applicationId == '" + old.id() + "' }.state", equalTo("ENDED"))
        .body("find { it.applicationId == '" + recent.id() + "' }.state", equalTo("ACTIVE"));
  }

  @Test
  void revocationEndsTheCardAtOnceAndIsAnnouncedOnce() throws Exception {
    Consenting s = consenting();
    TestCaller enterprise = Api.enterprise();
    Application a = appliedTo(s, enterprise);
    card(enterprise, a.id()).then().statusCode(200);
    String grantId =
        s.self()
            .call()
            .get("/api/v1/students/me/contact-grants")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].id");

    // A classmate cannot revoke it.
    StudentPrivacyTest.Enrolled classmate =
        StudentPrivacyTest.enrol(s.institution(), aStudent(newStudentNumber()));
    Api.student(s.institution(), classmate.pseudonymousId())
        .call()
        .post("/api/v1/students/me/contact-grants/{id}/revocation", grantId)
        .then()
        .statusCode(404);

    try (EventTap tap = EventTap.open("qiao.curriculum.events")) {
      for (int i = 0; i < 2; i++) {
        s.self()
            .call()
            .post("/api/v1/students/me/contact-grants/{id}/revocation", grantId)
            .then()
            .statusCode(200)
            .body("id", equalTo(grantId))
            .body("state", equalTo("REVOKED"));
      }
      card(enterprise, a.id()).then().statusCode(404);
      List<CloudEvent> events =
          tap.awaitEvents(
              e -> e.type().equals("qiao.contact-grant.revoked.v1") && e.subject().equals(grantId),
              1,
              Duration.ofSeconds(15));
      assertEquals(List.of(), EventSchemas.violations(events.get(0)));
      assertEquals(a.id(), events.get(0).data().get("applicationId").asText());
      assertEquals(s.pseudonymousId(), events.get(0).data().get("studentId").asText());
      assertEquals(
          ApplicationEvents.enterpriseId(enterprise.code()),
          events.get(0).data().get("enterpriseId").asText());
      // Revoking again sent nothing more.
      assertEquals(
          1,
          tap.drain(Duration.ofMillis(500)).stream().filter(r -> grantId.equals(r.key())).count());
    }
  }

  @Test
  void withdrawingConsentEndsEveryGrantAtOnceAndLaterApplicationsGrantNothing() {
    Consenting s = consenting();
    TestCaller enterprise = Api.enterprise();
    Application a = appliedTo(s, enterprise);
    card(enterprise, a.id()).then().statusCode(200);

    s.self()
        .ifMatch("/api/v1/students/" + s.record().id())
        .post("/api/v1/students/{id}/consent-withdrawal", s.record().id())
        .then()
        .statusCode(200);
    // At once: no waiting for any event.
    card(enterprise, a.id()).then().statusCode(404);
    // The student still sees the ended grant and who read the card (a withdrawal keeps them).
    s.self()
        .call()
        .get("/api/v1/students/me/contact-grants")
        .then()
        .statusCode(200)
        .body("[0].state", equalTo("ENDED"));
    assertEquals(1, disclosures(s));

    Application later = Application.byStudent(s.pseudonymousId(), enterprise.code());
    ApplicationEvents.applied(later.event("applied", 0));
    card(enterprise, later.id()).then().statusCode(404);
    assertEquals(
        0, count("select count(*) from contact_grant where application_id = ?::uuid", later.id()));
  }

  @Test
  void anImportsWithdrawalOfAPaperConsentEndsTheGrantsToo() {
    TestCaller u = Api.university();
    String number = newStudentNumber();
    Map<String, Object> row =
        new java.util.HashMap<>(
            Map.of(
                "name", "测试学生" + number,
                "studentNumber", number,
                "phone", "13900139000",
                "majorCode", "080710T",
                "degree", "本科",
                "graduationYear", "2030",
                "consent", "是",
                "consentTextVersion", "2026-01",
                "consentAt", "2026-03-01"));
    importRows(u, row);
    String pseudonymousId =
        u.call()
            .get("/api/v1/students?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("find { it.studentNumber == '" + number + "' }.pseudonymousId");
    TestCaller enterprise = Api.enterprise();
    Application a = Application.byStudent(pseudonymousId, enterprise.code());
    ApplicationEvents.applied(a.event("applied", 0));
    card(enterprise, a.id()).then().statusCode(200).body("phone", equalTo("13900139000"));

    row.put("consent", "否");
    row.remove("consentAt");
    importRows(u, row);
    card(enterprise, a.id()).then().statusCode(404);
  }

  private static void importRows(TestCaller u, Map<String, Object> row) {
    String job =
        u.call()
            .body(Map.of("rows", List.of(row)))
            .post("/api/v1/student-imports")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    StudentImportTest.awaitFinished(u, job);
  }

  @Test
  void erasureEndsTheCardAndLeavesNoGrantDisclosureOrDestination() {
    Consenting s = consenting();
    TestCaller enterprise = Api.enterprise();
    Application a = appliedTo(s, enterprise);
    card(enterprise, a.id()).then().statusCode(200);
    ApplicationEvents.applied(
        ApplicationEvents.placement(
            s.pseudonymousId(),
            enterprise.code(),
            Instant.now(),
            java.time.LocalDate.parse("2030-07-01")));
    s.self().call().get("/api/v1/students/me/destination").then().statusCode(200);

    s.institution()
        .ifMatch("/api/v1/students/" + s.record().id())
        .delete("/api/v1/students/{id}", s.record().id())
        .then()
        .statusCode(204);
    card(enterprise, a.id()).then().statusCode(404);
    for (String table : List.of("contact_grant", "disclosure", "known_application")) {
      assertEquals(
          0,
          count("select count(*) from " + table + " where student_id = ?", s.pseudonymousId()),
          table);
    }
    assertEquals(
        0,
        count(
            "select count(*) from graduate_destination where student_id = ?::uuid",
            s.record().id()));
    Application later = Application.byStudent(s.pseudonymousId(), enterprise.code());
    ApplicationEvents.applied(later.event("applied", 0));
    assertEquals(
        0, count("select count(*) from contact_grant where student_id = ?", s.pseudonymousId()));
  }

  @Test
  void anUnknownStudentsApplicationRecordsNothing() {
    String stranger = TestCodes.newPseudonym();
    Application a = Application.byStudent(stranger, TestCodes.newCreditCode());
    ApplicationEvents.applied(a.event("applied", 0));
    assertEquals(0, count("select count(*) from known_application where student_id = ?", stranger));
    assertEquals(0, count("select count(*) from contact_grant where student_id = ?", stranger));
  }

  private long disclosures(Consenting s) {
    return count("select count(*) from disclosure where student_id = ?", s.pseudonymousId());
  }

  private static String notFound(String token, String applicationId) {
    var r =
        io.restassured.RestAssured.given()
            .auth()
            .oauth2(token)
            .get(CARD, applicationId)
            .then()
            .statusCode(404)
            .contentType("application/problem+json")
            .extract()
            .body()
            .jsonPath();
    return r.getString("type") + "|" + r.getString("title") + "|" + r.getString("detail");
  }

  private long count(String sql, String value) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
