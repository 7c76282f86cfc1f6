package org.qiao.kit.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.qiao.kit.ids.Ids;

/**
 * A CloudEvents 1.0 event in structured JSON mode. {@code subject} is the aggregate id and also the
 * Kafka key, so all events of one aggregate stay in order on one partition. {@code traceparent} and
 * {@code tracestate} are the CloudEvents distributed-tracing extension: the W3C trace context the
 * event was recorded under, absent when none (org.qiao.kit.tracing.EventTracing).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
    String specversion,
    String id,
    String source,
    String type,
    String subject,
    OffsetDateTime time,
    String datacontenttype,
    String dataschema,
    JsonNode data,
    String traceparent,
    String tracestate) {

  public static final String SPEC_VERSION = "1.0";
  public static final String CONTENT_TYPE = "application/cloudevents+json";

  /** Kafka header with the event's type, beside the structured document. */
  public static final String TYPE_HEADER = "ce_type";

  /**
   * A new event with a fresh id, stamped now. Ids are time-ordered (UUIDv7): the outbox's and every
   * inbox's key index grows at its end instead of taking random inserts.
   */
  public static CloudEvent create(String source, String type, String subject, JsonNode data) {
    return new CloudEvent(
        SPEC_VERSION,
        Ids.newId().toString(),
        source,
        type,
        subject,
        OffsetDateTime.now(ZoneOffset.UTC),
        "application/json",
        schemaUri(type),
        data,
        null,
        null);
  }

  /** The same event recorded under a trace: the W3C context's traceparent and tracestate. */
  public CloudEvent withTrace(String traceparent, String tracestate) {
    return new CloudEvent(
        specversion,
        id,
        source,
        type,
        subject,
        time,
        datacontenttype,
        dataschema,
        data,
        traceparent,
        tracestate);
  }

  /** The schema of an event type's {@code data}; one JSON Schema per type under contracts/. */
  public static String schemaUri(String type) {
    return "urn:qiao:event-schema:" + type;
  }
}
