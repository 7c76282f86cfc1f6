package org.qiao.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qiao.client.curriculum.api.CoursePlansApi;
import org.qiao.client.curriculum.api.InstitutionsApi;
import org.qiao.client.curriculum.api.ProposalsApi;
import org.qiao.client.curriculum.model.CoursePlan;
import org.qiao.client.curriculum.model.InstitutionKind;
import org.qiao.client.curriculum.model.InstitutionProfile;
import org.qiao.client.curriculum.model.InstitutionRegistration;
import org.qiao.client.curriculum.model.ProposalSubmission;
import org.qiao.client.talentdemand.api.DemandsApi;
import org.qiao.client.talentdemand.api.TrainingOrdersApi;
import org.qiao.client.talentdemand.model.Demand;
import org.qiao.client.talentdemand.model.DemandRequest;
import org.qiao.client.talentdemand.model.Skill;
import org.qiao.client.talentdemand.model.TrainingOrder;
import org.qiao.client.talentdemand.model.TrainingOrderRequest;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;

/**
 * Partners' webhooks across the four running services (issue 18): an enterprise, a university and a
 * government system subscribe at matching-service; events are caused through each service's own API
 * (talent-demand: demands, a draft, a training order; curriculum: a registration, a course plan, a
 * proposal; internship: its daily statistics snapshots, after a restart a day later). Each partner
 * receives what it may read, signed as Standard Webhooks defines (checked here with the JDK's
 * HMAC), a demand's events in order, and nothing it may not read.
 */
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
class PartnerWebhooksAcrossServicesTest {

  private static final String TALENT_DEMAND = "talent-demand-service";
  private static final String CURRICULUM = "curriculum-service";
  private static final String INTERNSHIP = "internship-service";
  private static final String MATCHING = "matching-service";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ARRIVAL = Duration.ofSeconds(60);

  @RegisterExtension
  static final RunningServices SERVICES =
      new RunningServices(
          new RunningServices.Service(TALENT_DEMAND, "talent_demand"),
          new RunningServices.Service(CURRICULUM, "curriculum"),
          new RunningServices.Service(INTERNSHIP, "internship"),
          new RunningServices.Service(MATCHING, "matching"));

  private final HttpClient http = HttpClient.newHttpClient();

  /** A partner's endpoint on this machine (127.0.0.1 is allowlisted for the tests). */
  private static final class Receiver implements AutoCloseable {
    final HttpServer server;
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

    Receiver() throws Exception {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      server.createContext(
          "/hooks",
          exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
              var h = exchange.getRequestHeaders();
              requests.add(
                  Map.of(
                      "id", h.getFirst("webhook-id"),
                      "timestamp", h.getFirst("webhook-timestamp"),
                      "signature", h.getFirst("webhook-signature"),
                      "body", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<JsonNode> events() {
      List<JsonNode> out = new ArrayList<>();
      for (Map<String, String> r : requests) {
        try {
          out.add(JSON.readTree(r.get("body")));
        } catch (java.io.IOException e) {
          throw new AssertionError(e);
        }
      }
      return out;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Test
  void eachPartnerReceivesWhatItMayReadFromEveryServiceSignedAndInOrder() throws Exception {
    var enterprise = Clients.registeredEnterprise(SERVICES, "上海芯联微电子有限公司");
    String creditCode = enterprise.enterprise().getCreditCode();
    var other = Clients.registeredEnterprise(SERVICES, "上海另一家科技有限公司");
    String university = TestCodes.newInstitutionCode();
    try (Receiver e = new Receiver();
        Receiver u = new Receiver();
        Receiver g = new Receiver()) {
      String eSecret = subscribe(TestJwt.token("enterprise", creditCode), e);
      String uSecret = subscribe(TestJwt.token("university", university), u);
      String gSecret = subscribe(TestJwt.token("government", "GOV-310000"), g);

      // talent-demand-service: a demand published then closed, a draft, an order addressed to
      // the university; another enterprise's draft.
      DemandsApi demands = new DemandsApi(enterprise.client());
      Demand demand = demands.createDemand(aDemand(), UUID.randomUUID().toString());
      demands.closeDemand(demand.getId(), "\"" + demand.getVersion() + "\"");
      Demand draft = demands.createDemand(aDemand().publish(false), UUID.randomUUID().toString());
      Demand foreignDraft =
          new DemandsApi(other.client())
              .createDemand(aDemand().publish(false), UUID.randomUUID().toString());
      LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
      TrainingOrder order =
          new TrainingOrdersApi(enterprise.client())
              .placeTrainingOrder(
                  new TrainingOrderRequest()
                      .title("2030届集成电路订单班")
                      .majorCodes(List.of("080710T"))
                      .headcount(30)
                      .cohortYear(today.getYear() + 1)
                      .skills(List.of(new Skill().name("Verilog").essential(true).level(3)))
                      .targetUniversities(List.of(university))
                      .proposalDeadline(today.plusDays(30)),
                  UUID.randomUUID().toString());

      // curriculum-service: the university registers, publishes a plan and proposes for the order.
      var curriculum = new org.qiao.client.curriculum.ApiClient();
      curriculum.updateBaseUri(SERVICES.baseUri(CURRICULUM));
      String universityToken = TestJwt.token("university", university);
      curriculum.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + universityToken));
      new InstitutionsApi(curriculum)
          .registerInstitution(
              new InstitutionRegistration()
                  .institutionCode(university)
                  .profile(
                      new InstitutionProfile()
                          .name("上海某理工大学")
                          .kind(InstitutionKind.UNDERGRADUATE)
                          .city("上海")),
              UUID.randomUUID().toString());
      CoursePlan plan =
          Clients.publishedCoursePlan(new CoursePlansApi(curriculum), today.getYear() + 1);
      var open = new org.qiao.client.curriculum.api.TrainingOrdersApi(curriculum);
      Awaitility.await()
          .atMost(ARRIVAL)
          .until(
              () ->
                  open.listOpenTrainingOrders(null, null, 100, "080710T", "verilog").stream()
                      .anyMatch(o -> o.getId().equals(order.getId())));
      var proposal =
          new ProposalsApi(curriculum)
              .submitProposal(
                  new ProposalSubmission()
                      .trainingOrderId(order.getId())
                      .coursePlanId(plan.getId())
                      .capacity(20)
                      .summary("微电子学院定制课程"),
                  UUID.randomUUID().toString());

      // internship-service: a day later its daily statistics snapshots are announced.
      SERVICES.restart(INTERNSHIP, Map.of("QIAO_CLOCK_OFFSET", "P2D"));

      String d = demand.getId().toString();
      String o = order.getId().toString();
      String p = proposal.getId().toString();
      String c = plan.getId().toString();
      Set<String> everyone =
          Set.of(
              "qiao.demand.published.v1 " + d,
              "qiao.demand.closed.v1 " + d,
              "qiao.course-plan.published.v1 " + c,
              "qiao.incident-statistics.snapshot-published.v1",
              "qiao.mentor-hours-statistics.snapshot-published.v1");
      awaitAll(
          e,
          union(
              everyone,
              Set.of(
                  "qiao.demand.drafted.v1 " + draft.getId(),
                  "qiao.training-order.placed.v1 " + o,
                  "qiao.proposal.submitted.v1 " + p)));
      awaitAll(
          u,
          union(
              everyone,
              Set.of(
                  "qiao.institution.registered.v1 " + university,
                  "qiao.training-order.placed.v1 " + o,
                  "qiao.proposal.submitted.v1 " + p)));
      awaitAll(g, union(everyone, Set.of("qiao.training-order.placed.v1 " + o)));

      // Signed as Standard Webhooks defines; a demand's events in order.
      verifySignatures(e, eSecret);
      verifySignatures(u, uSecret);
      verifySignatures(g, gSecret);
      for (Receiver r : List.of(e, u, g)) {
        List<String> mine = keys(r);
        assertTrue(
            mine.indexOf("qiao.demand.published.v1 " + d)
                < mine.indexOf("qiao.demand.closed.v1 " + d),
            "published before closed");
      }

      // Nothing a partner may not read: no one else's draft, no person's event, no draft to
      // another party, no proposal or registration to government.
      for (Receiver r : List.of(e, u, g)) {
        for (JsonNode ev : r.events()) {
          String type = ev.path("type").asText();
          assertTrue(
              !type.startsWith("qiao.student.")
                  && !type.startsWith("qiao.internship.")
                  && !type.startsWith("qiao.placement.")
                  && !type.startsWith("qiao.contact-grant.")
                  && !type.startsWith("qiao.demand-ranking."),
              "a person's event: " + type);
          assertTrue(
              !ev.path("subject").asText().equals(foreignDraft.getId().toString()),
              "another enterprise's draft");
        }
      }
      assertTrue(keys(u).stream().noneMatch(k -> k.startsWith("qiao.demand.drafted.v1")));
      assertTrue(
          keys(g).stream()
              .noneMatch(
                  k ->
                      k.startsWith("qiao.demand.drafted.v1")
                          || k.startsWith("qiao.proposal.")
                          || k.startsWith("qiao.institution.")
                          || k.startsWith("qiao.enterprise.")));
    }
  }

  private String subscribe(String token, Receiver r) throws Exception {
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(SERVICES.baseUri(MATCHING) + "/api/v1/webhook-subscriptions"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(
                            Map.of("url", r.url(), "description", "partner test"))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());
    return JSON.readTree(created.body()).get("secret").asText();
  }

  /**
   * "type subject" of each delivery, in arrival order (statistics snapshots by type alone, an
   * institution's events by its code).
   */
  private static List<String> keys(Receiver r) {
    return r.events().stream()
        .map(
            ev -> {
              String type = ev.path("type").asText();
              if (type.endsWith("-statistics.snapshot-published.v1")) {
                return type;
              }
              // An institution is known to partners by its code, not the service's own id.
              return type.startsWith("qiao.institution.")
                  ? type + " " + ev.path("data").path("code").asText()
                  : type + " " + ev.path("subject").asText();
            })
        .collect(Collectors.toList());
  }

  private static void awaitAll(Receiver r, Set<String> wanted) {
    Awaitility.await()
        .atMost(ARRIVAL)
        .untilAsserted(
            () -> {
              List<String> got = keys(r);
              for (String w : wanted) {
                assertTrue(got.contains(w), "missing " + w + " in " + got);
              }
            });
  }

  /** The Standard Webhooks check, written here with the JDK: HMAC-SHA256 of id.timestamp.body. */
  private static void verifySignatures(Receiver r, String secret) throws Exception {
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    for (Map<String, String> req : r.requests) {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String signed = req.get("id") + "." + req.get("timestamp") + "." + req.get("body");
      String expected =
          "v1,"
              + Base64.getEncoder()
                  .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
      assertTrue(
          List.of(req.get("signature").split(" ")).contains(expected),
          "signature of " + req.get("id"));
      assertEquals(JSON.readTree(req.get("body")).path("id").asText(), req.get("id"), "webhook-id");
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return u;
  }

  private static DemandRequest aDemand() {
    return new DemandRequest()
        .title("集成电路版图设计工程师")
        .occupationCode("2-02-10-03")
        .majorCodes(List.of("080710T"))
        .skills(List.of(new Skill().name("Verilog").essential(true).level(3)))
        .headcount(2)
        .city("上海")
        .validThrough(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60));
  }
}
