package org.qiao.matching.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.qiao.kit.config.KafkaClients;
import org.qiao.kit.config.MessagingConfig;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;
import org.qiao.kit.testing.TestProducer;
import org.qiao.matching.domain.partner.FeedCursor;
import org.qiao.matching.domain.partner.PartnerAudience;
import org.qiao.matching.domain.partner.PartnerRole;
import org.qiao.matching.support.Events;

/**
 * The event feed (issue 18): read from the start page by page with the cursor, each page a new
 * request that only has the cursor to go on; exactly the events the caller may read, none twice,
 * none skipped, one aggregate's in order.
 */
@QuarkusTest
class EventFeedTest {

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  @Inject MessagingConfig messaging;

  private static CloudEvent event(
      String source, String type, String subject, Consumer<ObjectNode> change) {
    ObjectNode d = ContractExamples.data(type);
    change.accept(d);
    return ContractExamples.event(source, type, subject, d);
  }

  /** Reads the feed from the cursor to its end, following Link rel="next"; the pages' events. */
  private static List<JsonNode> readAll(String token, String firstUrl, List<String> cursors)
      throws Exception {
    List<JsonNode> out = new ArrayList<>();
    String url = firstUrl;
    for (int page = 0; page < 10_000; page++) {
      Response r = given().auth().oauth2(token).get(url);
      r.then().statusCode(200);
      JsonNode body = EventCodec.mapper().readTree(r.asString());
      body.get("events").forEach(out::add);
      Matcher m = NEXT.matcher(r.header("Link"));
      assertTrue(m.find());
      url = m.group(1).replaceFirst("^https?://[^/]+", "");
      assertEquals(body.get("next").asText(), url.replaceFirst(".*[?&]after=([^&]+).*", "$1"));
      cursors.add(body.get("next").asText());
      if (body.get("caughtUp").asBoolean()) {
        return out;
      }
    }
    throw new AssertionError("the feed never caught up");
  }

  @Test
  void readsExactlyWhatTheCallerMayFromTheStartAcrossCursorsWithoutGapOrDuplicate()
      throws Exception {
    String enterprise = TestCodes.newCreditCode();
    String other = TestCodes.newCreditCode();
    String university = TestCodes.newInstitutionCode();
    String demand = ContractExamples.newId();
    List<CloudEvent> visible = new ArrayList<>();
    List<CloudEvent> invisible = new ArrayList<>();
    Consumer<ObjectNode> mine =
        d -> ((ObjectNode) d.get("enterprise")).put("creditCode", enterprise);
    Consumer<ObjectNode> theirs = d -> ((ObjectNode) d.get("enterprise")).put("creditCode", other);
    for (int i = 0; i < 5; i++) {
      visible.add(
          event("talent-demand-service", "qiao.demand.drafted.v1", ContractExamples.newId(), mine));
      invisible.add(
          event(
              "talent-demand-service", "qiao.demand.drafted.v1", ContractExamples.newId(), theirs));
    }
    visible.add(
        event(
            "talent-demand-service",
            "qiao.demand.published.v1",
            demand,
            mine.andThen(d -> d.put("demandId", demand))));
    visible.add(
        event(
            "talent-demand-service",
            "qiao.demand.closed.v1",
            demand,
            mine.andThen(d -> d.put("demandId", demand))));
    invisible.add(
        event(
            "talent-demand-service",
            "qiao.training-order.placed.v1",
            ContractExamples.newId(),
            theirs.andThen(d -> ((ArrayNode) d.get("targetUniversities")).add(university))));
    // Another enterprise's draft revised, its challenge and its order open to all: the API shows
    // an enterprise none of them.
    invisible.add(
        event(
            "talent-demand-service",
            "qiao.demand.revised.v1",
            ContractExamples.newId(),
            theirs.andThen(d -> d.putNull("publishedAt").put("status", "DRAFT"))));
    invisible.add(
        event(
            "talent-demand-service", "qiao.challenge.posted.v1", ContractExamples.newId(), theirs));
    invisible.add(
        event(
            "talent-demand-service",
            "qiao.training-order.placed.v1",
            ContractExamples.newId(),
            theirs));
    invisible.add(Events.profile().event());
    for (CloudEvent e : visible) {
      TestProducer.send(Events.TALENT_DEMAND, e);
    }
    for (CloudEvent e : invisible) {
      TestProducer.send(
          e.type().startsWith("qiao.student") ? Events.CURRICULUM : Events.TALENT_DEMAND, e);
    }
    String token = TestJwt.token("enterprise", enterprise);
    List<String> cursors = new ArrayList<>();
    List<JsonNode> all = readAll(token, "/api/v1/events?limit=2", cursors);
    assertTrue(cursors.size() > 2, "several pages");

    List<String> ids = all.stream().map(e -> e.get("id").asText()).toList();
    // Other tests send some events twice on purpose (consumers' dedupe); this test's are each once.
    for (CloudEvent e : visible) {
      assertEquals(1, ids.stream().filter(e.id()::equals).count(), "once: " + e.type());
    }
    for (JsonNode e : all) {
      assertTrue(
          PartnerAudience.of(e.get("type").asText(), e.get("data"), id -> Optional.empty())
              .admits(PartnerRole.ENTERPRISE, enterprise),
          e.get("type").asText() + " is not the caller's to read");
    }
    for (CloudEvent e : visible) {
      assertTrue(ids.contains(e.id()), "missing " + e.type());
    }
    for (CloudEvent e : invisible) {
      assertTrue(!ids.contains(e.id()), "must not see " + e.type());
    }
    int published = ids.indexOf(visible.get(5).id());
    int closed = ids.indexOf(visible.get(6).id());
    assertTrue(published < closed, "one demand's events in order");

    // Caught up: the last cursor answers an empty page, and later events from there, once each.
    String last = cursors.get(cursors.size() - 1);
    CloudEvent later =
        event("talent-demand-service", "qiao.demand.drafted.v1", ContractExamples.newId(), mine);
    TestProducer.send(Events.TALENT_DEMAND, later);
    List<JsonNode> after = new ArrayList<>();
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(
            () -> {
              after.clear();
              after.addAll(readAll(token, "/api/v1/events?after=" + last, new ArrayList<>()));
              return after.stream().anyMatch(e -> e.get("id").asText().equals(later.id()));
            });
    assertEquals(1, after.stream().filter(e -> e.get("id").asText().equals(later.id())).count());
    assertTrue(after.stream().noneMatch(e -> ids.contains(e.get("id").asText())));

    // Only the types asked for.
    List<JsonNode> typed =
        readAll(
            token,
            "/api/v1/events?types=qiao.demand.published.v1,qiao.demand.closed.v1&limit=500",
            new ArrayList<>());
    assertTrue(
        typed.stream()
            .allMatch(
                e -> e.get("type").asText().matches("qiao\\.demand\\.(published|closed)\\.v1")));
    assertTrue(typed.stream().anyMatch(e -> e.get("id").asText().equals(visible.get(6).id())));
  }

  @Test
  void aCursorOlderThanTheTopicsKeepAnswers410WithTheOldest() throws Exception {
    // Records the consumer is long past are deleted from one partition, as retention would.
    String topic = Events.INTERNSHIP;
    TestProducer.sendToPartition(
        topic, 0, Events.internshipCompleted(Events.newStudentId(), "Java"));
    TopicPartition tp = new TopicPartition(topic, 0);
    long end;
    try (Admin admin = KafkaClients.admin(messaging.bootstrapServers())) {
      end =
          admin
              .listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()))
              .partitionResult(tp)
              .get()
              .offset();
      admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(end))).all().get();
    }
    String stale = FeedCursor.START.with(Map.of(FeedCursor.key(topic, 0), end - 1)).encode();
    Response r =
        given()
            .auth()
            .oauth2(TestJwt.token("university", TestCodes.newInstitutionCode()))
            .get("/api/v1/events?after=" + stale);
    r.then().statusCode(410).contentType("application/problem+json").body("status", equalTo(410));
    String first = r.header("Link");
    assertTrue(first.contains("rel=\"first\""), first);
    String oldest = first.replaceFirst(".*[?&]after=([^&>]+).*", "$1");
    assertEquals(end, FeedCursor.decode(oldest).orElseThrow().offset(topic, 0).orElseThrow());
    given()
        .auth()
        .oauth2(TestJwt.token("university", TestCodes.newInstitutionCode()))
        .get("/api/v1/events?limit=1&after=" + oldest)
        .then()
        .statusCode(200);
  }

  @Test
  void badInputIsNamed() {
    String token = TestJwt.token("government", "GOV-310000");
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/events?after=nonsense")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("after"));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/events?types=qiao.student.*")
        .then()
        .statusCode(400)
        .body("errors[0].field", startsWith("types"));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/events?limit=501")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
    given()
        .auth()
        .oauth2(TestJwt.token("student", TestCodes.newInstitutionCode(), Events.newStudentId()))
        .get("/api/v1/events")
        .then()
        .statusCode(403);
  }
}
