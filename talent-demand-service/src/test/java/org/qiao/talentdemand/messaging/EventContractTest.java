package org.qiao.talentdemand.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qiao.talentdemand.support.Bodies.aChallenge;
import static org.qiao.talentdemand.support.Bodies.aDemand;
import static org.qiao.talentdemand.support.Bodies.aProfile;
import static org.qiao.talentdemand.support.Bodies.aTrainingOrder;
import static org.qiao.talentdemand.support.Bodies.today;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventSchemas;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestProducer;
import org.qiao.talentdemand.service.DemandService;
import org.qiao.talentdemand.support.Api;
import org.qiao.talentdemand.support.ProposalEvents;

/**
 * Drives every change this service makes and checks what reaches Kafka: one event per change, of
 * every published type, each valid against its schema, keyed by its aggregate, in order per
 * aggregate.
 */
@QuarkusTest
class EventContractTest {

  private static final String TOPIC = "qiao.talent-demand.events";

  @Inject DemandService demandService;

  @Test
  void everyChangeEmitsAValidEventOfEveryPublishedType() throws Exception {
    try (EventTap tap = EventTap.open(TOPIC)) {
      Api.Org owner = Api.enterprise();
      owner
          .call()
          .header("If-Match", "\"0\"")
          .body(aProfile().build())
          .put("/api/v1/enterprises/" + owner.id())
          .then()
          .statusCode(200);

      String d1 =
          Api.create(
              owner,
              "/api/v1/demands",
              aDemand().with("publish", false).with("headcount", 2).build());
      owner
          .call()
          .header("If-Match", "\"0\"")
          .body(aDemand().with("headcount", 2).build())
          .put("/api/v1/demands/" + d1)
          .then()
          .statusCode(200);
      owner
          .ifMatch("/api/v1/demands/" + d1)
          .post("/api/v1/demands/" + d1 + "/publication")
          .then()
          .statusCode(200);
      owner
          .ifMatch("/api/v1/demands/" + d1)
          .body(Map.of("count", 1))
          .post("/api/v1/demands/" + d1 + "/hires")
          .then()
          .statusCode(200);
      owner
          .ifMatch("/api/v1/demands/" + d1)
          .body(Map.of("count", 1))
          .post("/api/v1/demands/" + d1 + "/hires")
          .then()
          .statusCode(200);
      String d2 = Api.create(owner, "/api/v1/demands", aDemand().build());
      owner
          .ifMatch("/api/v1/demands/" + d2)
          .post("/api/v1/demands/" + d2 + "/closure")
          .then()
          .statusCode(200);
      String d3 =
          Api.create(
              owner, "/api/v1/demands", aDemand().with("validThrough", today().toString()).build());
      demandService.expireDue(today().plusDays(1), 1000);

      String o1 = Api.create(owner, "/api/v1/training-orders", aTrainingOrder().build());
      CloudEvent proposal = ProposalEvents.proposal(o1, Api.university(), 5);
      TestProducer.send(ProposalEvents.TOPIC, proposal);
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  owner
                          .call()
                          .get("/api/v1/training-orders/" + o1 + "/proposals")
                          .then()
                          .extract()
                          .jsonPath()
                          .getList("$")
                          .size()
                      == 1);
      owner
          .ifMatch("/api/v1/training-orders/" + o1)
          .body(Map.of("proposalId", proposal.subject(), "capacity", 5))
          .post("/api/v1/training-orders/" + o1 + "/awards")
          .then()
          .statusCode(200);
      owner
          .ifMatch("/api/v1/training-orders/" + o1)
          .post("/api/v1/training-orders/" + o1 + "/fulfilment")
          .then()
          .statusCode(200);
      String o2 = Api.create(owner, "/api/v1/training-orders", aTrainingOrder().build());
      owner
          .ifMatch("/api/v1/training-orders/" + o2)
          .post("/api/v1/training-orders/" + o2 + "/cancellation")
          .then()
          .statusCode(200);

      String c1 = Api.create(owner, "/api/v1/challenges", aChallenge().build());
      String interest = Api.interestIn(c1);
      owner
          .ifMatch("/api/v1/challenges/" + c1)
          .body(Map.of("interestId", interest))
          .post("/api/v1/challenges/" + c1 + "/selection")
          .then()
          .statusCode(200);
      owner
          .ifMatch("/api/v1/challenges/" + c1)
          .post("/api/v1/challenges/" + c1 + "/closure")
          .then()
          .statusCode(200);

      Set<String> subjects = Set.of(owner.id(), d1, d2, d3, o1, o2, c1);
      int expected = 2 + 5 + 2 + 2 + 3 + 2 + 4;
      List<CloudEvent> events =
          tap.awaitEvents(e -> subjects.contains(e.subject()), expected, Duration.ofSeconds(20));
      long afterQuietPeriod =
          tap.drain(Duration.ofMillis(500)).stream()
              .filter(r -> subjects.contains(r.key()))
              .count();
      assertEquals(expected, afterQuietPeriod, "exactly one event per change");

      for (CloudEvent e : events) {
        assertEquals(List.of(), EventSchemas.violations(e), e.type() + " must match its schema");
        assertEquals("talent-demand-service", e.source());
      }
      assertEquals(
          publishedTypes(),
          events.stream().map(CloudEvent::type).collect(Collectors.toCollection(TreeSet::new)));
      assertEquals(
          List.of(
              "qiao.demand.drafted.v1",
              "qiao.demand.revised.v1",
              "qiao.demand.published.v1",
              "qiao.demand.hires-recorded.v1",
              "qiao.demand.filled.v1"),
          events.stream().filter(e -> e.subject().equals(d1)).map(CloudEvent::type).toList(),
          "one aggregate's events arrive in the order they happened");
      Map<String, Long> versions = new TreeMap<>();
      events.stream()
          .filter(e -> e.subject().equals(d1))
          .forEach(e -> versions.put(e.type(), e.data().get("version").asLong()));
      assertEquals(List.of(0L, 1L, 2L, 3L, 4L), versions.values().stream().sorted().toList());
    }
  }

  private static Set<String> publishedTypes() throws IllegalAccessException {
    Set<String> types = new TreeSet<>();
    for (var f :
        Arrays.stream(EventTypes.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()))
            .toList()) {
      types.add((String) f.get(null));
    }
    types.remove(EventTypes.PROPOSAL_SUBMITTED);
    types.remove(EventTypes.PROPOSAL_WITHDRAWN);
    types.remove(EventTypes.STUDENT_PROFILE_PUBLISHED);
    types.remove(EventTypes.STUDENT_FORGOTTEN);
    types.remove(EventTypes.CONTACT_GRANT_REVOKED);
    // Applications' events and placements: ApplicationEventsTest.
    types.remove(EventTypes.PLACEMENT_RECORDED);
    return types;
  }
}
