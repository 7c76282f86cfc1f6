package org.qiao.matching.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventSchemas;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;
import org.qiao.matching.support.Events;

/**
 * Ranking, explanation and diagnosis on a hand-built example. The demand asks for Java and SQL
 * (essential), Git and Docker (optional), a bachelor's degree, one city and one major of a class no
 * other test uses: at most 2×12 + 2×3 + 6 = 36 points.
 */
@QuarkusTest
class RankingTest {

  String city;
  Events.Demand demand;
  Events.Profile a; // java (alias), MySQL (alias of SQL), GitHub; Java verified; same major: 28
  Events.Profile e; // Java, SQL, Docker; Java verified; same class: 26 (and a second city)
  String secondCity;
  Events.Profile b; // as e without the verification: 22
  Events.Profile c; // Java, Git, K8s — lacks SQL; same major: 18
  Events.Profile j; // Java, SQL; unrelated major: 16
  Events.Profile g; // associate degree: fails the hard constraint
  Events.Profile h; // another city: fails the hard constraint

  /** Opened before the example's events, so the first announcement of its demand is seen too. */
  EventTap announcements;

  @AfterEach
  void closeTap() {
    announcements.close();
  }

  @BeforeEach
  void example() {
    announcements = EventTap.open("qiao.matching.events");
    city = Events.newCity();
    String k = Events.newMajorClass();
    demand =
        Events.demand()
            .city(city)
            .majors(k + "01")
            .minimumDegree("BACHELOR")
            .essential("Java开发", "SQL")
            .optional("Git", "Docker");
    a =
        Events.profile()
            .cities(city)
            .major(k + "01")
            .institution("4131019999")
            .graduating(2029)
            .skills("java", "MySQL", "GitHub");
    secondCity = Events.newCity();
    e = Events.profile().cities(secondCity, city).major(k + "02").skills("Java", "SQL", "Docker");
    b = Events.profile().cities(city).major(k + "02").skills("Java", "SQL", "Docker");
    c = Events.profile().cities(city).major(k + "01").skills("Java", "Git", "K8s");
    j = Events.profile().cities(city).major("120201").skills("Java", "SQL");
    g = Events.profile().cities(city).major(k + "01").degree("ASSOCIATE").skills("Java", "SQL");
    h = Events.profile().cities(Events.newCity()).major(k + "01").skills("Java", "SQL");
    Events.deliver(
        Events.CURRICULUM,
        a.event(),
        e.event(),
        b.event(),
        c.event(),
        j.event(),
        g.event(),
        h.event());
    Events.deliver(
        Events.INTERNSHIP,
        Events.internshipCompleted(a.id, "Java开发"),
        Events.internshipCompleted(e.id, "JAVA"));
    Events.deliver(Events.TALENT_DEMAND, demand.event());
  }

  private String owner() {
    return TestJwt.token("enterprise", demand.enterpriseCode);
  }

  private ValidatableResponse matches(String token) {
    return given()
        .auth()
        .oauth2(token)
        .get("/api/v1/demands/{id}/matches?limit=100", demand.id)
        .then();
  }

  /** Waits until the verified skills reached the index (they arrive on another topic). */
  private ValidatableResponse awaitRanking(List<String> ids) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertEquals(ids, matches(owner()).extract().path("matches.studentId")));
    return matches(owner()).statusCode(200);
  }

  @Test
  void ranksByPointsAndExplainsEachMatch() {
    awaitRanking(List.of(a.id, e.id, b.id, c.id, j.id))
        .body("maxPoints", equalTo(36))
        .body("matches.explanation.points", contains(28, 26, 22, 18, 16))
        .body("matches[0].score", equalTo(77.8f))
        .body("matches[0].rank", equalTo(1))
        // Aliases: "java", "MySQL" and "GitHub" are the demand's "Java开发", "SQL" and "Git".
        .body("matches[0].explanation.essentialSkillsMatched.name", contains("Java开发", "SQL"))
        .body("matches[0].explanation.essentialSkillsMatched.code", contains("SW-JAVA", "SW-SQL"))
        .body("matches[0].explanation.essentialSkillsMatched.verified", contains(true, false))
        .body("matches[0].explanation.optionalSkillsMatched.name", contains("Git"))
        .body("matches[0].explanation.essentialSkillsMissing", empty())
        .body("matches[0].explanation.majorMatch", equalTo("SAME_MAJOR"))
        .body("matches[0].degree", equalTo("BACHELOR"))
        .body("matches[0].preferredCities", contains(city))
        .body("matches[0].institutionCode", equalTo(a.institutionCode()))
        .body("matches[0].majorCode", equalTo(a.majorCode()))
        .body("matches[0].graduationYear", equalTo(2029))
        .body(
            "matches[1].preferredCities",
            contains(new TreeSet<>(List.of(city, secondCity)).toArray()))
        .body("matches[2].explanation.majorMatch", equalTo("SAME_CLASS"))
        .body("matches[2].explanation.optionalSkillsMatched.name", contains("Docker"))
        .body("matches[4].explanation.majorMatch", equalTo("NONE"));
  }

  @Test
  void aMissingEssentialSkillLowersTheScoreAndIsNamed() {
    awaitRanking(List.of(a.id, e.id, b.id, c.id, j.id))
        .body("matches[3].studentId", equalTo(c.id))
        .body("matches[3].explanation.essentialSkillsMissing.name", contains("SQL"))
        .body("matches[3].explanation.essentialSkillsMissing.code", contains("SW-SQL"))
        .body("matches[3].explanation.essentialSkillsMatched.name", contains("Java开发"))
        // Both optional skills and the same major do not make up for the missing SQL.
        .body("matches[3].explanation.optionalSkillsMatched.name", contains("Git", "Docker"));
  }

  @Test
  void aVerifiedSkillOutranksTheSameSkillOnlyDeclared() {
    awaitRanking(List.of(a.id, e.id, b.id, c.id, j.id))
        .body("matches[1].studentId", equalTo(e.id))
        .body("matches[1].explanation.essentialSkillsMatched.verified", contains(true, false))
        .body("matches[2].studentId", equalTo(b.id))
        .body("matches[2].explanation.essentialSkillsMatched.verified", contains(false, false));
  }

  @Test
  void diagnosisCountsEqualTheHandComputedOnes() {
    awaitRanking(List.of(a.id, e.id, b.id, c.id, j.id));
    given()
        .auth()
        .oauth2(owner())
        .get("/api/v1/demands/{id}/diagnosis", demand.id)
        .then()
        .statusCode(200)
        .body("passingHardConstraints", equalTo(5)) // a e b c j
        .body("withAllEssentialSkills", equalTo(4)) // not c
        .body("qualified", equalTo(3)) // not j (major 1202)
        .body(
            "relaxations.requirement",
            contains(
                "ESSENTIAL_SKILL", "ESSENTIAL_SKILL", "MINIMUM_DEGREE", "CITIES", "MAJOR_CODES"))
        .body("relaxations[0].skill.name", equalTo("Java开发"))
        .body("relaxations[1].skill.name", equalTo("SQL"))
        // SQL dropped: c; degree dropped: g; city dropped: h; majors dropped: j.
        .body("relaxations.additionalCandidates", contains(0, 1, 1, 1, 1))
        .body("missingAmongNearMisses.skill.name", contains("SQL"))
        .body("missingAmongNearMisses.nearMisses", contains(1));
  }

  @Test
  void aForgottenStudentLeavesResultsDiagnosisAndRankingAtOnce() {
    EventTap tap = announcements;
    awaitRanking(List.of(a.id, e.id, b.id, c.id, j.id));
    tap.awaitEvents(
        x -> x.subject().equals(demand.id) && x.data().get("top").toString().contains(a.id),
        1,
        Duration.ofSeconds(20));
    Events.deliver(Events.CURRICULUM, Events.forgotten(a.id));
    awaitRanking(List.of(e.id, b.id, c.id, j.id));
    given()
        .auth()
        .oauth2(owner())
        .get("/api/v1/demands/{id}/diagnosis", demand.id)
        .then()
        .body("passingHardConstraints", equalTo(4))
        .body("qualified", equalTo(2));
    // The profile arriving again (a replay) does not bring the student back.
    Events.deliver(Events.CURRICULUM, a.version(2).event());
    matches(owner()).body("matches.studentId", not(hasItem(a.id)));

    // The next announcement no longer lists the forgotten student, not even as one who left.
    CloudEvent change =
        tap.awaitEvents(
                x ->
                    x.subject().equals(demand.id)
                        && x.data().get("top").get(0).get("studentId").asText().equals(e.id),
                1,
                Duration.ofSeconds(20))
            .get(0);
    assertEquals(List.of(), EventSchemas.violations(change));
    assertEquals(false, change.data().toString().contains(a.id), change.data().toString());
  }

  @Test
  void theTopTenOfAnOpenDemandIsAnnouncedWhenItChanges() {
    EventTap tap = announcements;
    awaitRanking(List.of(a.id, e.id, b.id, c.id, j.id));
    Events.Profile better =
        Events.profile().cities(city).major(a.majorCode()).skills("Java", "SQL", "Git", "Docker");
    Events.deliver(Events.CURRICULUM, better.event());
    CloudEvent change =
        tap.awaitEvents(
                x ->
                    x.subject().equals(demand.id)
                        && x.data().get("entered").toString().contains(better.id),
                1,
                Duration.ofSeconds(20))
            .get(0);
    assertEquals(List.of(), EventSchemas.violations(change));
    assertEquals("qiao.demand-ranking.changed.v1", change.type());
    // 8 + 8 + 2 + 2 + 6 = 26 ties with e; the tie goes by pseudonymous id.
    assertEquals(
        26,
        change.data().get("top").get(better.id.compareTo(e.id) < 0 ? 1 : 2).get("points").asInt());
    assertEquals(6, change.data().get("top").size());
  }

  private int pointsOf(String studentId) {
    Integer points =
        matches(owner())
            .extract()
            .path("matches.find { it.studentId == '" + studentId + "' }.explanation.points");
    return points == null ? -1 : points;
  }

  @Test
  void aRedeliveredOrOlderProfileChangesNothing() {
    awaitRanking(List.of(a.id, e.id, b.id, c.id, j.id));
    // c's version 2 lacks SQL; version 3 adds it. Version 2 arriving late (twice) changes nothing.
    CloudEvent older = c.version(2).event();
    Events.deliver(Events.CURRICULUM, c.version(3).skills("SQL").event());
    await().atMost(Duration.ofSeconds(10)).until(() -> pointsOf(c.id) == 26);
    Events.deliver(Events.CURRICULUM, older, older);
    Events.deliver(Events.CURRICULUM, Events.profile().event()); // processed after the old ones
    assertEquals(26, pointsOf(c.id));
  }

  @Test
  void aBlankOrMalformedDemandIdIsABadRequestNamingIt() {
    for (String id : new String[] {" ", "not-a-uuid"}) {
      given()
          .auth()
          .oauth2(owner())
          .get("/api/v1/demands/{id}/matches", id)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("id"));
    }
  }

  @Test
  void anInternshipCompletedAfterItsStudentWasForgottenIsProcessed() {
    // internship-service blanks the student of an internship it forgot, and may still complete it.
    Events.deliver(Events.INTERNSHIP, Events.internshipCompleted(null, "Java开发"));
    awaitRanking(List.of(a.id, e.id, b.id, c.id, j.id));
  }

  @Test
  void anotherEnterpriseCannotRankOrDiagnoseTheDemand() {
    String other = TestJwt.token("enterprise", TestCodes.newCreditCode());
    matches(other).statusCode(404).contentType("application/problem+json");
    given()
        .auth()
        .oauth2(other)
        .get("/api/v1/demands/{id}/diagnosis", demand.id)
        .then()
        .statusCode(404);
    for (String role : new String[] {"university", "student", "mentor", "government"}) {
      matches(TestJwt.token(role, demand.enterpriseCode)).statusCode(403);
    }
  }

  @Test
  void aStudentSeesOnlyTheirOwnMatchesAndAUniversityOnlyItsStudents() {
    awaitRanking(List.of(a.id, e.id, b.id, c.id, j.id));
    given()
        .auth()
        .oauth2(TestJwt.token("student", a.institutionCode(), a.id))
        .get("/api/v1/students/{id}/matches", a.id)
        .then()
        .statusCode(200)
        .body("studentId", equalTo(a.id))
        .body("matches.demandId", hasItem(demand.id));
    given()
        .auth()
        .oauth2(TestJwt.token("student", b.institutionCode(), b.id))
        .get("/api/v1/students/{id}/matches", a.id)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(TestJwt.token("university", a.institutionCode()))
        .get("/api/v1/students/{id}/matches", a.id)
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(TestJwt.token("university", TestCodes.newInstitutionCode()))
        .get("/api/v1/students/{id}/matches", a.id)
        .then()
        .statusCode(404);
  }
}
