package org.qiao.matching.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.CrossPartyMatrix;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;
import org.qiao.matching.support.Events;

/**
 * Every id-bearing operation of the committed contract, called by each role for another
 * organisation or as another student on one enterprise's demand and order, one institution's skill
 * gap and one student's matches: 404 or 403, and no table changes.
 */
@QuarkusTest
class CrossPartyMatrixTest {

  @Test
  void noOtherPartyReachesAnotherOrganisationsRankingsOrAStudentsMatches() throws Exception {
    Events.Demand demand = Events.demand();
    String institution = TestCodes.newInstitutionCode();
    Events.Profile student = Events.profile().institution(institution);
    String order = ContractExamples.newId();
    Events.deliver(Events.TALENT_DEMAND, demand.event());
    Events.deliver(
        Events.TALENT_DEMAND,
        Events.trainingOrder(order, demand.enterpriseCode, List.of("080901"), 10, "Java"));
    Events.deliver(Events.CURRICULUM, student.event());
    String enterprise = TestJwt.token("enterprise", demand.enterpriseCode);
    String subscription =
        given()
            .auth()
            .oauth2(enterprise)
            .contentType(ContentType.JSON)
            .body(Map.of("url", "http://127.0.0.1:9/qiao-hooks", "eventTypes", List.of()))
            .post("/api/v1/webhook-subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // Paused, so the dispatcher leaves its row alone: every change to it is another party's.
    given()
        .auth()
        .oauth2(enterprise)
        .post("/api/v1/webhook-subscriptions/" + subscription + "/pause")
        .then()
        .statusCode(200);
    CrossPartyMatrix.ofCommittedContract()
        .ignoringTables(
            "inbox_event",
            "demand_view",
            // Written by the webhook pump and dispatcher in the background.
            "webhook_event",
            "webhook_message",
            "webhook_delivery",
            "partner_pump")
        .object("webhook-subscriptions", subscription, enterprise)
        .object("demands", demand.id, enterprise)
        .object("training-orders", order, enterprise)
        .object("institutions", institution, TestJwt.token("university", institution))
        .object("students", student.id, TestJwt.token("student", institution, student.id))
        .caller(
            "another student of the institution",
            "student",
            TestJwt.token("student", institution, Events.newStudentId()))
        .caller(
            "the student's id at another institution",
            "student",
            TestJwt.token("student", TestCodes.newInstitutionCode(), student.id))
        // What the contract means others to reach, so not sent:
        .allowing("getPublishedDemand", "*", "a published demand is public to every role")
        .allowing("diagnoseDemand", "admin", "admins see every demand's diagnosis")
        .allowing("rankStudentsForDemand", "admin", "admins see every demand's ranking")
        .allowing("rankInstitutionsForTrainingOrder", "admin", "admins see every order's ranking")
        .allowing("reportSkillGap", "government", "overseers see every institution's skill gap")
        .allowing("reportSkillGap", "admin", "overseers see every institution's skill gap")
        .allowing("rankDemandsForStudent", "admin", "admins see every student's matches")
        .allowing("getInstitutionOutcomes", "admin", "admins see every institution's outcomes")
        .assertNoOtherPartyReachesTheOwnersObjects();
  }
}
