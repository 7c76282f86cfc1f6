package org.qiao.kit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qiao.kit.housekeeping.Housekeeping;

@QuarkusTest
class HousekeepingTest {

  @Inject Housekeeping housekeeping;
  @Inject EntityManager em;

  @Test
  void deletesOnlyWhatIsPastItsRetention() {
    String oldKey = "old-" + UUID.randomUUID();
    String newKey = "new-" + UUID.randomUUID();
    String oldEvent = "old-" + UUID.randomUUID();
    UUID oldOutbox = UUID.randomUUID();
    UUID recentOutbox = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              idempotency(oldKey, "now() - interval '25 hours'");
              idempotency(newKey, "now() - interval '1 hour'");
              em.createNativeQuery(
                      "insert into inbox_event values ('hk', ?1, 't', 's', now() - interval '31 days')")
                  .setParameter(1, oldEvent)
                  .executeUpdate();
              outbox(oldOutbox, "now() - interval '8 days'");
              outbox(recentOutbox, "now() - interval '1 day'");
            });

    housekeeping.runOnce();

    assertEquals(
        0, count("select count(*) from idempotency_record where idempotency_key = ?1", oldKey));
    assertEquals(
        1, count("select count(*) from idempotency_record where idempotency_key = ?1", newKey));
    assertEquals(0, count("select count(*) from inbox_event where event_id = ?1", oldEvent));
    assertEquals(0, count("select count(*) from outbox_event where id = ?1", oldOutbox));
    assertEquals(1, count("select count(*) from outbox_event where id = ?1", recentOutbox));
  }

  private void idempotency(String key, String createdAt) {
    em.createNativeQuery(
            "insert into idempotency_record (scope, idempotency_key, request_hash, response_status,"
                + " created_at) values ('org:hk', ?1, repeat('0', 64), 201, "
                + createdAt
                + ")")
        .setParameter(1, key)
        .executeUpdate();
  }

  private void outbox(UUID id, String publishedAt) {
    em.createNativeQuery(
            "insert into outbox_event (id, topic, aggregate_type, aggregate_id, event_type, payload,"
                + " created_at, published_at) values (?1, 'no.such.topic', 'x', 'x', 't', '{}',"
                + " now() - interval '9 days', "
                + publishedAt
                + ")")
        .setParameter(1, id)
        .executeUpdate();
  }

  private long count(String sql, Object param) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number) em.createNativeQuery(sql).setParameter(1, param).getSingleResult())
                    .longValue());
  }
}
