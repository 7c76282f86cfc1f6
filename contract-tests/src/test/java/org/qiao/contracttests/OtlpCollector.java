package org.qiao.contracttests;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for an OpenTelemetry collector: receives what the services export over OTLP/HTTP
 * (protobuf, {@code POST /v1/traces}) and keeps every span, for a test to find one trace across
 * services.
 */
final class OtlpCollector implements AutoCloseable {

  /** One exported span, as the test reads it: ids in hex, the exporting service by name. */
  record ExportedSpan(
      String service,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      String kind) {}

  private final HttpServer server;
  private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();

  private OtlpCollector(HttpServer server) {
    this.server = server;
  }

  static OtlpCollector start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      OtlpCollector collector = new OtlpCollector(server);
      server.createContext(
          "/v1/traces",
          exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
              collector.receive(ExportTraceServiceRequest.parseFrom(in));
              byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
              exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
              exchange.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
              if (ok.length > 0) {
                exchange.getResponseBody().write(ok);
              }
            } catch (IOException | RuntimeException e) {
              exchange.sendResponseHeaders(400, -1);
            } finally {
              exchange.close();
            }
          });
      server.start();
      return collector;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the OTLP collector", e);
    }
  }

  /** What a service needs to export its traces here, soon after each span ends. */
  Map<String, String> environment() {
    return Map.of(
        "QUARKUS_OTEL_SDK_DISABLED", "false",
        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
            "http://127.0.0.1:" + server.getAddress().getPort(),
        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
  }

  List<ExportedSpan> spans() {
    return List.copyOf(spans);
  }

  private void receive(ExportTraceServiceRequest request) {
    HexFormat hex = HexFormat.of();
    for (ResourceSpans rs : request.getResourceSpansList()) {
      String service =
          rs.getResource().getAttributesList().stream()
              .filter(a -> a.getKey().equals("service.name"))
              .map(KeyValue::getValue)
              .map(v -> v.getStringValue())
              .findFirst()
              .orElse("?");
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (var s : ss.getSpansList()) {
          spans.add(
              new ExportedSpan(
                  service,
                  hex.formatHex(s.getTraceId().toByteArray()),
                  hex.formatHex(s.getSpanId().toByteArray()),
                  hex.formatHex(s.getParentSpanId().toByteArray()),
                  s.getName(),
                  s.getKind().name()));
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
