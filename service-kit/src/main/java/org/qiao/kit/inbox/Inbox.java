package org.qiao.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.qiao.kit.events.CloudEvent;

/** Remembers which events a consumer has applied, inside the transaction that applies them. */
@ApplicationScoped
public class Inbox {

  private static final String TABLE = "inbox_event";

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
            .unwrap(NativeQuery.class)
            // Only this table is touched: pending entity changes need not be flushed first.
            .addSynchronizedQuerySpace(TABLE)
            .setParameter(1, consumer)
            .setParameter(2, event.id())
            .setParameter(3, event.type())
            .setParameter(4, event.source())
            .executeUpdate();
    return inserted == 1;
  }

  /**
   * Marks a poll's events as processed in one statement and returns those not processed before, in
   * their order, each once (an event delivered twice in one poll counts at its first position): the
   * same answer as {@link #firstDelivery} for each in turn, one round trip instead of one per
   * event.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<CloudEvent> firstDeliveries(String consumer, List<CloudEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    Set<String> inserted =
        em.unwrap(Session.class)
            .doReturningWork(
                connection -> {
                  String[] ids = new String[events.size()];
                  String[] types = new String[events.size()];
                  String[] sources = new String[events.size()];
                  for (int i = 0; i < ids.length; i++) {
                    ids[i] = events.get(i).id();
                    types[i] = events.get(i).type();
                    sources[i] = events.get(i).source();
                  }
                  Set<String> fresh = new HashSet<>();
                  Array idArray = connection.createArrayOf("varchar", ids);
                  Array typeArray = connection.createArrayOf("varchar", types);
                  Array sourceArray = connection.createArrayOf("varchar", sources);
                  // "on conflict do nothing" also skips a second row of the same id in this insert.
                  try (PreparedStatement insert =
                      connection.prepareStatement(
                          "insert into inbox_event"
                              + " (consumer, event_id, event_type, source, received_at)"
                              + " select ?, e.id, e.type, e.source, now()"
                              + " from unnest(?, ?, ?) as e(id, type, source)"
                              + " on conflict do nothing returning event_id")) {
                    insert.setString(1, consumer);
                    insert.setArray(2, idArray);
                    insert.setArray(3, typeArray);
                    insert.setArray(4, sourceArray);
                    try (ResultSet rs = insert.executeQuery()) {
                      while (rs.next()) {
                        fresh.add(rs.getString(1));
                      }
                    }
                  } finally {
                    idArray.free();
                    typeArray.free();
                    sourceArray.free();
                  }
                  return fresh;
                });
    List<CloudEvent> first = new ArrayList<>(inserted.size());
    for (CloudEvent event : events) {
      if (inserted.remove(event.id())) {
        first.add(event);
      }
    }
    return first;
  }

  /**
   * Writes what the events applied so far changed and lets go of the entities they loaded, so that
   * the next events of a batch do not pay for checking every earlier one's entities again at each
   * query (which made applying a poll quadratic in its size).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void settle() {
    em.flush();
    em.clear();
  }
}
