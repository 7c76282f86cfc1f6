package org.qiao.kit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qiao.kit.outbox.Outbox;

/** A forget purges the published outbox copies that name the forgotten subject, nothing else. */
@QuarkusTest
class OutboxForgetTest {

  private static final String RANKING = "qiao.ranking.changed.v1";

  @Inject Outbox outbox;
  @Inject EntityManager em;

  @Test
  void publishedCopiesAboutTheSubjectAreDeletedPendingOnesAndOthersStay() {
    String student = "stu-" + UUID.randomUUID();
    String other = "stu-" + UUID.randomUUID();
    UUID ownEvent = UUID.randomUUID();
    UUID rankingNamingThem = UUID.randomUUID();
    UUID otherTypeNamingThem = UUID.randomUUID();
    UUID pending = UUID.randomUUID();
    UUID someoneElse = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              row(ownEvent, student, "qiao.profile.v1", "{\"id\":\"" + student + "\"}", true);
              row(
                  rankingNamingThem,
                  "demand-1",
                  RANKING,
                  "{\"top\":[\"" + other + "\",\"" + student + "\"]}",
                  true);
              row(otherTypeNamingThem, "x-1", "qiao.other.v1", "{\"s\":\"" + student + "\"}", true);
              row(pending, student, "qiao.forgotten.v1", "{\"id\":\"" + student + "\"}", false);
              row(someoneElse, other, "qiao.profile.v1", "{\"id\":\"" + other + "\"}", true);
            });

    int deleted =
        QuarkusTransaction.requiringNew()
            .call(() -> outbox.forgetSubject(student, List.of(RANKING)));

    assertEquals(2, deleted);
    assertEquals(0, count(ownEvent));
    assertEquals(0, count(rankingNamingThem));
    assertEquals(1, count(otherTypeNamingThem), "only the named types are searched by text");
    assertEquals(1, count(pending), "not yet published: consumers must still get it");
    assertEquals(1, count(someoneElse));
  }

  private void row(UUID id, String aggregateId, String type, String payload, boolean published) {
    em.createNativeQuery(
            "insert into outbox_event (id, topic, aggregate_type, aggregate_id, event_type, payload,"
                + " created_at, published_at) values (?1, 'no.such.topic', 'x', ?2, ?3, ?4, now(), "
                + (published ? "now()" : "null")
                + ")")
        .setParameter(1, id)
        .setParameter(2, aggregateId)
        .setParameter(3, type)
        .setParameter(4, payload)
        .executeUpdate();
  }

  private long count(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery("select count(*) from outbox_event where id = ?1")
                            .setParameter(1, id)
                            .getSingleResult())
                    .longValue());
  }
}
