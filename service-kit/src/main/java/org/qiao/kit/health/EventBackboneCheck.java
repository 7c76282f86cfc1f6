package org.qiao.kit.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.qiao.kit.inbox.InboxConsumer;
import org.qiao.kit.outbox.OutboxRelay;

/**
 * Ready only while the outbox relay and the inbox consumer are running, and no partition waits
 * behind an event that must never be dead-lettered (a forget event that fails): each such partition
 * is named with its event id, type, offset and error, so an operator sees what to fix.
 */
@Readiness
@ApplicationScoped
public class EventBackboneCheck implements HealthCheck {

  private final OutboxRelay relay;
  private final InboxConsumer consumer;

  EventBackboneCheck(OutboxRelay relay, InboxConsumer consumer) {
    this.relay = relay;
    this.consumer = consumer;
  }

  @Override
  public HealthCheckResponse call() {
    List<InboxConsumer.StalledPartition> stalled = consumer.stalledPartitions();
    var response =
        HealthCheckResponse.named("event-backbone")
            .status(relay.isAlive() && consumer.isAlive() && stalled.isEmpty())
            .withData("outboxRelay", relay.isAlive())
            .withData("inboxConsumer", consumer.isAlive());
    for (InboxConsumer.StalledPartition s : stalled) {
      response.withData("stalled " + s.topic() + "-" + s.partition(), s.describe());
    }
    return response.build();
  }
}
