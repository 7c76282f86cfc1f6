package org.qiao.kit.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event waiting to be published, written in the same transaction as the change it describes.
 * The table's {@code seq} column (an identity, not mapped here) gives the relay its order. {@link
 * Outbox} writes rows with COPY; the mapping lets Hibernate validate the table at start.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

  @Id public UUID id;

  @Column(nullable = false)
  public String topic;

  @Column(name = "aggregate_type", nullable = false)
  public String aggregateType;

  @Column(name = "aggregate_id", nullable = false)
  public String aggregateId;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  /** The whole CloudEvent as JSON, exactly as it will be sent. */
  @Column(nullable = false, columnDefinition = "text")
  public String payload;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "published_at")
  public OffsetDateTime publishedAt;
}
