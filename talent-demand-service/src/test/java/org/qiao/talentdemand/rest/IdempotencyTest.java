package org.qiao.talentdemand.rest;

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

/** Every creating POST honours Idempotency-Key: replay on the same body, 422 on another. */
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
}
