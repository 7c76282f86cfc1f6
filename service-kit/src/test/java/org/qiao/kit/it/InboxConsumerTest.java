package org.qiao.kit.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.inbox.InboxConsumer;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestProducer;

@QuarkusTest
class InboxConsumerTest {

  private static final String TOPIC = "qiao.kit-test.events";
  private static final String DLT = "kit-test-service.dlt";

  @Inject PingDatabase db;

  @Test
  void redeliveredEventHasNoSecondEffect() {
    String key = UUID.randomUUID().toString();
    CloudEvent event = ping(key, "redelivered");
    TestProducer.send(TOPIC, event);
    TestProducer.send(TOPIC, event);
    // Same key, same partition: once the follower took effect, both copies were consumed.
    CloudEvent follower = ping(key, "follower");
    TestProducer.send(TOPIC, follower);

    await().atMost(Duration.ofSeconds(20)).until(() -> db.effectsOf(follower.id()) == 1);
    assertEquals(1, db.effectsOf(event.id()));
  }

  @Test
  void aPollOfManyEventsWithRepeatsAppliesEachOnceInOrder() {
    // Hundreds on one key reach the consumer in few polls: they are applied together (ADR 0017).
    String key = UUID.randomUUID().toString();
    List<CloudEvent> events = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      // Now and then another handler's type: runs are cut there, the order still holds.
      String type = i % 7 == 3 ? PingForgetHandler.TYPE : "qiao.ping.sent.v1";
      events.add(ping(key, "many-" + key + "-" + i, type));
    }
    List<CloudEvent> sent = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      sent.add(events.get(i));
      if (i % 3 == 0) {
        sent.add(events.get(i / 2)); // an earlier one again, in this poll or an earlier one
      }
    }
    TestProducer.sendAll(TOPIC, sent);
    CloudEvent last = events.get(events.size() - 1);
    PingHandler.LARGEST_RUN.set(0);

    await().atMost(Duration.ofSeconds(30)).until(() -> db.effectsOf(last.id()) == 1);
    assertEquals(300, db.effectsForLabelPrefix("many-" + key));
    assertEquals(300, db.distinctEffectEventsForLabelPrefix("many-" + key));
    for (int i = 1; i < events.size(); i++) {
      assertTrue(
          db.effectOrder(events.get(i - 1).id()) < db.effectOrder(events.get(i).id()),
          "event " + i + " applied before event " + (i - 1));
    }
    // Not one by one: the fast path handed the handler runs of several events.
    assertTrue(PingHandler.LARGEST_RUN.get() > 1, () -> "largest run " + PingHandler.LARGEST_RUN);
  }

  @Test
  void recordThatIsNotJsonGoesToDeadLetterTopicAndConsumptionCarriesOn() {
    assertPoisonIsDeadLetteredAndNextIsApplied(
        "this is not json".getBytes(StandardCharsets.UTF_8), "not a CloudEvents JSON document");
  }

  @Test
  void eventOfUnknownTypeGoesToDeadLetterTopic() {
    CloudEvent unknown =
        CloudEvent.create(
            "elsewhere",
            "qiao.nobody.knows.v1",
            UUID.randomUUID().toString(),
            EventCodec.toTree(java.util.Map.of("x", 1)));
    assertPoisonIsDeadLetteredAndNextIsApplied(bytes(unknown), "unknown event type");
  }

  @Test
  void eventFailingItsSchemaGoesToDeadLetterTopic() {
    CloudEvent bad =
        CloudEvent.create(
            "elsewhere",
            "qiao.ping.sent.v1",
            UUID.randomUUID().toString(),
            EventCodec.toTree(java.util.Map.of("pingId", "not-a-uuid", "label", "x")));
    assertPoisonIsDeadLetteredAndNextIsApplied(bytes(bad), "violates its schema");
  }

  @Test
  void eventItsHandlerDeclaresUnappliableGoesToDeadLetterTopic() {
    CloudEvent never = ping(UUID.randomUUID().toString(), "unappliable");
    assertPoisonIsDeadLetteredAndNextIsApplied(bytes(never), "can never be applied");
  }

  @Test
  void eventWhoseEffectTheDatabaseRefusesIsDeadLetteredNotRetriedForever() {
    // The schema allows any label length; the effect table holds 100 characters (SQLState 22001).
    CloudEvent tooLong = ping(UUID.randomUUID().toString(), "x".repeat(150));
    assertPoisonIsDeadLetteredAndNextIsApplied(bytes(tooLong), "cannot be applied");
  }

  private void assertPoisonIsDeadLetteredAndNextIsApplied(byte[] poison, String reasonPart) {
    String key = UUID.randomUUID().toString();
    try (EventTap dlt = EventTap.open(DLT)) {
      TestProducer.sendRaw(TOPIC, key, poison);
      CloudEvent next = ping(key, "after-poison");
      TestProducer.send(TOPIC, next);

      ConsumerRecord<String, byte[]> dead =
          dlt.awaitRecords(r -> key.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
      assertTrue(
          EventTap.header(dead, InboxConsumer.DLT_REASON).contains(reasonPart),
          () -> "reason was: " + EventTap.header(dead, InboxConsumer.DLT_REASON));
      assertEquals(TOPIC, EventTap.header(dead, InboxConsumer.DLT_TOPIC));
      assertEquals("kit-test-service", EventTap.header(dead, InboxConsumer.DLT_CONSUMER));
      assertEquals(
          new String(poison, StandardCharsets.UTF_8),
          new String(dead.value(), StandardCharsets.UTF_8));
      await().atMost(Duration.ofSeconds(20)).until(() -> db.effectsOf(next.id()) == 1);
    }
  }

  private static CloudEvent ping(String pingId, String label) {
    return ping(pingId, label, "qiao.ping.sent.v1");
  }

  private static CloudEvent ping(String pingId, String label, String type) {
    return CloudEvent.create(
        "kit-test-service",
        type,
        pingId,
        EventCodec.toTree(new PingResource.PingSent(UUID.fromString(pingId), label)));
  }

  private static byte[] bytes(CloudEvent e) {
    return EventCodec.encode(e).getBytes(StandardCharsets.UTF_8);
  }
}
