package org.qiao.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qiao.client.matching.api.PublishedDemandsApi;
import org.qiao.client.matching.model.PublishedDemand;
import org.qiao.client.matching.model.RequiredSkill;
import org.qiao.client.talentdemand.api.DemandsApi;
import org.qiao.client.talentdemand.model.Demand;
import org.qiao.client.talentdemand.model.DemandRequest;
import org.qiao.client.talentdemand.model.DemandStatus;
import org.qiao.client.talentdemand.model.Enterprise;
import org.qiao.client.talentdemand.model.Skill;
import org.qiao.kit.testing.TestJwt;

/**
 * The demand flow through the clients generated from the committed OpenAPI documents only (no
 * hand-written HTTP), against talent-demand-service and matching-service started from their jars:
 * an enterprise registers, creates and publishes a demand, reads it back, and matching-service
 * serves it once the event has arrived.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class DemandFlowThroughGeneratedClientsTest {

  private static final String TALENT_DEMAND = "talent-demand-service";
  private static final String MATCHING = "matching-service";
  private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(20);

  /** Where both services export their traces (OTLP/HTTP), as to a deployment's collector. */
  static final OtlpCollector COLLECTOR = OtlpCollector.start();

  @RegisterExtension
  static final RunningServices SERVICES =
      new RunningServices(
              new RunningServices.Service(TALENT_DEMAND, "talent_demand"),
              new RunningServices.Service(MATCHING, "matching"))
          .withEnvironment(COLLECTOR.environment());

  @AfterAll
  static void stopCollector() {
    COLLECTOR.close();
  }

  /**
   * One trace from an enterprise's request to its effect in another service (issue 20): the request
   * arrives with a trace context (as from a traced gateway); talent-demand-service's server span
   * records the event under it (CloudEvents traceparent), its relay publishes it under a producer
   * span, and matching-service applies it under a consumer span that continues it.
   */
  @Test
  void oneTraceRunsFromTheRequestThroughKafkaToMatchingsEffect() throws Exception {
    var registered = Clients.registeredEnterprise(SERVICES, "厦门追踪科技有限公司");
    HexFormat hex = HexFormat.of();
    String traceId = hex.formatHex(randomBytes(16));
    String callerSpan = hex.formatHex(randomBytes(8));
    var talentDemand = registered.client();
    var authorised = talentDemand.getRequestInterceptor();
    talentDemand.setRequestInterceptor(
        r -> {
          authorised.accept(r);
          r.header("traceparent", "00-" + traceId + "-" + callerSpan + "-01");
        });
    Demand created =
        new DemandsApi(talentDemand)
            .createDemand(
                new DemandRequest()
                    .title("芯片验证工程师")
                    .occupationCode("2-02-10-03")
                    .majorCodes(List.of("080704"))
                    .skills(List.of(new Skill().name("Verilog").essential(true).level(3)))
                    .headcount(1)
                    .city("上海")
                    .validThrough(LocalDate.now().plusMonths(6)),
                UUID.randomUUID().toString());
    var matching = matchingAsGovernment();
    awaitPublished(new PublishedDemandsApi(matching), created.getId());

    List<OtlpCollector.ExportedSpan> trace =
        Awaitility.await("the demand's trace through both services")
            .atMost(ARRIVAL_TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> COLLECTOR.spans().stream().filter(s -> s.traceId().equals(traceId)).toList(),
                spans ->
                    spans.stream()
                        .anyMatch(
                            s ->
                                s.service().equals(MATCHING)
                                    && s.kind().equals("SPAN_KIND_CONSUMER")));
    OtlpCollector.ExportedSpan server =
        only(trace, s -> s.service().equals(TALENT_DEMAND) && s.kind().equals("SPAN_KIND_SERVER"));
    assertEquals(callerSpan, server.parentSpanId(), "the request's span continues the caller's");
    OtlpCollector.ExportedSpan publish =
        only(
            trace, s -> s.service().equals(TALENT_DEMAND) && s.kind().equals("SPAN_KIND_PRODUCER"));
    assertEquals("publish qiao.talent-demand.events", publish.name());
    assertTrue(
        descendsFrom(publish, server, trace),
        "the relay's span descends from the request's: " + trace);
    OtlpCollector.ExportedSpan consume =
        only(trace, s -> s.service().equals(MATCHING) && s.kind().equals("SPAN_KIND_CONSUMER"));
    assertEquals("process qiao.demand.published.v1", consume.name());
    assertEquals(publish.spanId(), consume.parentSpanId(), "matching continues the relay's span");
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new java.security.SecureRandom().nextBytes(b);
    return b;
  }

  private static OtlpCollector.ExportedSpan only(
      List<OtlpCollector.ExportedSpan> spans,
      java.util.function.Predicate<OtlpCollector.ExportedSpan> which) {
    List<OtlpCollector.ExportedSpan> found = spans.stream().filter(which).toList();
    assertEquals(1, found.size(), "one such span in " + spans);
    return found.get(0);
  }

  private static boolean descendsFrom(
      OtlpCollector.ExportedSpan span,
      OtlpCollector.ExportedSpan ancestor,
      List<OtlpCollector.ExportedSpan> trace) {
    OtlpCollector.ExportedSpan at = span;
    for (int hops = 0; at != null && hops < 20; hops++) {
      if (at.parentSpanId().equals(ancestor.spanId())) {
        return true;
      }
      String parent = at.parentSpanId();
      at = trace.stream().filter(s -> s.spanId().equals(parent)).findFirst().orElse(null);
    }
    return false;
  }

  @Test
  void aPublishedDemandReachesMatchingService() throws Exception {
    var registered = Clients.registeredEnterprise(SERVICES, "厦门芯测科技有限公司");
    var talentDemand = registered.client();
    Enterprise enterprise = registered.enterprise();
    assertNotNull(enterprise.getId());

    DemandsApi demands = new DemandsApi(talentDemand);
    DemandRequest request =
        new DemandRequest()
            .title("集成电路版图设计工程师")
            .occupationCode("2-02-10-03")
            .majorCodes(List.of("080704"))
            .skills(List.of(new Skill().name("Verilog").essential(true).level(4)))
            .headcount(2)
            .city("上海")
            .validThrough(LocalDate.now().plusMonths(6));
    String idempotencyKey = UUID.randomUUID().toString();
    Demand created = demands.createDemand(request, idempotencyKey);
    assertEquals(DemandStatus.PUBLISHED, created.getStatus());
    assertEquals(enterprise.getId(), created.getEnterpriseId());
    // The Idempotency-Key header is sent: the same key and body replay the first answer.
    assertEquals(created.getId(), demands.createDemand(request, idempotencyKey).getId());

    // getDemand's 200 response has an empty schema in the committed document, so the generated
    // method returns Object (a JSON map): read it as the generated Demand model.
    Demand read =
        talentDemand
            .getObjectMapper()
            .convertValue(demands.getDemand(created.getId()), Demand.class);
    assertEquals(created.getId(), read.getId());
    assertEquals(request.getTitle(), read.getTitle());
    assertEquals(DemandStatus.PUBLISHED, read.getStatus());

    var matching = matchingAsGovernment();
    PublishedDemand published = awaitPublished(new PublishedDemandsApi(matching), created.getId());
    assertEquals(created.getId(), published.getId());
    assertEquals(enterprise.getId(), published.getEnterpriseId());
    assertEquals(request.getTitle(), published.getTitle());
    assertEquals(request.getOccupationCode(), published.getOccupationCode());
    assertEquals(request.getHeadcount(), published.getHeadcount());
    assertEquals(request.getCity(), published.getCity());
    assertEquals(request.getValidThrough(), published.getValidThrough());
    assertEquals(request.getMajorCodes(), published.getMajorCodes());
    assertEquals("PUBLISHED", published.getStatus());
    assertEquals(
        List.of(new RequiredSkill().name("Verilog").essential(true).level(4)),
        published.getSkills());
  }

  /** A client of matching-service acting for a government office. */
  private static org.qiao.client.matching.ApiClient matchingAsGovernment() {
    String governmentToken = TestJwt.token("government", "gov-sh");
    var matching = new org.qiao.client.matching.ApiClient();
    matching.updateBaseUri(SERVICES.baseUri(MATCHING));
    matching.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + governmentToken));
    return matching;
  }

  /** Polls matching-service until the demand has arrived there (404 until then). */
  private static PublishedDemand awaitPublished(PublishedDemandsApi api, UUID id) {
    return Awaitility.await("demand " + id + " in matching-service")
        .atMost(ARRIVAL_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptionsMatching(
            e -> e instanceof org.qiao.client.matching.ApiException a && a.getCode() == 404)
        .until(() -> api.getPublishedDemand(id), java.util.Objects::nonNull);
  }
}
