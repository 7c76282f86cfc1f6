package org.qiao.kit.it;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Test-side reads of the stand-in service's tables. */
@ApplicationScoped
public class PingDatabase {

  private final EntityManager em;

  PingDatabase(EntityManager em) {
    this.em = em;
  }

  public long effectsOf(String eventId) {
    return count("select count(*) from ping_effect where event_id = ?1", eventId);
  }

  public long effectsForLabelPrefix(String prefix) {
    return count("select count(*) from ping_effect where label like ?1", prefix + "%");
  }

  public long distinctEffectEventsForLabelPrefix(String prefix) {
    return count(
        "select count(distinct event_id) from ping_effect where label like ?1", prefix + "%");
  }

  /** The effect row's identity: smaller for an effect applied earlier. */
  public long effectOrder(String eventId) {
    return count("select min(id) from ping_effect where event_id = ?1", eventId);
  }

  public long pings() {
    return count("select count(*) from ping", null);
  }

  public long outboxRowsFor(String aggregateId) {
    return count("select count(*) from outbox_event where aggregate_id = ?1", aggregateId);
  }

  public long pendingOutboxRows() {
    return count("select count(*) from outbox_event where published_at is null", null);
  }

  private long count(String sql, Object param) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var q = em.createNativeQuery(sql);
              if (param != null) {
                q.setParameter(1, param);
              }
              return ((Number) q.getSingleResult()).longValue();
            });
  }
}
