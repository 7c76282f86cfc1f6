package org.qiao.talentdemand.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qiao.talentdemand.support.Bodies.aTrainingOrder;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.InboxProbe;
import org.qiao.kit.testing.TestProducer;
import org.qiao.talentdemand.support.Api;
import org.qiao.talentdemand.support.ProposalEvents;

@QuarkusTest
class TrainingOrderResourceTest {

  private static final String CURRICULUM_TOPIC = ProposalEvents.TOPIC;

  private static CloudEvent proposal(String orderId, Api.Org university, int capacity) {
    return ProposalEvents.proposal(orderId, university, capacity);
  }

  static List<Map<String, Object>> awaitProposals(Api.Org owner, String orderId, int count) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                owner
                        .call()
                        .get("/api/v1/training-orders/{id}/proposals", orderId)
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$")
                        .size()
                    >= count);
    return owner
        .call()
        .get("/api/v1/training-orders/{id}/proposals", orderId)
        .then()
        .extract()
        .jsonPath()
        .getList("$");
  }

  @Test
  void proposalEventAppearsUnderItsOrderAndARedeliveryIsIgnored() {
    Api.Org owner = Api.enterprise();
    Api.Org fudan = Api.university();
    String orderId = Api.create(owner, "/api/v1/training-orders", aTrainingOrder().build());

    CloudEvent event = proposal(orderId, fudan, 6);
    TestProducer.send(CURRICULUM_TOPIC, event);
    List<Map<String, Object>> listed = awaitProposals(owner, orderId, 1);
    assertEquals(event.subject(), listed.get(0).get("id"));
    assertEquals("RECEIVED", listed.get(0).get("status"));
    assertEquals(fudan.code(), listed.get(0).get("universityCode"));

    TestProducer.send(CURRICULUM_TOPIC, event);
    CloudEvent marker = proposal(orderId, fudan, 2);
    TestProducer.send(CURRICULUM_TOPIC, marker);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> InboxProbe.processed("talent-demand-service", marker.id()));
    owner
        .call()
        .get("/api/v1/training-orders/{id}/proposals", orderId)
        .then()
        .body("$", hasSize(2));
    assertEquals(1, InboxProbe.count("talent-demand-service", event.id()));
  }

  @Test
  void awardsContractTheOrderWithinHeadcountThenFulfil() {
    Api.Org owner = Api.enterprise();
    String orderId =
        Api.create(
            owner, "/api/v1/training-orders", aTrainingOrder().with("headcount", 10).build());
    CloudEvent first = proposal(orderId, Api.university(), 8);
    CloudEvent second = proposal(orderId, Api.university(), 8);
    TestProducer.send(CURRICULUM_TOPIC, first);
    TestProducer.send(CURRICULUM_TOPIC, second);
    awaitProposals(owner, orderId, 2);
    String path = "/api/v1/training-orders/" + orderId;

    owner
        .call()
        .body(Map.of("proposalId", first.subject(), "capacity", 8))
        .post(path + "/awards")
        .then()
        .statusCode(200)
        .body("status", equalTo("CONTRACTED"), "awardedCapacity", equalTo(8));
    owner
        .call()
        .body(Map.of("proposalId", second.subject(), "capacity", 3))
        .post(path + "/awards")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    owner
        .call()
        .body(Map.of("proposalId", second.subject(), "capacity", 2))
        .post(path + "/awards")
        .then()
        .statusCode(200)
        .body("awardedCapacity", equalTo(10));
    owner
        .call()
        .body(Map.of("proposalId", ContractExamples.newId(), "capacity", 1))
        .post(path + "/awards")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("proposalId"));
    owner
        .call()
        .post(path + "/fulfilment")
        .then()
        .statusCode(200)
        .body("status", equalTo("FULFILLED"));
    owner.call().post(path + "/cancellation").then().statusCode(409);
  }

  @Test
  void universitiesSeeOpenOrdersAddressedToThem() {
    Api.Org owner = Api.enterprise();
    Api.Org asked = Api.university();
    Api.Org other = Api.university();
    String orderId =
        Api.create(
            owner,
            "/api/v1/training-orders",
            aTrainingOrder().with("targetUniversities", List.of(asked.code())).build());
    asked.call().get("/api/v1/training-orders/{id}", orderId).then().statusCode(200);
    other.call().get("/api/v1/training-orders/{id}", orderId).then().statusCode(404);
    asked
        .call()
        .get("/api/v1/training-orders")
        .then()
        .statusCode(200)
        .body("id", org.hamcrest.Matchers.hasItem(orderId));
    other
        .call()
        .get("/api/v1/training-orders")
        .then()
        .statusCode(200)
        .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(orderId)));
  }

  @Test
  void invalidOrderFieldsAreNamed() {
    Api.enterprise()
        .call()
        .body(
            aTrainingOrder()
                .with("majorCodes", List.of())
                .with("headcount", 0)
                .with("targetUniversities", List.of("10246"))
                .build())
        .post("/api/v1/training-orders")
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            org.hamcrest.Matchers.hasItems("majorCodes", "headcount", "targetUniversities[0]"));
  }
}
