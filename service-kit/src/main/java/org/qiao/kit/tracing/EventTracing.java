package org.qiao.kit.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.qiao.kit.events.CloudEvent;

/**
 * Carries a trace across the event backbone: the request's context is recorded with each event it
 * causes (the CloudEvents distributed-tracing extension, {@code traceparent}/{@code tracestate}),
 * the relay publishes it under a producer span whose context travels as the W3C {@code traceparent}
 * Kafka header, and a consumer processes it under a consumer span that continues that trace. Only
 * events recorded under a trace are traced: a bulk import's hundreds of thousands start none.
 */
@ApplicationScoped
public class EventTracing {

  public static final String TRACEPARENT = "traceparent";
  public static final String TRACESTATE = "tracestate";

  private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  private static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> OPERATION =
      AttributeKey.stringKey("messaging.operation.type");
  private static final AttributeKey<String> MESSAGE_ID =
      AttributeKey.stringKey("messaging.message.id");
  private static final AttributeKey<String> EVENT_TYPE =
      AttributeKey.stringKey("cloudevents.event_type");
  private static final AttributeKey<String> CONSUMER_GROUP =
      AttributeKey.stringKey("messaging.consumer.group.name");

  private static final TextMapGetter<Map<String, String>> FROM_MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final Tracer tracer;

  EventTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("org.qiao.kit");
  }

  /** The W3C context of what runs now, to record with an event; empty when nothing is traced. */
  public static Map<String, String> current() {
    Map<String, String> carrier = new HashMap<>();
    if (Span.current().getSpanContext().isValid()) {
      W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
    }
    return carrier;
  }

  /**
   * A producer span for publishing an event recorded under {@code traceparent}, its context put
   * into the record's headers; null (and no header) when the event was recorded under no trace.
   */
  public Span publishing(
      String traceparent,
      String tracestate,
      String topic,
      String eventId,
      String type,
      Headers headers) {
    if (traceparent == null) {
      return null;
    }
    Span span =
        tracer
            .spanBuilder("publish " + topic)
            .setSpanKind(SpanKind.PRODUCER)
            .setParent(extract(traceparent, tracestate))
            .setAttribute(SYSTEM, "kafka")
            .setAttribute(DESTINATION, topic)
            .setAttribute(OPERATION, "send")
            .setAttribute(MESSAGE_ID, eventId)
            .setAttribute(EVENT_TYPE, type)
            .startSpan();
    W3CTraceContextPropagator.getInstance()
        .inject(
            Context.current().with(span),
            headers,
            (h, key, value) -> h.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
    return span;
  }

  /**
   * A consumer span for processing an event: continuing the producer span named by the record's
   * {@code traceparent} header, else the context the event itself carries; null when neither.
   */
  public Span processing(CloudEvent event, Headers headers, String topic, String group) {
    String parent = header(headers, TRACEPARENT);
    String state = header(headers, TRACESTATE);
    if (parent == null) {
      parent = event.traceparent();
      state = event.tracestate();
    }
    if (parent == null) {
      return null;
    }
    return tracer
        .spanBuilder("process " + event.type())
        .setSpanKind(SpanKind.CONSUMER)
        .setParent(extract(parent, state))
        .setAttribute(SYSTEM, "kafka")
        .setAttribute(DESTINATION, topic)
        .setAttribute(OPERATION, "process")
        .setAttribute(MESSAGE_ID, event.id())
        .setAttribute(EVENT_TYPE, event.type())
        .setAttribute(CONSUMER_GROUP, group)
        .startSpan();
  }

  /** Ends the spans (nulls skipped), marked failed when {@code failure} is not null. */
  public static void end(List<Span> spans, Throwable failure) {
    for (Span s : spans) {
      if (s == null) {
        continue;
      }
      if (failure != null) {
        s.recordException(failure);
        s.setStatus(StatusCode.ERROR);
      }
      s.end();
    }
  }

  private static Context extract(String traceparent, String tracestate) {
    Map<String, String> carrier = new HashMap<>();
    carrier.put(TRACEPARENT, traceparent);
    if (tracestate != null) {
      carrier.put(TRACESTATE, tracestate);
    }
    return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, FROM_MAP);
  }

  private static String header(Headers headers, String key) {
    var h = headers == null ? null : headers.lastHeader(key);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
