package org.qiao.talentdemand.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qiao.talentdemand.support.Bodies.aChallenge;
import static org.qiao.talentdemand.support.Bodies.aDemand;
import static org.qiao.talentdemand.support.Bodies.aProfile;
import static org.qiao.talentdemand.support.Bodies.aTrainingOrder;
import static org.qiao.talentdemand.support.Bodies.anEnterprise;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qiao.talentdemand.support.Api;
import org.qiao.talentdemand.support.ProposalEvents;

/** Every POST with Idempotency-Key honours it: replay on the same body, 422 on another. */
@QuarkusTest
class IdempotencyTest {

  private static void assertIdempotent(
      Api.Org caller, String path, Map<String, Object> body, Map<String, Object> otherBody) {
    String key = UUID.randomUUID().toString();
    ExtractableResponse<Response> first =
        caller.call().header("Idempotency-Key", key).body(body).post(path).then().extract();
    ExtractableResponse<Response> replay =
        caller.call().header("Idempotency-Key", key).body(body).post(path).then().extract();
    assertEquals(201, first.statusCode(), path + ": " + first.asString());
    assertEquals(201, replay.statusCode(), path);
    assertEquals(first.<String>path("id"), replay.<String>path("id"), path + " created once");
    assertEquals(first.header("Location"), replay.header("Location"), path);
    assertEquals("true", replay.header("Idempotent-Replayed"), path);
    caller
        .call()
        .header("Idempotency-Key", key)
        .body(otherBody)
        .post(path)
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
  }

  @Test
  void enterpriseRegistration() {
    Api.Org org = Api.unregisteredEnterprise();
    assertIdempotent(
        org,
        "/api/v1/enterprises",
        anEnterprise(org.code()).build(),
        anEnterprise(org.code()).with("profile", aProfile().with("name", "别的").build()).build());
  }

  @Test
  void demandsTrainingOrdersAndChallenges() {
    Api.Org owner = Api.enterprise();
    assertIdempotent(
        owner, "/api/v1/demands", aDemand().build(), aDemand().with("headcount", 5).build());
    assertIdempotent(
        owner,
        "/api/v1/training-orders",
        aTrainingOrder().build(),
        aTrainingOrder().with("headcount", 5).build());
    assertIdempotent(
        owner,
        "/api/v1/challenges",
        aChallenge().build(),
        aChallenge().with("title", "别的").build());
  }

  @Test
  void interests() {
    String challenge = Api.create(Api.enterprise(), "/api/v1/challenges", aChallenge().build());
    assertIdempotent(
        Api.university(),
        "/api/v1/challenges/" + challenge + "/interests",
        Map.of("contactName", "李教授"),
        Map.of("contactName", "王教授"));
  }

  @Test
  void awardsReplayOnlyTheSameRequestWithTheSameIfMatch() {
    Api.Org owner = Api.enterprise();
    String order = Api.create(owner, "/api/v1/training-orders", aTrainingOrder().build());
    String path = "/api/v1/training-orders/" + order;
    Map<String, Object> award =
        Map.of("proposalId", ProposalEvents.delivered(owner, order, 5), "capacity", 5);
    String key = UUID.randomUUID().toString();
    String etag = owner.call().get(path).then().extract().header("ETag");
    for (int attempt = 0; attempt < 2; attempt++) {
      owner
          .call()
          .header("Idempotency-Key", key)
          .header("If-Match", etag)
          .body(award)
          .post(path + "/awards")
          .then()
          .statusCode(200)
          .body("awardedCapacity", equalTo(5));
    }
    // A retry is checked like a first try: its If-Match is part of the request the key stands for.
    owner
        .call()
        .header("Idempotency-Key", key)
        .body(award)
        .post(path + "/awards")
        .then()
        .statusCode(428);
    owner
        .call()
        .header("Idempotency-Key", key)
        .header("If-Match", "\"99\"")
        .body(award)
        .post(path + "/awards")
        .then()
        .statusCode(422);
  }
}
