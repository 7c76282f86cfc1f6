package org.qiao.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.qiao.kit.config.MessagingConfig;
import org.qiao.kit.db.AfterCompletion;
import org.qiao.kit.db.CopyRows;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.events.EventSchemas;
import org.qiao.kit.tracing.EventTracing;

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

  /**
   * Deletes the published outbox copies of events about a forgotten subject (a student's
   * pseudonymous id), in the caller's transaction (ADR 0011): those whose subject is the id, and
   * those of the given types whose payload names it (e.g. a ranking announcement listing students).
   * Rows not yet published stay: consumers must still receive them, and housekeeping deletes them
   * after their retention. Returns how many rows were deleted.
   *
   * @param typesNamingItInPayload event types whose payload may name the subject; each is searched
   *     by text, so name only types that do
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int forgetSubject(String subjectId, Collection<String> typesNamingItInPayload) {
    int bySubject =
        em.createNativeQuery(
                "delete from outbox_event where aggregate_id = ?1 and published_at is not null")
            .setParameter(1, subjectId)
            .executeUpdate();
    if (typesNamingItInPayload.isEmpty()) {
      return bySubject;
    }
    return bySubject
        + em.createNativeQuery(
                "delete from outbox_event where event_type in (?2) and published_at is not null"
                    + " and strpos(payload, ?1) > 0")
            .setParameter(1, subjectId)
            .setParameter(2, List.copyOf(typesNamingItInPayload))
            .executeUpdate();
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
            "created_at",
            "traceparent",
            "tracestate");
    // The request's trace goes with every event it causes, into the consumers' spans.
    Map<String, String> trace = EventTracing.current();
    String traceparent = trace.get(EventTracing.TRACEPARENT);
    String tracestate = trace.get(EventTracing.TRACESTATE);
    for (Pending p : pending) {
      CloudEvent event =
          CloudEvent.create(
                  config.source(),
                  p.type(),
                  p.aggregateId().toString(),
                  EventCodec.toTree(p.data()))
              .withTrace(traceparent, tracestate);
      EventSchemas.requireValid(event);
      rows.row(
          event.id(),
          config.topic(),
          p.aggregateType(),
          event.subject(),
          p.type(),
          EventCodec.encode(event),
          event.time(),
          traceparent,
          tracestate);
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
