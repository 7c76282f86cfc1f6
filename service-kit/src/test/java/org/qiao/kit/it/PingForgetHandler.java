package org.qiao.kit.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.events.InvalidEventException;
import org.qiao.kit.inbox.EventHandler;

/**
 * A stand-in forget handler: its event type must never be dead-lettered. Tests make it fail a given
 * number of times per ping id, or until released, and it records one effect row per application.
 */
@ApplicationScoped
public class PingForgetHandler implements EventHandler {

  static final String TYPE = "qiao.ping.forgotten.v1";

  /** Ping id → how many more times to fail ({@link Integer#MAX_VALUE}: until released). */
  static final Map<UUID, Integer> FAILURES = new ConcurrentHashMap<>();

  /** Ping id → how many times the handler was called for it. */
  static final Map<UUID, Integer> CALLS = new ConcurrentHashMap<>();

  private final EntityManager em;

  PingForgetHandler(EntityManager em) {
    this.em = em;
  }

  @Override
  public Set<String> types() {
    return Set.of(TYPE);
  }

  @Override
  public Set<String> neverDeadLettered() {
    return Set.of(TYPE);
  }

  @Override
  public void handle(CloudEvent event) {
    PingResource.PingSent ping = EventCodec.dataAs(event, PingResource.PingSent.class);
    UUID id = ping.pingId();
    CALLS.merge(id, 1, Integer::sum);
    Integer left = FAILURES.get(id);
    if (left != null && left > 0) {
      if (left != Integer.MAX_VALUE) {
        FAILURES.put(id, left - 1);
      }
      // The strongest case: a failure that would dead-letter any other event at once.
      throw new InvalidEventException("forget of " + id + " cannot be applied (test)");
    }
    em.createNativeQuery("insert into ping_effect (event_id, ping_id, label) values (?1, ?2, ?3)")
        .setParameter(1, event.id())
        .setParameter(2, id)
        .setParameter(3, ping.label())
        .executeUpdate();
  }
}
