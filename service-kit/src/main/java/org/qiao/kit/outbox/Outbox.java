package org.qiao.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.qiao.kit.config.MessagingConfig;
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

  Outbox(EntityManager em, MessagingConfig config) {
    this.em = em;
    this.config = config;
  }

  /**
   * Adds an event for the aggregate to the current transaction.
   *
   * @param data the event payload (a record); must conform to the type's JSON Schema
   * @throws org.qiao.kit.events.InvalidEventException if it does not: a bug, never sent
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public CloudEvent record(String aggregateType, Object aggregateId, String type, Object data) {
    CloudEvent event =
        CloudEvent.create(config.source(), type, aggregateId.toString(), EventCodec.toTree(data));
    EventSchemas.requireValid(event);
    OutboxEvent row = new OutboxEvent();
    row.id = UUID.fromString(event.id());
    row.topic = config.topic();
    row.aggregateType = aggregateType;
    row.aggregateId = event.subject();
    row.eventType = type;
    row.payload = EventCodec.encode(event);
    row.createdAt = event.time();
    em.persist(row);
    return event;
  }
}
