package org.qiao.kit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.inbox.Inbox;

@QuarkusTest
class InboxTest {

  @Inject Inbox inbox;

  @Test
  void firstDeliveriesKeepsOrderAndDropsWhatWasSeenBeforeOrEarlierInTheBatch() {
    String consumer = "inbox-test-" + UUID.randomUUID();
    CloudEvent seen = event();
    CloudEvent a = event();
    CloudEvent b = event();
    CloudEvent c = event();
    assertTrue(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(consumer, seen)));

    List<CloudEvent> first =
        QuarkusTransaction.requiringNew()
            .call(() -> inbox.firstDeliveries(consumer, List.of(b, seen, a, b, c, a)));

    assertEquals(List.of(b.id(), a.id(), c.id()), first.stream().map(CloudEvent::id).toList());
    // And all of them are now remembered, one by one and as a batch.
    assertFalse(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(consumer, c)));
    assertEquals(
        List.of(),
        QuarkusTransaction.requiringNew()
            .call(() -> inbox.firstDeliveries(consumer, List.of(a, b, c, seen))));
    // Another consumer has seen none of them.
    assertEquals(
        2,
        QuarkusTransaction.requiringNew()
            .call(() -> inbox.firstDeliveries(consumer + "-other", List.of(a, a, seen)))
            .size());
  }

  @Test
  void nothingIsRememberedWhenTheTransactionRollsBack() {
    String consumer = "inbox-test-" + UUID.randomUUID();
    CloudEvent a = event();
    assertThrows(
        QuarkusTransactionException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      assertEquals(1, inbox.firstDeliveries(consumer, List.of(a)).size());
                      QuarkusTransaction.setRollbackOnly();
                    }));
    assertTrue(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(consumer, a)));
  }

  private static CloudEvent event() {
    UUID id = UUID.randomUUID();
    return CloudEvent.create(
        "kit-test-service",
        "qiao.ping.sent.v1",
        id.toString(),
        EventCodec.toTree(new PingResource.PingSent(id, "inbox")));
  }
}
