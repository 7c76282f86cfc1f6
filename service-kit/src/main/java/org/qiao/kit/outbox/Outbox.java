package org.qiao.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.qiao.kit.config.MessagingConfig;
import org.qiao.kit.db.AfterCompletion;
import org.qiao.kit.db.CopyRows;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.events.EventSchemas;

/**
 * Records domain events in the caller's transaction. Nothing is sent here: {@link OutboxRelay}
 * publishes committed rows, so an event exists if and only if its change was committed.
 */
@ApplicationScoped
public class Outbox {

  private final EntityManager em;
  private final MessagingConfig config;
  private final TransactionSynchronizationRegistry transactions;
  private final OutboxSignal signal;

  Outbox(
      EntityManager em,
      MessagingConfig config,
      TransactionSynchronizationRegistry transactions,
      OutboxSignal signal) {
    this.em = em;
    this.config = config;
    this.transactions = transactions;
    this.signal = signal;
  }

  /**
   * Adds an event for the aggregate to the current transaction.
   *
   * @param data the event payload (a record); must conform to the type's JSON Schema
   * @throws org.qiao.kit.events.InvalidEventException if it does not: a bug, never sent
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public CloudEvent record(String aggregateType, Object aggregateId, String type, Object data) {
    return recordAll(List.of(new Pending(aggregateType, aggregateId, type, data))).get(0);
  }

  /** An event to record: what {@link #record} takes, for {@link #recordAll}. */
  public record Pending(String aggregateType, Object aggregateId, String type, Object data) {}

  /**
   * Adds many events to the current transaction in one COPY (a bulk change emits thousands), in the
   * given order; each is validated as in {@link #record}, and none is written if one is invalid.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<CloudEvent> recordAll(List<Pending> pending) {
    List<CloudEvent> events = new ArrayList<>(pending.size());
    CopyRows rows =
        CopyRows.into(
            "outbox_event",
            "id",
            "topic",
            "aggregate_type",
            "aggregate_id",
            "event_type",
            "payload",
            "created_at");
    for (Pending p : pending) {
      CloudEvent event =
          CloudEvent.create(
              config.source(), p.type(), p.aggregateId().toString(), EventCodec.toTree(p.data()));
      EventSchemas.requireValid(event);
      rows.row(
          event.id(),
          config.topic(),
          p.aggregateType(),
          event.subject(),
          p.type(),
          EventCodec.encode(event),
          event.time());
      events.add(event);
    }
    rows.writeTo(em);
    // Once per transaction, however many times it records: the relay needs one wake-up.
    if (transactions.getResource(Outbox.class) == null) {
      transactions.putResource(Outbox.class, Boolean.TRUE);
      AfterCompletion.register(
          transactions,
          committed -> {
            if (committed) {
              signal.committed();
            }
          });
    }
    return events;
  }
}
