package org.qiao.kit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.InvalidEventException;
import org.qiao.kit.outbox.Outbox;
import org.qiao.kit.testing.EventTap;

/** Events recorded together (one COPY) reach the topic as recorded, text intact, or not at all. */
@QuarkusTest
class OutboxBulkTest {

  private static final String TOPIC = "qiao.kit-test.events";
  private static final String TYPE = "qiao.ping.sent.v1";

  @Inject Outbox outbox;
  @Inject PingDatabase db;

  @Test
  void eventsRecordedTogetherArriveInOrderWithTextIntact() {
    UUID ping = UUID.randomUUID();
    // What COPY's text format escapes, and what it does not need to.
    List<String> labels =
        List.of("tab\there", "line\nbreak", "back\\slash \\N", "cr\rlf", "订单班 \"引号\"", "末");
    List<Outbox.Pending> pending = new ArrayList<>();
    labels.forEach(l -> pending.add(new Outbox.Pending("ping", ping, TYPE, new Label(ping, l))));
    try (EventTap tap = EventTap.open(TOPIC)) {
      QuarkusTransaction.requiringNew().run(() -> outbox.recordAll(pending));
      List<CloudEvent> events =
          tap.awaitEvents(e -> e.subject().equals(ping.toString()), 6, Duration.ofSeconds(20));
      assertEquals(
          labels, events.stream().map(e -> e.data().get("label").asText()).toList(), "in order");
    }
  }

  @Test
  void oneInvalidEventRecordsNoneOfTheBatch() {
    UUID ping = UUID.randomUUID();
    long before = db.outboxRowsFor(ping.toString());
    assertThrows(
        InvalidEventException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        outbox.recordAll(
                            List.of(
                                new Outbox.Pending("ping", ping, TYPE, new Label(ping, "fine")),
                                new Outbox.Pending("ping", ping, TYPE, new Label(ping, ""))))));
    assertEquals(before, db.outboxRowsFor(ping.toString()));
  }

  record Label(UUID pingId, String label) {}
}
