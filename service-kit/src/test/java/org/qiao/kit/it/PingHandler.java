package org.qiao.kit.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.events.InvalidEventException;
import org.qiao.kit.inbox.EventHandler;

/** Records one effect row per applied event, so a second application would show. */
@ApplicationScoped
public class PingHandler implements EventHandler {

  /** Ping ids whose event makes the handler throw an Error once (then it applies). */
  static final Set<UUID> ERROR_ONCE = ConcurrentHashMap.newKeySet();

  /** Ping ids whose event makes the handler throw an Error every time, until removed. */
  static final Set<UUID> ERROR_ALWAYS = ConcurrentHashMap.newKeySet();

  /** The most events one handleAll call was given since reset: shows polls applied in runs. */
  static final java.util.concurrent.atomic.AtomicInteger LARGEST_RUN =
      new java.util.concurrent.atomic.AtomicInteger();

  private final EntityManager em;

  PingHandler(EntityManager em) {
    this.em = em;
  }

  @Override
  public Set<String> types() {
    return Set.of("qiao.ping.sent.v1");
  }

  @Override
  public void handleAll(java.util.List<CloudEvent> events) {
    LARGEST_RUN.accumulateAndGet(events.size(), Math::max);
    EventHandler.super.handleAll(events);
  }

  @Override
  public void handle(CloudEvent event) {
    PingResource.PingSent ping = EventCodec.dataAs(event, PingResource.PingSent.class);
    if (ERROR_ONCE.remove(ping.pingId()) || ERROR_ALWAYS.contains(ping.pingId())) {
      // Not an Exception: escapes every catch of the consumer loop and kills its thread.
      throw new LinkageError("test: the handler broke on ping " + ping.pingId());
    }
    if (ping.label().equals("unappliable")) {
      throw new InvalidEventException("this ping can never be applied");
    }
    em.createNativeQuery("insert into ping_effect (event_id, ping_id, label) values (?1, ?2, ?3)")
        .setParameter(1, event.id())
        .setParameter(2, UUID.fromString(ping.pingId().toString()))
        .setParameter(3, ping.label())
        .executeUpdate();
  }
}
