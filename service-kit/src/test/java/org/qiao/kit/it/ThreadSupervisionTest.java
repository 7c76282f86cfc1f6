package org.qiao.kit.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.inbox.InboxConsumer;
import org.qiao.kit.testing.TestProducer;

/** A consumer thread killed by an Error is started again in-process and the event still applies. */
@QuarkusTest
class ThreadSupervisionTest {

  private static final String TOPIC = "qiao.kit-test.events";

  @Inject PingDatabase db;
  @Inject InboxConsumer consumer;

  @Test
  void anErrorKillingTheConsumerThreadRestartsItAndTheEventIsAppliedOnce() {
    int restartsBefore = consumer.supervision().orElseThrow().restarts();
    UUID id = UUID.randomUUID();
    PingHandler.ERROR_ONCE.add(id);
    CloudEvent ping = ForgetEventTest.ping(id, "error-once");
    TestProducer.send(TOPIC, ping);

    await().atMost(Duration.ofSeconds(30)).until(() -> db.effectsOf(ping.id()) == 1);
    assertTrue(consumer.supervision().orElseThrow().restarts() > restartsBefore);
    given()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'event-backbone-threads' }.status", equalTo("UP"));
    given().get("/q/health/ready").then().statusCode(200);
  }
}
