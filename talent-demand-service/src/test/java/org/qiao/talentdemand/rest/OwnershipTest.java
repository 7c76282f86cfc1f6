package org.qiao.talentdemand.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.qiao.talentdemand.support.Bodies.aChallenge;
import static org.qiao.talentdemand.support.Bodies.aDemand;
import static org.qiao.talentdemand.support.Bodies.aProfile;
import static org.qiao.talentdemand.support.Bodies.aTrainingOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiao.talentdemand.support.Api;

/**
 * For every id-bearing endpoint: another enterprise can neither read a draft nor change, award or
 * close what is not its own. It gets 404 (as for a missing id) and nothing changes.
 */
@QuarkusTest
class OwnershipTest {

  private Api.Org owner;
  private Api.Org intruder;

  @BeforeEach
  void twoEnterprises() {
    owner = Api.enterprise();
    intruder = Api.enterprise();
  }

  private void assertForeign(
      Function<RequestSpecification, io.restassured.response.Response> call) {
    call.apply(intruder.call().header("If-Match", "\"0\""))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void enterpriseProfiles() {
    String path = "/api/v1/enterprises/" + owner.id();
    assertForeign(c -> c.get(path));
    assertForeign(c -> c.body(aProfile().with("name", "抢注").build()).put(path));
    owner.call().get(path).then().statusCode(200).body("version", equalTo(0));
  }

  @Test
  void demands() {
    String draft =
        "/api/v1/demands/"
            + Api.create(owner, "/api/v1/demands", aDemand().with("publish", false).build());
    String published = "/api/v1/demands/" + Api.create(owner, "/api/v1/demands", aDemand().build());
    assertForeign(c -> c.get(draft));
    for (String path : new String[] {draft, published}) {
      assertForeign(c -> c.body(aDemand().with("title", "改").build()).put(path));
      assertForeign(c -> c.post(path + "/publication"));
      assertForeign(c -> c.body(Map.of("count", 1)).post(path + "/hires"));
      assertForeign(c -> c.post(path + "/closure"));
    }
    owner.call().get(draft).then().body("status", equalTo("DRAFT"), "version", equalTo(0));
    owner
        .call()
        .get(published)
        .then()
        .body("status", equalTo("PUBLISHED"), "filledCount", equalTo(0), "version", equalTo(0));
  }

  @Test
  void trainingOrders() {
    String path =
        "/api/v1/training-orders/"
            + Api.create(owner, "/api/v1/training-orders", aTrainingOrder().build());
    assertForeign(c -> c.get(path));
    assertForeign(c -> c.get(path + "/proposals"));
    assertForeign(
        c ->
            c.body(Map.of("proposalId", UUID.randomUUID().toString(), "capacity", 1))
                .post(path + "/awards"));
    assertForeign(c -> c.post(path + "/fulfilment"));
    assertForeign(c -> c.post(path + "/cancellation"));
    owner.call().get(path).then().body("status", equalTo("OPEN"), "version", equalTo(0));
  }

  @Test
  void challenges() {
    String path =
        "/api/v1/challenges/" + Api.create(owner, "/api/v1/challenges", aChallenge().build());
    assertForeign(c -> c.get(path));
    assertForeign(c -> c.get(path + "/interests"));
    assertForeign(
        c -> c.body(Map.of("interestId", UUID.randomUUID().toString())).post(path + "/selection"));
    assertForeign(c -> c.post(path + "/closure"));
    owner.call().get(path).then().body("status", equalTo("OPEN"), "version", equalTo(0));
  }

  @Test
  void missingIdsLookTheSame() {
    String missing = UUID.randomUUID().toString();
    assertForeign(c -> c.get("/api/v1/demands/" + missing));
    assertForeign(c -> c.post("/api/v1/training-orders/" + missing + "/cancellation"));
    assertForeign(c -> c.post("/api/v1/challenges/" + missing + "/closure"));
  }
}
