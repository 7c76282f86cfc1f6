package org.qiao.talentdemand.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.qiao.talentdemand.support.Bodies.aTrainingOrder;
import static org.qiao.talentdemand.support.ProposalEvents.awaitProposals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.InboxProbe;
import org.qiao.kit.testing.OpenApiContract;
import org.qiao.kit.testing.TestProducer;
import org.qiao.talentdemand.support.Api;
import org.qiao.talentdemand.support.ProposalEvents;

@QuarkusTest
class TrainingOrderResourceTest {

  private static final String CURRICULUM_TOPIC = ProposalEvents.TOPIC;

  private static CloudEvent proposal(String orderId, Api.Org university, int capacity) {
    return ProposalEvents.proposal(orderId, university, capacity);
  }

  /** Another event about the same proposal (same key), as a resubmission would be. */
  private static CloudEvent laterEventFor(CloudEvent event) {
    return ContractExamples.event(
        event.source(), event.type(), event.subject(), ((ObjectNode) event.data()).deepCopy());
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

    // The same event again, then a later one on the same key (same partition, so consumed after
    // the redelivery): once the later one is processed, the redelivery was too.
    TestProducer.send(CURRICULUM_TOPIC, event);
    CloudEvent later = laterEventFor(event);
    TestProducer.send(CURRICULUM_TOPIC, later);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> InboxProbe.processed("talent-demand-service", later.id()));
    List<Map<String, Object>> after = ProposalEvents.listed(owner, orderId);
    assertEquals(listed, after, "the redelivered proposal changed nothing");
  }

  @Test
  void aWithdrawnProposalShowsAsWithdrawnAndCannotBeAwarded() {
    Api.Org owner = Api.enterprise();
    String orderId = Api.create(owner, "/api/v1/training-orders", aTrainingOrder().build());
    CloudEvent submitted = proposal(orderId, Api.university(), 5);
    TestProducer.send(CURRICULUM_TOPIC, submitted);
    awaitProposals(owner, orderId, 1);
    TestProducer.send(CURRICULUM_TOPIC, ProposalEvents.withdrawal(submitted));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "WITHDRAWN".equals(awaitProposals(owner, orderId, 1).get(0).get("status")));
    assertNotNull(awaitProposals(owner, orderId, 1).get(0).get("withdrawnAt"));

    owner
        .ifMatch("/api/v1/training-orders/" + orderId)
        .body(Map.of("proposalId", submitted.subject(), "capacity", 5))
        .post("/api/v1/training-orders/{id}/awards", orderId)
        .then()
        .statusCode(409)
        .body("detail", containsString("withdrew"));
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
        .ifMatch(path)
        .body(Map.of("proposalId", first.subject(), "capacity", 8))
        .post(path + "/awards")
        .then()
        .statusCode(200)
        .body("status", equalTo("CONTRACTED"), "awardedCapacity", equalTo(8));
    owner
        .ifMatch(path)
        .body(Map.of("proposalId", second.subject(), "capacity", 3))
        .post(path + "/awards")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    owner
        .ifMatch(path)
        .body(Map.of("proposalId", second.subject(), "capacity", 2))
        .post(path + "/awards")
        .then()
        .statusCode(200)
        .body("awardedCapacity", equalTo(10));
    owner
        .ifMatch(path)
        .body(Map.of("proposalId", ContractExamples.newId(), "capacity", 1))
        .post(path + "/awards")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("proposalId"));
    owner
        .ifMatch(path)
        .post(path + "/fulfilment")
        .then()
        .statusCode(200)
        .body("status", equalTo("FULFILLED"));
    owner.ifMatch(path).post(path + "/cancellation").then().statusCode(409);
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
  void aUniversityStillSeesAContractedOrderItProposedTo() {
    Api.Org owner = Api.enterprise();
    Api.Org proposer = Api.university();
    String orderId = Api.create(owner, "/api/v1/training-orders", aTrainingOrder().build());
    CloudEvent p = proposal(orderId, proposer, 3);
    TestProducer.send(CURRICULUM_TOPIC, p);
    awaitProposals(owner, orderId, 1);
    String path = "/api/v1/training-orders/" + orderId;
    owner
        .ifMatch(path)
        .body(Map.of("proposalId", p.subject(), "capacity", 3))
        .post(path + "/awards")
        .then()
        .statusCode(200);
    proposer.call().get(path).then().statusCode(200).body("status", equalTo("CONTRACTED"));
    proposer
        .call()
        .get("/api/v1/training-orders")
        .then()
        .body("id", org.hamcrest.Matchers.hasItem(orderId));
    Api.university().call().get(path).then().statusCode(404);
  }

  @Test
  void awardingNeedsTheCurrentVersion() {
    Api.Org owner = Api.enterprise();
    String orderId = Api.create(owner, "/api/v1/training-orders", aTrainingOrder().build());
    String path = "/api/v1/training-orders/" + orderId;
    owner
        .call()
        .body(Map.of("proposalId", ContractExamples.newId(), "capacity", 1))
        .post(path + "/awards")
        .then()
        .statusCode(428);
    owner.call().header("If-Match", "\"7\"").post(path + "/cancellation").then().statusCode(412);
    owner.call().get(path).then().body("status", equalTo("OPEN"));
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

  @Test
  void everyCohortYearTheContractAllowsIsAcceptedAndNoOther() throws Exception {
    // The committed document, as a generated client reads it.
    var cohortYear =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(java.nio.file.Files.readString(OpenApiContract.COMMITTED))
            .at("/components/schemas/TrainingOrderRequest/properties/cohortYear");
    int min = cohortYear.path("minimum").asInt();
    int max = cohortYear.path("maximum").asInt();
    var owner = Api.enterprise();
    for (int year : List.of(min, max)) {
      Api.create(
          owner, "/api/v1/training-orders", aTrainingOrder().with("cohortYear", year).build());
    }
    for (int year : List.of(min - 1, max + 1)) {
      owner
          .call()
          .body(aTrainingOrder().with("cohortYear", year).build())
          .post("/api/v1/training-orders")
          .then()
          .statusCode(400)
          .body("errors.field", org.hamcrest.Matchers.hasItem("cohortYear"));
    }
  }
}
