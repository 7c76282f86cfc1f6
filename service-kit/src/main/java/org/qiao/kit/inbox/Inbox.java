package org.qiao.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.qiao.kit.events.CloudEvent;

/** Remembers which events a consumer has applied, inside the transaction that applies them. */
@ApplicationScoped
public class Inbox {

  private final EntityManager em;

  Inbox(EntityManager em) {
    this.em = em;
  }

  /**
   * Marks the event as processed by the consumer. Returns false when it already was: a redelivery
   * that must have no second effect. A concurrent duplicate waits on the primary key and then sees
   * the first one's row.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstDelivery(String consumer, CloudEvent event) {
    int inserted =
        em.createNativeQuery(
                "insert into inbox_event (consumer, event_id, event_type, source, received_at)"
                    + " values (?1, ?2, ?3, ?4, now()) on conflict do nothing")
            .setParameter(1, consumer)
            .setParameter(2, event.id())
            .setParameter(3, event.type())
            .setParameter(4, event.source())
            .executeUpdate();
    return inserted == 1;
  }
}
