package org.qiao.curriculum.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qiao.curriculum.support.Bodies.aMajorPlan;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.curriculum.support.OrderEvents;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventSchemas;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestCaller;
import org.qiao.kit.testing.TestProducer;

@QuarkusTest
class ProposalResourceTest {

  /** Places an order through the broker and waits until the institution sees it. */
  static CloudEvent placeOrder(TestCaller u, List<String> targets) {
    CloudEvent placed = OrderEvents.placed(ContractExamples.newId(), 30, targets);
    TestProducer.send(OrderEvents.TOPIC, placed);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                u.call().get("/api/v1/open-training-orders/{id}", placed.subject()).statusCode()
                    == 200);
    return placed;
  }

  static String submit(TestCaller u, String orderId, String planId, int capacity) {
    return u.create(
        "/api/v1/proposals",
        Map.of(
            "trainingOrderId",
            orderId,
            "coursePlanId",
            planId,
            "capacity",
            capacity,
            "summary",
            "定制课程"));
  }

  @Test
  void ordersOpenToTheInstitutionAreListedAndFilteredByMajorAndSkill() {
    TestCaller u = Api.university();
    CloudEvent toAll = placeOrder(u, List.of());
    CloudEvent toUs = placeOrder(u, List.of(u.code()));
    CloudEvent toOthers = OrderEvents.placed(ContractExamples.newId(), 5, List.of("4131099999"));
    TestProducer.send(OrderEvents.TOPIC, toOthers);

    List<String> listed =
        u.call()
            .get("/api/v1/open-training-orders?majorCode=080710T&skill=verilog&limit=100")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id");
    org.junit.jupiter.api.Assertions.assertTrue(listed.contains(toAll.subject()));
    org.junit.jupiter.api.Assertions.assertTrue(listed.contains(toUs.subject()));
    org.junit.jupiter.api.Assertions.assertFalse(listed.contains(toOthers.subject()));
    u.call().get("/api/v1/open-training-orders/{id}", toOthers.subject()).then().statusCode(404);
    List<String> otherMajor =
        u.call()
            .get("/api/v1/open-training-orders?majorCode=080901&limit=100")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id");
    org.junit.jupiter.api.Assertions.assertFalse(otherMajor.contains(toUs.subject()));
  }

  @Test
  void submitThenAwardMarksThePlanContractedAndAWithdrawnProposalCannotBeWithdrawnTwice() {
    TestCaller u = Api.university();
    String plan = CoursePlanResourceTest.publish(u, u.create("/api/v1/course-plans", aMajorPlan()));
    CloudEvent order = placeOrder(u, List.of());
    String awarded;
    String withdrawn;
    try (EventTap tap = EventTap.open("qiao.curriculum.events")) {
      awarded = submit(u, order.subject(), plan, 10);
      String second =
          CoursePlanResourceTest.publish(
              u,
              u.create(
                  "/api/v1/course-plans",
                  org.qiao.curriculum.support.Bodies.with(aMajorPlan(), "cohortYear", 2027)));
      withdrawn = submit(u, order.subject(), second, 5);
      u.ifMatch("/api/v1/proposals/" + withdrawn)
          .post("/api/v1/proposals/{id}/withdrawal", withdrawn)
          .then()
          .statusCode(200)
          .body("status", equalTo("WITHDRAWN"));
      u.ifMatch("/api/v1/proposals/" + withdrawn)
          .post("/api/v1/proposals/{id}/withdrawal", withdrawn)
          .then()
          .statusCode(409);
      List<CloudEvent> events =
          tap.awaitEvents(e -> e.type().startsWith("qiao.proposal."), 3, Duration.ofSeconds(15));
      events.forEach(e -> assertEquals(List.of(), EventSchemas.violations(e)));
      // In order per proposal (its id is the key); the two proposals' partitions interleave freely.
      String first = awarded;
      String other = withdrawn;
      assertEquals(
          List.of("qiao.proposal.submitted.v1"),
          events.stream().filter(e -> e.subject().equals(first)).map(CloudEvent::type).toList());
      assertEquals(
          List.of("qiao.proposal.submitted.v1", "qiao.proposal.withdrawn.v1"),
          events.stream().filter(e -> e.subject().equals(other)).map(CloudEvent::type).toList());
      CloudEvent submitted =
          events.stream().filter(e -> e.subject().equals(first)).findFirst().orElseThrow();
      assertEquals(u.code(), submitted.data().at("/university/institutionCode").asText());
      assertEquals("080710T", submitted.data().get("majorCode").asText());
      assertEquals(10, submitted.data().get("capacity").asInt());
    }

    try (EventTap plans = EventTap.open("qiao.curriculum.events")) {
      TestProducer.send(OrderEvents.TOPIC, OrderEvents.awarded(order, awarded, u.code(), 10));
      CloudEvent contracted =
          plans
              .awaitEvents(
                  e ->
                      e.subject().equals(plan) && e.type().equals("qiao.course-plan.contracted.v1"),
                  1,
                  Duration.ofSeconds(15))
              .get(0);
      assertEquals(List.of(), EventSchemas.violations(contracted));
      assertEquals(order.subject(), contracted.data().at("/contracts/0/trainingOrderId").asText());
    }
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                "AWARDED"
                    .equals(
                        u.call()
                            .get("/api/v1/proposals/{id}", awarded)
                            .then()
                            .extract()
                            .path("status")));
    u.call().get("/api/v1/proposals/{id}", awarded).then().body("awardedCapacity", equalTo(10));
    u.call()
        .get("/api/v1/course-plans/{id}", plan)
        .then()
        .body("contracts.trainingOrderId", contains(order.subject()))
        .body("contracts[0].capacity", equalTo(10))
        .body("contracts[0].status", equalTo("AWARDED"));
    u.call().get("/api/v1/proposals/{id}", withdrawn).then().body("status", equalTo("WITHDRAWN"));
    // A redelivered older event changes nothing.
    TestProducer.send(OrderEvents.TOPIC, order);
    u.call()
        .get("/api/v1/open-training-orders/{id}", order.subject())
        .then()
        .body("status", equalTo("CONTRACTED"));
  }

  @Test
  void onlyAPublishedPlanOfAnOrderedMajorMayBeProposed() {
    TestCaller u = Api.university();
    CloudEvent order = placeOrder(u, List.of());
    String draft = u.create("/api/v1/course-plans", aMajorPlan());
    String otherMajor =
        CoursePlanResourceTest.publish(
            u,
            u.create(
                "/api/v1/course-plans",
                org.qiao.curriculum.support.Bodies.with(aMajorPlan(), "majorCode", "080901")));
    for (String plan : List.of(draft, otherMajor)) {
      u.call()
          .body(Map.of("trainingOrderId", order.subject(), "coursePlanId", plan, "capacity", 5))
          .post("/api/v1/proposals")
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("coursePlanId"));
    }
  }

  @Test
  void aForeignOrUnknownIdInTheBodyAnswers404LikeOneInThePath() {
    TestCaller owner = Api.university();
    TestCaller stranger = Api.university();
    CloudEvent order = placeOrder(stranger, List.of());
    String ownersPlan =
        CoursePlanResourceTest.publish(owner, owner.create("/api/v1/course-plans", aMajorPlan()));
    String strangersPlan =
        CoursePlanResourceTest.publish(
            stranger, stranger.create("/api/v1/course-plans", aMajorPlan()));
    CloudEvent toOthers = placeOrder(owner, List.of(owner.code()));
    List<Map<String, Object>> bodies =
        List.of(
            // Another institution's plan: as unknown to the caller as it is at its own path.
            Map.of("trainingOrderId", order.subject(), "coursePlanId", ownersPlan, "capacity", 5),
            Map.of(
                "trainingOrderId",
                order.subject(),
                "coursePlanId",
                ContractExamples.newId(),
                "capacity",
                5),
            // An order not open to the caller (GET /open-training-orders/{id} answers 404 too).
            Map.of(
                "trainingOrderId",
                toOthers.subject(),
                "coursePlanId",
                strangersPlan,
                "capacity",
                5));
    for (Map<String, Object> body : bodies) {
      stranger
          .call()
          .body(body)
          .post("/api/v1/proposals")
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
    stranger
        .call()
        .get("/api/v1/proposals?limit=100")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
  }
}
