package org.qiao.matching.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.TestJwt;
import org.qiao.matching.service.RankingIndexes;
import org.qiao.matching.support.Events;

/**
 * Applications and hires seen from a ranking (ADR 0016): whom the enterprise already invited, and
 * hired students out of every ranking until they seek work again after their latest hire. Events
 * come on the real broker, applications on talent-demand's topic, resumed job seeking on
 * curriculum's, so their order across topics is not given.
 */
@QuarkusTest
class OutcomeRankingTest {

  @Inject RankingIndexes indexes;

  private static JsonPath matches(Events.Demand d) {
    return given()
        .auth()
        .oauth2(TestJwt.token("enterprise", d.enterpriseCode))
        .get("/api/v1/demands/{id}/matches?limit=100", d.id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static List<String> ranked(Events.Demand d) {
    return matches(d).getList("matches.studentId");
  }

  private static Map<String, Object> row(Events.Demand d, String studentId) {
    List<Map<String, Object>> rows = matches(d).getList("matches");
    return rows.stream()
        .filter(r -> studentId.equals(r.get("studentId")))
        .findFirst()
        .orElseThrow();
  }

  private static int passing(Events.Demand d) {
    return given()
        .auth()
        .oauth2(TestJwt.token("enterprise", d.enterpriseCode))
        .get("/api/v1/demands/{id}/diagnosis", d.id)
        .then()
        .statusCode(200)
        .extract()
        .path("passingHardConstraints");
  }

  private static void awaitRanked(Events.Demand d, String studentId, boolean ranked) {
    await().atMost(Duration.ofSeconds(20)).until(() -> ranked(d).contains(studentId) == ranked);
  }

  @Test
  void aRankingSaysWhomTheEnterpriseAlreadyInvitedAndAnOlderStateChangesNothing() {
    String city = Events.newCity();
    Events.Demand demand = Events.demand().city(city).essential("Java");
    Events.Profile invited = Events.profile().cities(city).skills("Java");
    Events.Profile other = Events.profile().cities(city).skills("Java");
    Events.Profile applied = Events.profile().cities(city).skills("Java");
    Events.deliver(Events.TALENT_DEMAND, demand.event());
    Events.deliver(Events.CURRICULUM, invited.event(), other.event(), applied.event());
    String invitation = ContractExamples.newId();
    Events.deliver(
        Events.TALENT_DEMAND, Events.application(invitation, demand, invited.id, "invited", 1));
    Events.deliver(
        Events.TALENT_DEMAND, Events.application(invitation, demand, invited.id, "accepted", 2));
    // Late: an older state of the same application (another event) changes nothing.
    Events.deliver(
        Events.TALENT_DEMAND, Events.application(invitation, demand, invited.id, "invited", 1));
    Events.deliver(
        Events.TALENT_DEMAND,
        Events.application(ContractExamples.newId(), demand, applied.id, "applied", 0));
    await().atMost(Duration.ofSeconds(20)).until(() -> ranked(demand).size() == 3);

    Map<String, Object> i = row(demand, invited.id);
    assertEquals(true, i.get("alreadyInvited"));
    assertEquals("ACCEPTED", i.get("applicationStatus"));
    Map<String, Object> a = row(demand, applied.id);
    assertEquals(true, a.get("alreadyInvited"));
    assertEquals("APPLIED", a.get("applicationStatus"));
    Map<String, Object> o = row(demand, other.id);
    assertEquals(false, o.get("alreadyInvited"));
    assertNull(o.get("applicationStatus"));

    // An application for another demand of the same student flags nothing here.
    Events.Demand elsewhere = Events.demand().city(city).essential("Java");
    Events.deliver(Events.TALENT_DEMAND, elsewhere.event());
    Events.deliver(
        Events.TALENT_DEMAND,
        Events.application(ContractExamples.newId(), elsewhere, other.id, "invited", 0));
    assertEquals(false, row(demand, other.id).get("alreadyInvited"));
    assertEquals("INVITED", row(elsewhere, other.id).get("applicationStatus"));
  }

  @Test
  void aHiredStudentLeavesEveryRankingUntilTheySeekWorkAgainAfterTheirLatestHire() {
    String city = Events.newCity();
    Events.Demand hiring = Events.demand().city(city).essential("Java");
    Events.Demand other = Events.demand().city(city).essential("Java");
    Events.Profile hired = Events.profile().cities(city).skills("Java");
    Events.Profile colleague = Events.profile().cities(city).skills("Java");
    Events.deliver(Events.TALENT_DEMAND, hiring.event(), other.event());
    Events.deliver(Events.CURRICULUM, hired.event(), colleague.event());
    awaitRanked(other, hired.id, true);
    assertEquals(2, passing(other));

    Events.deliver(
        Events.TALENT_DEMAND,
        Events.placement(hired.id).on(hiring).of(hired).hiredAt("2027-03-26T02:00:00Z").event());
    awaitRanked(other, hired.id, false);
    assertEquals(List.of(colleague.id), ranked(other));
    assertEquals(List.of(colleague.id), ranked(hiring));
    assertEquals(1, passing(other), "diagnosis counts only students who can be hired");
    // The student still reads their own matches.
    given()
        .auth()
        .oauth2(TestJwt.token("student", hired.institutionCode(), hired.id))
        .get("/api/v1/students/{id}/matches", hired.id)
        .then()
        .statusCode(200)
        .body("studentId", equalTo(hired.id));

    // A new profile version does not bring them back, nor does a rebuild from the tables.
    Events.deliver(Events.CURRICULUM, hired.version(2).event());
    indexes.rebuild();
    assertFalse(ranked(other).contains(hired.id));

    // Seeking work since before the hire: still hired.
    Events.deliver(Events.CURRICULUM, Events.jobSeekingResumed(hired.id, "2027-03-01T00:00:00Z"));
    assertFalse(ranked(other).contains(hired.id));
    // Seeking work again after it: ranked again.
    Events.deliver(Events.CURRICULUM, Events.jobSeekingResumed(hired.id, "2027-09-01T00:00:00Z"));
    awaitRanked(other, hired.id, true);
    indexes.rebuild();
    assertTrue(ranked(other).contains(hired.id));

    // Hired again later: out again.
    Events.deliver(
        Events.TALENT_DEMAND,
        Events.placement(hired.id).on(other).of(hired).hiredAt("2027-10-01T00:00:00Z").event());
    awaitRanked(other, hired.id, false);
  }

  @Test
  void aResumptionThatArrivesBeforeTheEarlierHireKeepsTheStudentRanked() {
    String city = Events.newCity();
    Events.Demand demand = Events.demand().city(city).essential("Java");
    Events.Profile p = Events.profile().cities(city).skills("Java");
    Events.deliver(Events.TALENT_DEMAND, demand.event());
    Events.deliver(Events.CURRICULUM, p.event());
    awaitRanked(demand, p.id, true);
    // Curriculum's topic is faster: the resumption (September) arrives before the hire (March).
    Events.deliver(Events.CURRICULUM, Events.jobSeekingResumed(p.id, "2027-09-01T00:00:00Z"));
    Events.deliver(
        Events.TALENT_DEMAND,
        Events.placement(p.id).on(demand).of(p).hiredAt("2027-03-26T02:00:00Z").event());
    indexes.rebuild();
    assertTrue(ranked(demand).contains(p.id));
  }
}
