package org.qiao.talentdemand.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qiao.talentdemand.support.Applications.apply;
import static org.qiao.talentdemand.support.Applications.demand;
import static org.qiao.talentdemand.support.Applications.invite;
import static org.qiao.talentdemand.support.Applications.status;
import static org.qiao.talentdemand.support.Applications.take;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qiao.talentdemand.service.ExpiryJob;
import org.qiao.talentdemand.support.Api;
import org.qiao.talentdemand.support.Bodies;
import org.qiao.talentdemand.support.Students;

/** Invitations and applications over HTTP: each party's moves and each refusal (ADR 0014). */
@QuarkusTest
class ApplicationResourceTest {

  @Inject ExpiryJob expiry;

  @Test
  void anInvitationIsReadByBothPartiesAndAnsweredByTheStudent() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String demand = demand(owner, 2);
    Response created =
        owner
            .call()
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(Map.of("studentId", student.id()))
            .post("/api/v1/demands/" + demand + "/invitations");
    created
        .then()
        .statusCode(201)
        .header("ETag", "\"0\"")
        .header("Location", startsWith("http"))
        .body("status", equalTo("INVITED"))
        .body("startedBy", equalTo("ENTERPRISE"))
        .body("studentId", equalTo(student.id()));
    String id = created.path("id");
    assertEquals(true, created.header("Location").endsWith("/api/v1/applications/" + id));
    assertEquals("INVITED", status(student, id));

    take(student, id, "acceptance").statusCode(200).body("status", equalTo("ACCEPTED"));
    take(owner, id, "rejection").statusCode(200).body("status", equalTo("REJECTED"));
    // Ended: no one moves it any more.
    take(student, id, "withdrawal").statusCode(409);
  }

  @Test
  void anApplicationIsAnsweredByTheEnterpriseAndListedForBoth() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String demand = demand(owner, 1);
    String first = apply(student, demand);
    take(owner, first, "decline").statusCode(200).body("status", equalTo("DECLINED"));
    String second = apply(student, demand);
    take(owner, second, "acceptance").statusCode(200).body("status", equalTo("ACCEPTED"));

    owner
        .call()
        .get("/api/v1/demands/" + demand + "/applications?limit=1")
        .then()
        .statusCode(200)
        .body("id", equalTo(List.of(second)))
        .header("Link", containsString("rel=\"next\""));
    owner
        .call()
        .get("/api/v1/demands/" + demand + "/applications?status=DECLINED")
        .then()
        .statusCode(200)
        .body("id", equalTo(List.of(first)));
    student
        .call()
        .get("/api/v1/students/me/applications")
        .then()
        .statusCode(200)
        .body("id", equalTo(List.of(second, first)));
    // Another enterprise cannot list this demand's.
    Api.enterprise()
        .call()
        .get("/api/v1/demands/" + demand + "/applications")
        .then()
        .statusCode(404);
  }

  @Test
  void onlyItsPartiesReadAnApplication() {
    Api.Org owner = Api.enterprise();
    String id = invite(owner, demand(owner, 1), Students.published());
    // Another enterprise or student: as if it did not exist; other roles: not theirs to ask.
    for (Api.Org stranger : List.of(Api.enterprise(), Students.published())) {
      stranger.call().get("/api/v1/applications/" + id).then().statusCode(404);
      stranger
          .call()
          .header("If-Match", "\"0\"")
          .post("/api/v1/applications/" + id + "/withdrawal")
          .then()
          .statusCode(404);
    }
    for (Api.Org other : List.of(Api.government(), Api.university())) {
      other.call().get("/api/v1/applications/" + id).then().statusCode(403);
    }
  }

  @Test
  void aTransitionNeedsTheVersionTheCallerRead() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String id = invite(owner, demand(owner, 1), student);
    String path = "/api/v1/applications/" + id;
    student.call().post(path + "/acceptance").then().statusCode(428);
    student.call().header("If-Match", "\"7\"").post(path + "/acceptance").then().statusCode(412);
    assertEquals("INVITED", status(student, id));
  }

  @Test
  void eachSideTakesOnlyItsOwnMoves() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String invitation = invite(owner, demand(owner, 1), student);
    take(owner, invitation, "acceptance")
        .statusCode(409)
        .body(
            "detail",
            equalTo("An application in state INVITED cannot be accepted by the enterprise"));
    take(owner, invitation, "decline").statusCode(409);
    take(owner, invitation, "rejection").statusCode(409);
    take(student, invitation, "rejection").statusCode(403);
    String application = apply(student, demand(owner, 1));
    take(student, application, "acceptance").statusCode(409);
    take(owner, application, "withdrawal").statusCode(409);
    take(owner, invitation, "withdrawal").statusCode(200).body("status", equalTo("WITHDRAWN"));
    take(student, application, "withdrawal").statusCode(200).body("status", equalTo("WITHDRAWN"));
  }

  @Test
  void unknownWithdrawnErasedAndBlockingStudentsAllAnswerTheSame404() {
    Api.Org owner = Api.enterprise();
    String demand = demand(owner, 5);
    Api.Org withdrawn = Students.published();
    Students.awaitProcessed(
        Students.forget(withdrawn, "CONSENT_WITHDRAWN", Instant.now().toString()));
    Api.Org erased = Students.published();
    Students.awaitProcessed(Students.forget(erased, "ERASED", Instant.now().toString()));
    Api.Org blocking = Students.published();
    blocking
        .call()
        .body(Map.of("enterpriseId", owner.id()))
        .post("/api/v1/students/me/blocked-enterprises")
        .then()
        .statusCode(201);

    List<String> answers = new ArrayList<>();
    for (Api.Org s : List.of(Students.unknown(), withdrawn, erased, blocking)) {
      String body =
          owner
              .call()
              .body(Map.of("studentId", s.id()))
              .post("/api/v1/demands/" + demand + "/invitations")
              .then()
              .statusCode(404)
              .extract()
              .asString();
      answers.add(body.replace(s.id(), "<id>"));
    }
    assertEquals(1, answers.stream().distinct().count(), "one answer for all: " + answers);
  }

  @Test
  void aDemandHasAtMostTenUnansweredInvitationsPerHeadcount() {
    Api.Org owner = Api.enterprise();
    String demand = demand(owner, 1);
    for (int i = 0; i < 10; i++) {
      invite(owner, demand, Students.published());
    }
    owner
        .call()
        .body(Map.of("studentId", Students.published().id()))
        .post("/api/v1/demands/" + demand + "/invitations")
        .then()
        .statusCode(409)
        .body("type", endsWith("invitation-quota"))
        .body("detail", containsString("at most 10"));
  }

  @Test
  void aStudentWhoDeclinedIsNotInvitedToTheDemandAgain() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String demand = demand(owner, 1);
    take(student, invite(owner, demand, student), "decline").statusCode(200);
    owner
        .call()
        .body(Map.of("studentId", student.id()))
        .post("/api/v1/demands/" + demand + "/invitations")
        .then()
        .statusCode(409)
        .body("type", endsWith("invitation-declined"));
  }

  @Test
  void oneOpenApplicationPerStudentAndDemand() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String demand = demand(owner, 1);
    invite(owner, demand, student);
    student
        .call()
        .body(Map.of("demandId", demand))
        .post("/api/v1/applications")
        .then()
        .statusCode(409);
  }

  @Test
  void aBlockEndsTheEnterprisesOpenInvitationsAndLaterOnes() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String demand = demand(owner, 1);
    String invitation = invite(owner, demand, student);
    for (int i = 0; i < 2; i++) {
      student
          .call()
          .body(Map.of("enterpriseId", owner.id()))
          .post("/api/v1/students/me/blocked-enterprises")
          .then()
          .statusCode(201)
          .body("enterpriseId", equalTo(owner.id()));
    }
    assertEquals("DECLINED", status(owner, invitation));
    owner
        .call()
        .body(Map.of("studentId", student.id()))
        .post("/api/v1/demands/" + demand + "/invitations")
        .then()
        .statusCode(404);
    // Other enterprises still may.
    Api.Org other = Api.enterprise();
    invite(other, demand(other, 1), student);
    student
        .call()
        .body(Map.of("enterpriseId", UUID.randomUUID().toString()))
        .post("/api/v1/students/me/blocked-enterprises")
        .then()
        .statusCode(404);
  }

  @Test
  void onlyAPublishedStudentAppliesAndOnlyToAPublishedDemand() {
    Api.Org owner = Api.enterprise();
    String demand = demand(owner, 1);
    Students.unknown()
        .call()
        .body(Map.of("demandId", demand))
        .post("/api/v1/applications")
        .then()
        .statusCode(409)
        .body("type", endsWith("profile-not-published"));
    String draft =
        Api.create(owner, "/api/v1/demands", Bodies.aDemand().with("publish", false).build());
    Students.published()
        .call()
        .body(Map.of("demandId", draft))
        .post("/api/v1/applications")
        .then()
        .statusCode(404);
    owner
        .call()
        .body(Map.of("studentId", Students.published().id()))
        .post("/api/v1/demands/" + draft + "/invitations")
        .then()
        .statusCode(409);
  }

  @Test
  void anUnansweredInvitationExpiresAfterItsDays() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String demand = demand(owner, 1);
    String invitation = invite(owner, demand, student);
    String accepted = apply(Students.published(), demand);
    take(owner, accepted, "acceptance").statusCode(200);

    expiry.expireApplications(Instant.now().plus(Duration.ofDays(13)));
    assertEquals("INVITED", status(student, invitation));
    expiry.expireApplications(Instant.now().plus(Duration.ofDays(14)).plusSeconds(60));
    assertEquals("EXPIRED", status(student, invitation));
    assertEquals("ACCEPTED", status(owner, accepted));
    take(student, invitation, "acceptance").statusCode(409);
  }

  @Test
  void aRetriedInvitationIsAnsweredOnce() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String demand = demand(owner, 1);
    String key = UUID.randomUUID().toString();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ids.add(
          owner
              .call()
              .header("Idempotency-Key", key)
              .body(Map.of("studentId", student.id()))
              .post("/api/v1/demands/" + demand + "/invitations")
              .then()
              .statusCode(201)
              .extract()
              .path("id"));
    }
    assertEquals(ids.get(0), ids.get(1));
    owner.call().get("/api/v1/demands/" + demand + "/applications").then().body("$", hasSize(1));
  }
}
