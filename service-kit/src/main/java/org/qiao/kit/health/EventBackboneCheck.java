package org.qiao.kit.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.qiao.kit.inbox.InboxConsumer;
import org.qiao.kit.outbox.OutboxRelay;

/** Ready only while the outbox relay and the inbox consumer are running. */
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
    return HealthCheckResponse.named("event-backbone")
        .status(relay.isAlive() && consumer.isAlive())
        .withData("outboxRelay", relay.isAlive())
        .withData("inboxConsumer", consumer.isAlive())
        .build();
  }
}
