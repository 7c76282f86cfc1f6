package org.qiao.matching.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;
import org.qiao.kit.testing.TestProducer;
import org.qiao.matching.domain.partner.PartnerAudience;
import org.qiao.matching.domain.partner.PartnerRole;
import org.qiao.matching.support.Events;
import org.qiao.matching.support.MovableClock;
import org.qiao.matching.support.StandardWebhooksVerifier;
import org.qiao.matching.support.WebhookReceiver;

/**
 * Webhooks end to end (issue 18): real HTTP receivers on 127.0.0.1, subscriptions made over the API
 * as each partner role, events on every service's topic, each delivery verified with an independent
 * Standard Webhooks verifier.
 */
@QuarkusTest
class WebhookDeliveryTest {

  private static final String MATCHING = "qiao.matching.events";

  @Inject MovableClock clock;

  private final List<WebhookReceiver> receivers = new ArrayList<>();
  private final List<String[]> subscriptions = new ArrayList<>(); // token, id

  @AfterEach
  void cleanUp() {
    clock.reset();
    for (String[] s : subscriptions) {
      given().auth().oauth2(s[0]).delete("/api/v1/webhook-subscriptions/" + s[1]);
    }
    receivers.forEach(WebhookReceiver::close);
  }

  /** A subscription made over the API: its id, secret and owner's token. */
  record Subscription(String id, String secret, String token, WebhookReceiver receiver) {}

  private Subscription subscribe(String token, WebhookReceiver.Mode mode, String... types)
      throws Exception {
    WebhookReceiver r = new WebhookReceiver(mode);
    receivers.add(r);
    Map<String, Object> body = new HashMap<>();
    body.put("url", r.url());
    body.put("eventTypes", List.of(types));
    body.put("description", "测试接收端");
    Response created =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/webhook-subscriptions");
    created
        .then()
        .statusCode(201)
        .body("secret", startsWith("whsec_"))
        .body("status", equalTo("ACTIVE"));
    String id = created.path("id");
    subscriptions.add(new String[] {token, id});
    // The secret is shown once.
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/webhook-subscriptions/" + id)
        .then()
        .statusCode(200)
        .body("secret", equalTo(null));
    return new Subscription(id, created.path("secret"), token, r);
  }

  private static CloudEvent event(
      String source, String type, String subject, Consumer<ObjectNode> change) {
    ObjectNode d = ContractExamples.data(type);
    change.accept(d);
    return ContractExamples.event(source, type, subject, d);
  }

  private static Consumer<ObjectNode> enterprise(String code) {
    return d -> ((ObjectNode) d.get("enterprise")).put("creditCode", code);
  }

  private void assertVerified(Subscription s, WebhookReceiver.Request r) {
    assertTrue(
        StandardWebhooksVerifier.verify(
            s.secret(), r.id(), r.timestamp(), r.signature(), r.body(), clock.instant()),
        "signature of " + r.id());
  }

  private static JsonNode json(WebhookReceiver.Request r) {
    try {
      return EventCodec.mapper().readTree(r.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void eachRoleReceivesExactlyWhatItMayReadSignedAndInOrder() throws Exception {
    String enterprise = TestCodes.newCreditCode();
    String otherEnterprise = TestCodes.newCreditCode();
    String university = TestCodes.newInstitutionCode();
    String otherUniversity = TestCodes.newInstitutionCode();
    Subscription e = subscribe(TestJwt.token("enterprise", enterprise), WebhookReceiver.Mode.OK);
    Subscription u = subscribe(TestJwt.token("university", university), WebhookReceiver.Mode.OK);
    Subscription g =
        subscribe(
            TestJwt.token("government", "GOV-310000"),
            WebhookReceiver.Mode.OK,
            "qiao.demand.*",
            "qiao.course-plan.*",
            "qiao.training-order.*");
    Subscription a = subscribe(TestJwt.token("admin", "qiao-ops"), WebhookReceiver.Mode.OK);

    String demand = ContractExamples.newId();
    String order = ContractExamples.newId();
    String openOrder = ContractExamples.newId();
    String foreignOrder = ContractExamples.newId();
    String plan = ContractExamples.newId();
    String student = Events.newStudentId();
    // talent-demand-service: a demand published then closed (public, in order), a draft and an
    // application (the enterprise's), an order addressed to the university (both), another
    // enterprise's order open to all (every university), and one to another university (neither);
    // overseers receive the orders.
    CloudEvent published =
        event(
            "talent-demand-service",
            "qiao.demand.published.v1",
            demand,
            enterprise(enterprise)
                .andThen(d -> d.put("demandId", demand).put("validThrough", "2099-12-31")));
    CloudEvent closed =
        event(
            "talent-demand-service",
            "qiao.demand.closed.v1",
            demand,
            enterprise(enterprise).andThen(d -> d.put("demandId", demand).put("status", "CLOSED")));
    CloudEvent draft =
        event(
            "talent-demand-service",
            "qiao.demand.drafted.v1",
            ContractExamples.newId(),
            enterprise(enterprise));
    CloudEvent foreignDraft =
        event(
            "talent-demand-service",
            "qiao.demand.drafted.v1",
            ContractExamples.newId(),
            enterprise(otherEnterprise));
    CloudEvent applied =
        event(
            "talent-demand-service",
            "qiao.application.applied.v1",
            ContractExamples.newId(),
            enterprise(enterprise)
                .andThen(d -> d.put("demandId", demand).put("studentId", student)));
    CloudEvent addressed =
        event(
            "talent-demand-service",
            "qiao.training-order.placed.v1",
            order,
            enterprise(enterprise)
                .andThen(
                    d -> {
                      d.put("trainingOrderId", order);
                      ((ArrayNode) d.get("targetUniversities")).add(university);
                    }));
    CloudEvent openToAll =
        event(
            "talent-demand-service",
            "qiao.training-order.placed.v1",
            openOrder,
            enterprise(otherEnterprise).andThen(d -> d.put("trainingOrderId", openOrder)));
    CloudEvent foreign =
        event(
            "talent-demand-service",
            "qiao.training-order.placed.v1",
            foreignOrder,
            enterprise(otherEnterprise)
                .andThen(
                    d -> {
                      d.put("trainingOrderId", foreignOrder);
                      ((ArrayNode) d.get("targetUniversities")).add(otherUniversity);
                    }));
    // matching knows the order before the proposal names it.
    Events.deliver(Events.TALENT_DEMAND, addressed);
    // curriculum-service: the university's proposal (both), its course plan (public), a student's
    // profile (nobody).
    CloudEvent proposal =
        event(
            "curriculum-service",
            "qiao.proposal.submitted.v1",
            ContractExamples.newId(),
            d -> {
              d.put("trainingOrderId", order);
              ((ObjectNode) d.get("university")).put("institutionCode", university);
            });
    CloudEvent coursePlan =
        event(
            "curriculum-service",
            "qiao.course-plan.published.v1",
            plan,
            d -> {
              d.put("coursePlanId", plan);
              ((ObjectNode) d.get("institution")).put("code", university);
            });
    CloudEvent profile = Events.profile().institution(university).event();
    // internship-service and matching-service: about persons (nobody).
    CloudEvent internship = Events.internshipCompleted(student, "Java");
    CloudEvent ranking =
        event("matching-service", "qiao.demand-ranking.changed.v1", demand, d -> {});

    for (CloudEvent ev :
        List.of(published, closed, draft, foreignDraft, applied, openToAll, foreign)) {
      TestProducer.send(Events.TALENT_DEMAND, ev);
    }
    for (CloudEvent ev : List.of(proposal, coursePlan, profile)) {
      TestProducer.send(Events.CURRICULUM, ev);
    }
    TestProducer.send(Events.INTERNSHIP, internship);
    TestProducer.send(MATCHING, ranking);

    Map<Subscription, Set<String>> expected =
        Map.of(
            // Not another enterprise's order, open to all or not: the API shows it them neither.
            e,
                Set.of(
                    published.id(),
                    closed.id(),
                    draft.id(),
                    applied.id(),
                    addressed.id(),
                    proposal.id(),
                    coursePlan.id()),
            u,
                Set.of(
                    published.id(),
                    closed.id(),
                    addressed.id(),
                    openToAll.id(),
                    proposal.id(),
                    coursePlan.id()),
            // Overseers read every training order over the API, no draft or application.
            g,
                Set.of(
                    published.id(),
                    closed.id(),
                    addressed.id(),
                    openToAll.id(),
                    foreign.id(),
                    coursePlan.id()),
            a,
                Set.of(
                    published.id(),
                    closed.id(),
                    addressed.id(),
                    openToAll.id(),
                    foreign.id(),
                    coursePlan.id()));
    Set<String> ours = new java.util.HashSet<>();
    for (CloudEvent ev :
        List.of(
            published,
            closed,
            draft,
            foreignDraft,
            applied,
            addressed,
            openToAll,
            foreign,
            proposal,
            coursePlan,
            profile,
            internship,
            ranking)) {
      ours.add(ev.id());
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                expected.forEach(
                    (s, ids) -> {
                      Set<String> got = new java.util.HashSet<>();
                      s.receiver().accepted().forEach(r -> got.add(r.id()));
                      assertTrue(got.containsAll(ids), "missing for " + s.token().length());
                    }));
    // Everything the pump had to read is read and delivered: what has not arrived never will.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (Subscription s : expected.keySet()) {
                given()
                    .auth()
                    .oauth2(s.token())
                    .get("/api/v1/webhook-subscriptions/" + s.id())
                    .then()
                    .body("queued", equalTo(0));
              }
            });
    Map<Subscription, String[]> roles =
        Map.of(
            e,
            new String[] {"ENTERPRISE", enterprise},
            u,
            new String[] {"UNIVERSITY", university},
            g,
            new String[] {"GOVERNMENT", "GOV-310000"},
            a,
            new String[] {"ADMIN", "qiao-ops"});
    for (Subscription s : expected.keySet()) {
      List<String> ourArrivals = new ArrayList<>();
      for (WebhookReceiver.Request r : s.receiver().accepted()) {
        assertVerified(s, r);
        JsonNode body = json(r);
        assertEquals(r.id(), body.get("id").asText(), "webhook-id is the event id");
        assertEquals("1.0", body.get("specversion").asText());
        // Nothing it may not see, of this test or any other.
        String type = body.get("type").asText();
        PartnerRole role = PartnerRole.valueOf(roles.get(s)[0]);
        assertTrue(
            PartnerAudience.of(
                    type,
                    body.get("data"),
                    id -> id.equals(order) ? Optional.of(enterprise) : Optional.empty())
                .admits(role, roles.get(s)[1]),
            type + " reached " + role);
        if (ours.contains(r.id())) {
          ourArrivals.add(r.id());
        }
      }
      assertEquals(
          expected.get(s), Set.copyOf(ourArrivals), "exactly these, for " + roles.get(s)[0]);
      assertEquals(ourArrivals.size(), Set.copyOf(ourArrivals).size(), "each once");
      assertTrue(
          ourArrivals.indexOf(published.id()) < ourArrivals.indexOf(closed.id()),
          "one demand's events in order");
    }
    // The signature fails for a tampered body, a wrong secret and an old timestamp.
    WebhookReceiver.Request r = e.receiver().accepted().get(0);
    byte[] tampered = r.body().clone();
    tampered[tampered.length / 2] ^= 1;
    assertFalse(
        StandardWebhooksVerifier.verify(
            e.secret(), r.id(), r.timestamp(), r.signature(), tampered, clock.instant()));
    assertFalse(
        StandardWebhooksVerifier.verify(
            u.secret(), r.id(), r.timestamp(), r.signature(), r.body(), clock.instant()));
    assertFalse(
        StandardWebhooksVerifier.verify(
            e.secret(),
            r.id(),
            r.timestamp(),
            r.signature(),
            r.body(),
            clock.instant().plusSeconds(600)));
    assertFalse(
        StandardWebhooksVerifier.verify(
            e.secret(),
            r.id(),
            Long.toString(Long.parseLong(r.timestamp()) - 1),
            r.signature(),
            r.body(),
            clock.instant()));
  }

  @Test
  void aReceiverDownTenMinutesGetsEveryEventAfterwardsInOrder() throws Exception {
    String enterprise = TestCodes.newCreditCode();
    Subscription s =
        subscribe(
            TestJwt.token("enterprise", enterprise), WebhookReceiver.Mode.FAIL, "qiao.demand.*");
    String demand = ContractExamples.newId();
    List<CloudEvent> sent = new ArrayList<>();
    sent.add(
        event(
            "talent-demand-service",
            "qiao.demand.drafted.v1",
            demand,
            enterprise(enterprise).andThen(d -> d.put("demandId", demand))));
    sent.add(
        event(
            "talent-demand-service",
            "qiao.demand.published.v1",
            demand,
            enterprise(enterprise)
                .andThen(d -> d.put("demandId", demand).put("validThrough", "2099-12-31"))));
    sent.add(
        event(
            "talent-demand-service",
            "qiao.demand.closed.v1",
            demand,
            enterprise(enterprise).andThen(d -> d.put("demandId", demand))));
    sent.forEach(ev -> TestProducer.send(Events.TALENT_DEMAND, ev));

    Instant start = clock.instant();
    Instant recovery = start.plus(Duration.ofMinutes(10));
    Instant next;
    for (int failures = 1; ; failures++) {
      next = Instant.parse(awaitFailures(s, failures).get("nextAttemptAt").asText());
      if (!next.isBefore(recovery)) {
        break; // the next attempt comes after the receiver is back
      }
      clock.moveTo(next);
    }
    // 0 s, ~5 s, ~5 min 5 s failed; the receiver is back at 10 min, before the attempt at ~35 min.
    assertTrue(s.receiver().attempts() >= 3, "retried while down");
    assertEquals(List.of(), s.receiver().accepted());
    clock.moveTo(recovery);
    s.receiver().mode(WebhookReceiver.Mode.OK);
    clock.moveTo(next);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> s.receiver().accepted().size() == sent.size());
    assertEquals(
        sent.stream().map(CloudEvent::id).toList(),
        s.receiver().accepted().stream().map(WebhookReceiver.Request::id).toList());
    s.receiver().accepted().forEach(r -> assertVerified(s, r));
    // The log shows each failed attempt with the answer's first bytes, then the successes.
    List<Map<String, Object>> log =
        given()
            .auth()
            .oauth2(s.token())
            .get("/api/v1/webhook-subscriptions/" + s.id() + "/deliveries?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    long failed = log.stream().filter(d -> !(Boolean) d.get("succeeded")).count();
    assertTrue(failed >= 3);
    assertTrue(
        log.stream()
            .filter(d -> !(Boolean) d.get("succeeded"))
            .allMatch(
                d ->
                    Integer.valueOf(500).equals(d.get("responseStatus"))
                        && String.valueOf(d.get("responseExcerpt")).contains("maintenance")));
    assertEquals(sent.size(), log.stream().filter(d -> (Boolean) d.get("succeeded")).count());
  }

  /** The subscription once its head failed this many times and waits for the next attempt. */
  private JsonNode awaitFailures(Subscription s, int failures) {
    JsonNode[] st = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              String body =
                  given()
                      .auth()
                      .oauth2(s.token())
                      .get("/api/v1/webhook-subscriptions/" + s.id())
                      .asString();
              st[0] = EventCodec.mapper().readTree(body);
              return st[0].path("failedAttempts").asInt() == failures
                  && st[0].hasNonNull("nextAttemptAt");
            });
    assertEquals("ACTIVE", st[0].get("status").asText());
    return st[0];
  }

  @Test
  void everyRetryFailingDisablesTheSubscriptionWithTheReasonAndResumingDelivers() throws Exception {
    String enterprise = TestCodes.newCreditCode();
    Subscription s =
        subscribe(
            TestJwt.token("enterprise", enterprise),
            WebhookReceiver.Mode.FAIL,
            "qiao.demand.drafted.v1");
    CloudEvent draft =
        event(
            "talent-demand-service",
            "qiao.demand.drafted.v1",
            ContractExamples.newId(),
            enterprise(enterprise));
    TestProducer.send(Events.TALENT_DEMAND, draft);
    for (int i = 1; i < 8; i++) {
      clock.moveTo(Instant.parse(awaitFailures(s, i).get("nextAttemptAt").asText()));
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(s.token())
                    .get("/api/v1/webhook-subscriptions/" + s.id())
                    .then()
                    .body("status", equalTo("DISABLED"))
                    .body("disabledReason", org.hamcrest.Matchers.containsString(draft.id()))
                    .body("disabledReason", org.hamcrest.Matchers.containsString("500")));
    assertEquals(8, s.receiver().attempts());
    s.receiver().mode(WebhookReceiver.Mode.OK);
    given()
        .auth()
        .oauth2(s.token())
        .post("/api/v1/webhook-subscriptions/" + s.id() + "/resumption")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"));
    await().atMost(Duration.ofSeconds(20)).until(() -> s.receiver().accepted().size() == 1);
    assertEquals(draft.id(), s.receiver().accepted().get(0).id());
  }

  @Test
  void aProposalLoggedBeforeItsOrderStillReachesTheOrdersEnterprise() throws Exception {
    String enterprise = TestCodes.newCreditCode();
    String university = TestCodes.newInstitutionCode();
    Subscription e =
        subscribe(
            TestJwt.token("enterprise", enterprise), WebhookReceiver.Mode.OK, "qiao.proposal.*");
    String order = ContractExamples.newId();
    CloudEvent proposal =
        event(
            "curriculum-service",
            "qiao.proposal.submitted.v1",
            ContractExamples.newId(),
            d -> {
              d.put("trainingOrderId", order);
              ((ObjectNode) d.get("university")).put("institutionCode", university);
            });
    // The proposal is on the log first; the order's event, on another topic, only after it.
    TestProducer.send(Events.CURRICULUM, proposal);
    TestProducer.send(
        Events.TALENT_DEMAND,
        event(
            "talent-demand-service",
            "qiao.training-order.placed.v1",
            order,
            enterprise(enterprise)
                .andThen(
                    d -> {
                      d.put("trainingOrderId", order);
                      ((ArrayNode) d.get("targetUniversities")).add(university);
                    })));
    await().atMost(Duration.ofSeconds(20)).until(() -> e.receiver().accepted().size() == 1);
    assertEquals(proposal.id(), e.receiver().accepted().get(0).id());
  }

  @Test
  void aHangingReceiverDoesNotDelayAnother() throws Exception {
    String enterprise = TestCodes.newCreditCode();
    Subscription hanging =
        subscribe(
            TestJwt.token("enterprise", enterprise),
            WebhookReceiver.Mode.HANG,
            "qiao.demand.drafted.v1");
    Subscription healthy =
        subscribe(
            TestJwt.token("enterprise", enterprise),
            WebhookReceiver.Mode.OK,
            "qiao.demand.drafted.v1");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      CloudEvent draft =
          event(
              "talent-demand-service",
              "qiao.demand.drafted.v1",
              ContractExamples.newId(),
              enterprise(enterprise));
      ids.add(draft.id());
      TestProducer.send(Events.TALENT_DEMAND, draft);
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> healthy.receiver().accepted().size() == 3);
    // All three arrived while the hanging endpoint still held the first one (read time-out 4 s).
    assertEquals(1, hanging.receiver().hanging());
    assertEquals(
        ids, healthy.receiver().accepted().stream().map(WebhookReceiver.Request::id).toList());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://10.0.0.8/hook", "https://192.168.1.20/hook",
            "https://169.254.169.254/latest/meta-data",
        "https://localhost/hook", "https://[::1]/hook", "https://[fd00::1]/hook",
        "https://127.0.0.2/hook", "https://0.0.0.0/hook", "https://[::ffff:10.0.0.1]/hook",
        "http://example.com/hook", "ftp://example.com/hook", "https://user:pw@example.com/hook",
        "/relative", "https://example.com/hook#frag"
      })
  void aSubscriptionToAPrivateOrUnsafeAddressIsRefused(String url) {
    given()
        .auth()
        .oauth2(TestJwt.token("enterprise", TestCodes.newCreditCode()))
        .contentType(ContentType.JSON)
        .body(Map.of("url", url))
        .post("/api/v1/webhook-subscriptions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("url"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"student", "mentor"})
  void personsAreNotPartners(String role) {
    given()
        .auth()
        .oauth2(TestJwt.token(role, TestCodes.newInstitutionCode(), Events.newStudentId()))
        .contentType(ContentType.JSON)
        .body(Map.of("url", "https://example.com/hook"))
        .post("/api/v1/webhook-subscriptions")
        .then()
        .statusCode(403);
  }

  @Test
  void anotherOrganisationCannotSeeOrTouchASubscription() throws Exception {
    Subscription s =
        subscribe(TestJwt.token("enterprise", TestCodes.newCreditCode()), WebhookReceiver.Mode.OK);
    for (String other :
        List.of(
            TestJwt.token("enterprise", TestCodes.newCreditCode()),
            TestJwt.token("university", TestCodes.newInstitutionCode()),
            TestJwt.token("government", "GOV-310000"),
            TestJwt.token("admin", "qiao-ops"))) {
      given()
          .auth()
          .oauth2(other)
          .get("/api/v1/webhook-subscriptions/" + s.id())
          .then()
          .statusCode(404);
      given()
          .auth()
          .oauth2(other)
          .post("/api/v1/webhook-subscriptions/" + s.id() + "/pause")
          .then()
          .statusCode(404);
      given()
          .auth()
          .oauth2(other)
          .delete("/api/v1/webhook-subscriptions/" + s.id())
          .then()
          .statusCode(404);
      given()
          .auth()
          .oauth2(other)
          .get("/api/v1/webhook-subscriptions")
          .then()
          .statusCode(200)
          .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(s.id())));
    }
    given()
        .auth()
        .oauth2(s.token())
        .get("/api/v1/webhook-subscriptions/" + s.id())
        .then()
        .statusCode(200);
  }

  @Test
  void rotatingSendsBothSignaturesDuringTheOverlap() throws Exception {
    String enterprise = TestCodes.newCreditCode();
    Subscription s =
        subscribe(
            TestJwt.token("enterprise", enterprise),
            WebhookReceiver.Mode.OK,
            "qiao.demand.drafted.v1");
    String newSecret =
        given()
            .auth()
            .oauth2(s.token())
            .contentType(ContentType.JSON)
            .body(Map.of("overlapSeconds", 3600))
            .post("/api/v1/webhook-subscriptions/" + s.id() + "/secret-rotation")
            .then()
            .statusCode(200)
            .body("secret", startsWith("whsec_"))
            .extract()
            .path("secret");
    String pingId =
        given()
            .auth()
            .oauth2(s.token())
            .post("/api/v1/webhook-subscriptions/" + s.id() + "/ping")
            .then()
            .statusCode(202)
            .extract()
            .path("eventId");
    await().atMost(Duration.ofSeconds(20)).until(() -> s.receiver().accepted().size() == 1);
    WebhookReceiver.Request r = s.receiver().accepted().get(0);
    assertEquals(pingId, r.id());
    assertEquals(2, r.signature().split(" ").length);
    assertTrue(
        StandardWebhooksVerifier.verify(
            s.secret(), r.id(), r.timestamp(), r.signature(), r.body(), clock.instant()));
    assertTrue(
        StandardWebhooksVerifier.verify(
            newSecret, r.id(), r.timestamp(), r.signature(), r.body(), clock.instant()));
    // After the overlap, only the new secret signs.
    clock.moveTo(clock.instant().plus(Duration.ofHours(2)));
    CloudEvent draft =
        event(
            "talent-demand-service",
            "qiao.demand.drafted.v1",
            ContractExamples.newId(),
            enterprise(enterprise));
    TestProducer.send(Events.TALENT_DEMAND, draft);
    await().atMost(Duration.ofSeconds(20)).until(() -> s.receiver().accepted().size() == 2);
    WebhookReceiver.Request later = s.receiver().accepted().get(1);
    assertEquals(1, later.signature().split(" ").length);
    assertFalse(
        StandardWebhooksVerifier.verify(
            s.secret(),
            later.id(),
            later.timestamp(),
            later.signature(),
            later.body(),
            clock.instant()));
    assertTrue(
        StandardWebhooksVerifier.verify(
            newSecret,
            later.id(),
            later.timestamp(),
            later.signature(),
            later.body(),
            clock.instant()));
    // Redelivery of that event: the same webhook-id again.
    given()
        .auth()
        .oauth2(s.token())
        .contentType(ContentType.JSON)
        .body(Map.of("eventId", draft.id()))
        .post("/api/v1/webhook-subscriptions/" + s.id() + "/redeliveries")
        .then()
        .statusCode(202)
        .body("queued", equalTo(1));
    await().atMost(Duration.ofSeconds(20)).until(() -> s.receiver().accepted().size() == 3);
    assertEquals(draft.id(), s.receiver().accepted().get(2).id());
  }
}
