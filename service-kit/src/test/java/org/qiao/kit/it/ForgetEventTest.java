package org.qiao.kit.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestProducer;

/**
 * An event type a handler declares never dead-lettered (a forget event) is retried until it
 * applies: its partition waits behind it, the service is not ready and names it, other partitions
 * flow, and nothing reaches the dead-letter topic.
 */
@QuarkusTest
class ForgetEventTest {

  private static final String TOPIC = "qiao.kit-test.events";
  private static final String DLT = "kit-test-service.dlt";

  @Inject PingDatabase db;

  @Test
  void forgetFailingSeveralTimesIsAppliedOnceAndBeforeTheLaterEventsOfItsPartition() {
    UUID id = UUID.randomUUID();
    PingForgetHandler.FAILURES.put(id, 4);
    CloudEvent forget = forget(id);
    CloudEvent later = ping(UUID.randomUUID(), "after-forget");
    try (EventTap dlt = EventTap.open(DLT)) {
      TestProducer.sendToPartition(TOPIC, 0, forget);
      TestProducer.sendToPartition(TOPIC, 0, later);

      await().atMost(Duration.ofSeconds(30)).until(() -> db.effectsOf(later.id()) == 1);
      assertEquals(1, db.effectsOf(forget.id()));
      assertTrue(PingForgetHandler.CALLS.get(id) >= 5, "retried: " + PingForgetHandler.CALLS);
      assertTrue(
          db.effectOrder(forget.id()) < db.effectOrder(later.id()),
          "the later event of the partition waited for the forget event");
      assertTrue(
          dlt.drain(Duration.ofSeconds(1)).stream().noneMatch(r -> id.toString().equals(r.key())),
          "a forget event is never dead-lettered");
    }
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void forgetThatKeepsFailingStopsItsPartitionOnlyAndTheServiceSaysWhy() {
    UUID id = UUID.randomUUID();
    PingForgetHandler.FAILURES.put(id, Integer.MAX_VALUE);
    CloudEvent forget = forget(id);
    CloudEvent behind = ping(UUID.randomUUID(), "behind-stuck-forget");
    CloudEvent elsewhere = ping(UUID.randomUUID(), "other-partition");
    try (EventTap dlt = EventTap.open(DLT)) {
      TestProducer.sendToPartition(TOPIC, 1, forget);
      TestProducer.sendToPartition(TOPIC, 1, behind);
      TestProducer.sendToPartition(TOPIC, 2, elsewhere);

      await().atMost(Duration.ofSeconds(30)).until(() -> db.effectsOf(elsewhere.id()) == 1);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  given()
                      .get("/q/health/ready")
                      .then()
                      .statusCode(503)
                      .body(containsString(forget.id()))
                      .body(containsString(PingForgetHandler.TYPE))
                      .body(containsString(TOPIC + "-1"))
                      .body(containsString("cannot be applied (test)")));
      // Let retries run a few rounds: still not applied, not skipped, not dead-lettered.
      int calls = PingForgetHandler.CALLS.get(id);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> PingForgetHandler.CALLS.get(id) > calls + 2);
      assertEquals(0, db.effectsOf(forget.id()));
      assertEquals(0, db.effectsOf(behind.id()));
      assertTrue(
          dlt.drain(Duration.ofSeconds(1)).stream().noneMatch(r -> id.toString().equals(r.key())),
          "a forget event is never dead-lettered");
    } finally {
      // The operator fixed the cause: the forget applies, then what waited behind it.
      PingForgetHandler.FAILURES.remove(id);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> db.effectsOf(behind.id()) == 1);
    assertEquals(1, db.effectsOf(forget.id()));
    assertTrue(db.effectOrder(forget.id()) < db.effectOrder(behind.id()));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
  }

  static CloudEvent forget(UUID pingId) {
    return CloudEvent.create(
        "elsewhere",
        PingForgetHandler.TYPE,
        pingId.toString(),
        EventCodec.toTree(new PingResource.PingSent(pingId, "forget")));
  }

  static CloudEvent ping(UUID pingId, String label) {
    return CloudEvent.create(
        "elsewhere",
        "qiao.ping.sent.v1",
        pingId.toString(),
        EventCodec.toTree(new PingResource.PingSent(pingId, label)));
  }
}
