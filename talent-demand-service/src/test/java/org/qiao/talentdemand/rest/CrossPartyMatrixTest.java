package org.qiao.talentdemand.rest;

import static org.qiao.talentdemand.support.Bodies.aChallenge;
import static org.qiao.talentdemand.support.Bodies.aDemand;
import static org.qiao.talentdemand.support.Bodies.aTrainingOrder;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.CrossPartyMatrix;
import org.qiao.talentdemand.support.Api;
import org.qiao.talentdemand.support.Applications;
import org.qiao.talentdemand.support.Students;

/**
 * Every id-bearing operation of the committed contract, called by each role for another
 * organisation on one enterprise's objects (a draft demand, an order addressed to one university, a
 * challenge and a university's interest in it, an application in interviews and its round, a
 * student's block): 404 or 403, and no table changes; a student other than the applicant is another
 * party too.
 */
@QuarkusTest
class CrossPartyMatrixTest {

  @Test
  void noOtherPartyReachesAnEnterprisesObjects() throws Exception {
    Api.Org owner = Api.enterprise();
    Api.Org lab = Api.university();
    String demand = Api.create(owner, "/api/v1/demands", aDemand().with("publish", false).build());
    String order =
        Api.create(
            owner,
            "/api/v1/training-orders",
            aTrainingOrder().with("targetUniversities", List.of(lab.code())).build());
    String challenge = Api.create(owner, "/api/v1/challenges", aChallenge().build());
    String interest =
        Api.create(
            lab,
            "/api/v1/challenges/" + challenge + "/interests",
            Map.of("contactName", "李教授", "message", "我们有相关成果"));
    // An application in interviews, with a scheduled round: every application operation's object.
    Api.Org student = Students.published();
    String application = Applications.apply(student, Applications.demand(owner, 1));
    Applications.take(owner, application, "acceptance").statusCode(200);
    String round = Applications.proposeRound(owner, application);
    student.ifMatch(round).body(Map.of("slot", 0)).post(round + "/choice").then().statusCode(200);
    String blocked = Api.enterprise().id();
    Api.create(student, "/api/v1/students/me/blocked-enterprises", Map.of("enterpriseId", blocked));
    CrossPartyMatrix.ofCommittedContract()
        .ignoringTables("inbox_event", "proposal")
        .object("enterprises", owner.id(), owner.token())
        .object("demands", demand, owner.token())
        .object("training-orders", order, owner.token())
        .object("challenges", challenge, owner.token())
        .object("interests", interest, lab.token())
        .object("applications", application, owner.token())
        .object("interviews", round.substring(round.lastIndexOf('/') + 1), owner.token())
        .object("blocked-enterprises", blocked, student.token())
        .object("demand-templates", "2-02-10-09", owner.token())
        .caller("another registered enterprise", "enterprise", Api.enterprise().token())
        .caller("a university the order does not address", "university", Api.university().token())
        .caller("a student the enterprise may invite", "student", Students.published().token())
        // What the service means every such caller to reach (ChallengeService,
        // TrainingOrderService,
        // EnterpriseService, DemandTemplateResource), so not sent:
        .allowing("getChallenge", "university", "a challenge is an open call to every university")
        .allowing(
            "registerChallengeInterest", "university", "any university may answer a challenge")
        .allowing("getChallenge", "government", "overseers see every challenge")
        .allowing("getChallenge", "admin", "overseers see every challenge")
        .allowing("getChallengeInterest", "government", "overseers see every interest")
        .allowing("getChallengeInterest", "admin", "overseers see every interest")
        .allowing("getTrainingOrder", "government", "overseers see every training order")
        .allowing("getTrainingOrder", "admin", "overseers see every training order")
        .allowing("getEnterprise", "admin", "admins manage every enterprise's registration")
        .allowing(
            "updateEnterpriseProfile", "admin", "admins manage every enterprise's registration")
        .allowing(
            "getDemandTemplate", "*", "occupation templates are reference data for every role")
        .allowing("putDemandTemplate", "admin", "admins maintain the platform's templates")
        .assertNoOtherPartyReachesTheOwnersObjects();
  }
}
