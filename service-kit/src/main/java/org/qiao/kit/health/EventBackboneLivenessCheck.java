package org.qiao.kit.health;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.qiao.kit.config.FatalErrors;
import org.qiao.kit.config.SupervisedLoop;
import org.qiao.kit.inbox.InboxConsumer;
import org.qiao.kit.outbox.OutboxRelay;

/**
 * Live while the outbox relay and the inbox consumer threads keep running: each is started again
 * in-process when it dies, and this check fails when one keeps dying (more often than {@code
 * qiao.messaging.supervision.max-deaths} within its window), so the orchestrator's liveness probe
 * restarts a process that would otherwise stay up without publishing or consuming. It also makes an
 * {@link OutOfMemoryError} on any thread end the process ({@link FatalErrors}).
 */
@Liveness
@ApplicationScoped
public class EventBackboneLivenessCheck implements HealthCheck {

  private final OutboxRelay relay;
  private final InboxConsumer consumer;

  EventBackboneLivenessCheck(OutboxRelay relay, InboxConsumer consumer) {
    this.relay = relay;
    this.consumer = consumer;
  }

  void onStart(@Observes StartupEvent event) {
    FatalErrors.installDefaultHandler();
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("event-backbone-threads");
    boolean relayUp = report(response, "outboxRelay", relay.supervision());
    boolean consumerUp = report(response, "inboxConsumer", consumer.supervision());
    return response.status(relayUp && consumerUp).build();
  }

  private static boolean report(
      HealthCheckResponseBuilder response, String name, Optional<SupervisedLoop> loop) {
    if (loop.isEmpty()) {
      return true;
    }
    SupervisedLoop l = loop.get();
    response.withData(name + "Restarts", l.restarts());
    if (l.lastDeath() != null) {
      response.withData(name + "LastDeath", l.lastDeath());
    }
    return l.healthy();
  }
}
