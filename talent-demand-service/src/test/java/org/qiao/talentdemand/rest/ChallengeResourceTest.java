package org.qiao.talentdemand.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.qiao.talentdemand.support.Bodies.aChallenge;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.talentdemand.support.Api;

@QuarkusTest
class ChallengeResourceTest {

  @Test
  void universitiesRegisterInterestOnceAndTheEnterpriseSelectsOne() {
    Api.Org owner = Api.enterprise();
    Api.Org lab = Api.university();
    String id = Api.create(owner, "/api/v1/challenges", aChallenge().build());
    String path = "/api/v1/challenges/" + id;

    var registered =
        lab.call()
            .body(Map.of("contactName", "李教授", "message", "我们有相关成果"))
            .post(path + "/interests")
            .then()
            .statusCode(201)
            .extract();
    String interestId = registered.path("id");
    String location = registered.header("Location");
    org.junit.jupiter.api.Assertions.assertTrue(
        location.endsWith(path + "/interests/" + interestId));
    lab.call()
        .get(path + "/interests/" + interestId)
        .then()
        .statusCode(200)
        .body("contactName", equalTo("李教授"));
    Api.university().call().get(path + "/interests/" + interestId).then().statusCode(404);
    lab.call()
        .body(Map.of("contactName", "李教授"))
        .post(path + "/interests")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    owner
        .call()
        .get(path + "/interests")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].universityCode", equalTo(lab.code()));
    owner.call().post(path + "/interests").then().statusCode(403);

    owner
        .ifMatch(path)
        .body(Map.of("interestId", interestId))
        .post(path + "/selection")
        .then()
        .statusCode(200)
        .body("status", equalTo("MATCHED"), "selectedInterestId", equalTo(interestId));
    Api.university()
        .call()
        .body(Map.of("contactName", "晚到"))
        .post(path + "/interests")
        .then()
        .statusCode(409);
    owner
        .ifMatch(path)
        .post(path + "/closure")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"));
    owner.ifMatch(path).post(path + "/closure").then().statusCode(409);
  }

  @Test
  void enterprisesSeeOnlyTheirOwnChallenges() {
    Api.Org owner = Api.enterprise();
    String id = Api.create(owner, "/api/v1/challenges", aChallenge().build());
    Api.enterprise().call().get("/api/v1/challenges/{id}", id).then().statusCode(404);
    Api.university().call().get("/api/v1/challenges/{id}", id).then().statusCode(200);
    owner.call().get("/api/v1/challenges").then().statusCode(200).body("$", hasSize(1));
  }

  @Test
  void budgetRangeMustBeOrdered() {
    Api.enterprise()
        .call()
        .body(aChallenge().with("budgetMin", 9).with("budgetMax", 1).build())
        .post("/api/v1/challenges")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("budgetMax"));
  }
}
