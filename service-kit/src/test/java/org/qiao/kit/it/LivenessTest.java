package org.qiao.kit.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.TestProducer;

/** A consumer thread that keeps dying fails liveness, so the orchestrator restarts the process. */
@QuarkusTest
@TestProfile(LivenessTest.FewDeaths.class)
class LivenessTest {

  /** Two deaths within ten minutes are too many; restarts come quickly. */
  public static class FewDeaths implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "qiao.messaging.supervision.max-deaths", "2",
          "qiao.messaging.supervision.restart-delay", "100ms",
          "qiao.messaging.supervision.window", "10m");
    }
  }

  private static final String TOPIC = "qiao.kit-test.events";

  @Inject PingDatabase db;

  @Test
  void aConsumerThreadThatKeepsDyingFailsLivenessWithTheReason() {
    given().get("/q/health/live").then().statusCode(200);
    UUID id = UUID.randomUUID();
    PingHandler.ERROR_ALWAYS.add(id);
    CloudEvent ping = ForgetEventTest.ping(id, "error-always");
    try {
      TestProducer.send(TOPIC, ping);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  given()
                      .get("/q/health/live")
                      .then()
                      .statusCode(503)
                      .body(
                          "checks.find { it.name == 'event-backbone-threads' }.status",
                          equalTo("DOWN"))
                      .body(containsString("the handler broke on ping " + id)));
    } finally {
      PingHandler.ERROR_ALWAYS.remove(id);
    }
    // Still restarted in-process meanwhile: once the cause is gone the event applies, once.
    await().atMost(Duration.ofSeconds(30)).until(() -> db.effectsOf(ping.id()) == 1);
    assertEquals(1, db.effectsOf(ping.id()));
  }
}
