package org.qiao.talentdemand.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.time.ChinaTime;
import org.qiao.talentdemand.service.DemandService;
import org.qiao.talentdemand.support.Api;
import org.qiao.talentdemand.support.Bodies;

/**
 * A request's trace goes with the events it causes (issue 20), read from the SDK's in-memory
 * exporter: the event carries the request span's context (CloudEvents traceparent), the relay
 * publishes it under a producer span of the same trace, and the Kafka record's traceparent header
 * names that span, for the consumer to continue.
 */
@QuarkusTest
class EventTracingTest {

  private static final String TOPIC = "qiao.talent-demand.events";

  @Inject InMemorySpanExporter spans;
  @Inject DemandService demands;

  @Test
  void aDemandsEventContinuesTheRequestsTrace() {
    HexFormat hex = HexFormat.of();
    String traceId = hex.formatHex(random(16));
    String callerSpan = hex.formatHex(random(8));
    Api.Org owner = Api.enterprise();
    try (EventTap tap = EventTap.open(TOPIC)) {
      String id =
          owner
              .call()
              .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
              .contentType("application/json")
              .body(Bodies.aDemand().build())
              .post("/api/v1/demands")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      ConsumerRecord<String, byte[]> record =
          tap.awaitRecords(r -> id.equals(r.key()), 1, Duration.ofSeconds(15)).get(0);

      List<SpanData> trace =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () ->
                      spans.getFinishedSpanItems().stream()
                          .filter(s -> s.getTraceId().equals(traceId))
                          .toList(),
                  found -> found.stream().anyMatch(s -> s.getKind() == SpanKind.PRODUCER));
      SpanData server = only(trace, SpanKind.SERVER);
      assertEquals(callerSpan, server.getParentSpanId());
      SpanData publish = only(trace, SpanKind.PRODUCER);
      assertEquals("publish " + TOPIC, publish.getName());

      CloudEvent event = EventCodec.decode(record.value());
      assertEquals(
          traceId, event.traceparent().split("-")[1], "the event carries the request's trace");
      assertEquals(
          "00-" + traceId + "-" + publish.getSpanId() + "-01",
          EventTap.header(record, "traceparent"),
          "the record names the relay's span");
    }
  }

  @Test
  void anEventRecordedOutsideAnyRequestCarriesNoTrace() {
    Api.Org owner = Api.enterprise();
    LocalDate today = LocalDate.now(ChinaTime.ZONE);
    try (EventTap tap = EventTap.open(TOPIC)) {
      String id =
          Api.create(
              owner,
              "/api/v1/demands",
              Bodies.aDemand().with("validThrough", today.plusDays(1).toString()).build());
      // The expiry job's work, on a thread no request started.
      demands.expireDue(today.plusDays(2), 1000);
      ConsumerRecord<String, byte[]> expired =
          tap.awaitRecords(
                  r ->
                      id.equals(r.key())
                          && "qiao.demand.expired.v1".equals(EventTap.header(r, "ce_type")),
                  1,
                  Duration.ofSeconds(15))
              .get(0);
      assertNull(EventCodec.decode(expired.value()).traceparent());
      assertNull(EventTap.header(expired, "traceparent"));
    }
  }

  private static SpanData only(List<SpanData> trace, SpanKind kind) {
    List<SpanData> found = trace.stream().filter(s -> s.getKind() == kind).toList();
    assertEquals(1, found.size(), kind + " spans in " + trace);
    return found.get(0);
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
