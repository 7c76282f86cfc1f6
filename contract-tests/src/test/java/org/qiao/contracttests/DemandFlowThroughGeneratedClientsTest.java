package org.qiao.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
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

  @RegisterExtension
  static final RunningServices SERVICES =
      new RunningServices(
          new RunningServices.Service(TALENT_DEMAND, "talent_demand"),
          new RunningServices.Service(MATCHING, "matching"));

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

    String governmentToken = TestJwt.token("government", "gov-sh");
    var matching = new org.qiao.client.matching.ApiClient();
    matching.updateBaseUri(SERVICES.baseUri(MATCHING));
    matching.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + governmentToken));
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
