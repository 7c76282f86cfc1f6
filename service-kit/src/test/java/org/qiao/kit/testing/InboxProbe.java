package org.qiao.kit.testing;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/** Reads a running service's inbox from a {@code @QuarkusTest}: has a consumer applied an event? */
public final class InboxProbe {

  private InboxProbe() {}

  public static boolean processed(String consumer, String eventId) {
    return count(consumer, eventId) > 0;
  }

  public static long count(String consumer, String eventId) {
    EntityManager em = Arc.container().instance(EntityManager.class).get();
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from inbox_event where consumer = ?1 and event_id = ?2")
                            .setParameter(1, consumer)
                            .setParameter(2, eventId)
                            .getSingleResult())
                    .longValue());
  }
}
