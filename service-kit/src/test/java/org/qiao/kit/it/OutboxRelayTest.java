package org.qiao.kit.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.KafkaBroker;
import org.qiao.kit.testing.QiaoTestInfrastructure;
import org.qiao.kit.testing.TestJwt;

@QuarkusTest
class OutboxRelayTest {

  private static final String TOPIC = "qiao.kit-test.events";
  private static final int BURST = 40;

  @Inject PingDatabase db;

  @Test
  void burstWrittenWhileBrokerIsDownIsDeliveredOnceBrokerIsBackWithOneEffectEach() {
    String prefix = "burst-" + UUID.randomUUID() + "-";
    Set<String> pingIds = new HashSet<>();
    KafkaBroker broker = QiaoTestInfrastructure.broker();
    try (EventTap tap = EventTap.open(TOPIC)) {
      broker.stop();
      try {
        for (int i = 0; i < BURST; i++) {
          pingIds.add(send(prefix + i));
        }
        assertEquals(
            BURST, db.pendingOutboxRows(), "the burst waits in the outbox while Kafka is down");
      } finally {
        broker.restart();
      }

      List<ConsumerRecord<String, byte[]>> records =
          tap.awaitRecords(r -> pingIds.contains(r.key()), BURST, Duration.ofSeconds(60));
      Map<String, Integer> copiesPerEvent = new HashMap<>();
      for (ConsumerRecord<String, byte[]> r : records) {
        CloudEvent event = EventCodec.decode(r.value());
        assertEquals(r.key(), event.subject(), "the Kafka key is the aggregate id");
        copiesPerEvent.merge(event.id(), 1, Integer::sum);
      }
      assertEquals(BURST, copiesPerEvent.size(), "every event of the burst reached Kafka");
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> db.distinctEffectEventsForLabelPrefix(prefix) == BURST);
    assertEquals(BURST, db.effectsForLabelPrefix(prefix), "no event took effect twice");
    await().atMost(Duration.ofSeconds(10)).until(() -> db.pendingOutboxRows() == 0);
  }

  @Test
  void eventIsPublishedWithCloudEventsEnvelopeAndAggregateKey() {
    try (EventTap tap = EventTap.open(TOPIC)) {
      String id = send("envelope-" + UUID.randomUUID());
      CloudEvent event =
          tap.awaitEvents(e -> e.subject().equals(id), 1, Duration.ofSeconds(10)).get(0);
      assertEquals("1.0", event.specversion());
      assertEquals("kit-test-service", event.source());
      assertEquals("qiao.ping.sent.v1", event.type());
      assertEquals("application/json", event.datacontenttype());
      assertEquals(CloudEvent.schemaUri("qiao.ping.sent.v1"), event.dataschema());
      assertEquals(id, event.data().get("pingId").asText());
      UUID.fromString(event.id());
    }
  }

  private static String send(String label) {
    return given()
        .auth()
        .oauth2(TestJwt.token("enterprise", "org-1"))
        .contentType(ContentType.JSON)
        .body(Map.of("label", label))
        .post("/api/v1/pings")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }
}
