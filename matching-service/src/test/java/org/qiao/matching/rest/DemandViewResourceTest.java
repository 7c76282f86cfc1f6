package org.qiao.matching.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.InboxProbe;
import org.qiao.kit.testing.TestJwt;
import org.qiao.kit.testing.TestProducer;

@QuarkusTest
class DemandViewResourceTest {

  private static final String TOPIC = "qiao.talent-demand.events";
  private static final String TYPE = "qiao.demand.published.v1";

  private static ObjectNode demand(String id, String title, long version) {
    ObjectNode data = ContractExamples.data(TYPE);
    data.put("demandId", id).put("title", title).put("version", version);
    return data;
  }

  private static CloudEvent published(ObjectNode data) {
    return ContractExamples.event(
        "talent-demand-service", TYPE, data.get("demandId").asText(), data);
  }

  private static String titleSeenBy(String role, String id) {
    return given()
        .auth()
        .oauth2(TestJwt.token(role, "any-org"))
        .get("/api/v1/demands/{id}", id)
        .then()
        .extract()
        .path("title");
  }

  private static void awaitTitle(String id, String title) {
    await().atMost(Duration.ofSeconds(15)).until(() -> title.equals(titleSeenBy("government", id)));
  }

  @Test
  void publishedDemandEventBecomesReadableByAnyRole() {
    String id = ContractExamples.newId();
    TestProducer.send(TOPIC, published(demand(id, "芯片测试工程师", 0)));

    awaitTitle(id, "芯片测试工程师");
    for (String role : new String[] {"enterprise", "university", "mentor", "government", "admin"}) {
      given()
          .auth()
          .oauth2(TestJwt.token(role, "org"))
          .get("/api/v1/demands/{id}", id)
          .then()
          .statusCode(200)
          .body("id", equalTo(id), "occupationCode", equalTo("2-02-10-03"))
          .body("skills[0].name", equalTo("Verilog"), "skills[0].essential", equalTo(true));
    }
  }

  @Test
  void redeliveredEventChangesNothing() {
    String id = ContractExamples.newId();
    CloudEvent first = published(demand(id, "first title", 0));
    TestProducer.send(TOPIC, first);
    awaitTitle(id, "first title");

    TestProducer.send(TOPIC, published(demand(id, "second title", 1)));
    awaitTitle(id, "second title");

    // The first event again (same id): the inbox knows it, so the newer state stays.
    TestProducer.send(TOPIC, first);
    CloudEvent marker = published(demand(id, "second title", 1));
    TestProducer.send(TOPIC, marker);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> InboxProbe.processed("matching-service", marker.id()));
    assertEquals("second title", titleSeenBy("admin", id));
  }

  @Test
  void olderStateArrivingLateDoesNotOverwriteNewer() {
    String id = ContractExamples.newId();
    TestProducer.send(TOPIC, published(demand(id, "newer", 3)));
    awaitTitle(id, "newer");
    CloudEvent older = published(demand(id, "older", 2));
    TestProducer.send(TOPIC, older);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> InboxProbe.processed("matching-service", older.id()));
    assertEquals("newer", titleSeenBy("admin", id));
  }

  @Test
  void draftsNeverBecomeVisible() {
    String id = ContractExamples.newId();
    ObjectNode draft = demand(id, "草稿", 0).put("status", "DRAFT");
    draft.putNull("publishedAt");
    CloudEvent drafted =
        ContractExamples.event("talent-demand-service", "qiao.demand.drafted.v1", id, draft);
    TestProducer.send(TOPIC, drafted);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> InboxProbe.processed("matching-service", drafted.id()));
    given()
        .auth()
        .oauth2(TestJwt.token("government", "gov"))
        .get("/api/v1/demands/{id}", id)
        .then()
        .statusCode(404);
  }

  @Test
  void aDraftClosedWithoutPublishingNeverBecomesVisible() {
    String id = ContractExamples.newId();
    ObjectNode closed = demand(id, "未发布", 1).put("status", "CLOSED");
    closed.putNull("publishedAt");
    CloudEvent event =
        ContractExamples.event("talent-demand-service", "qiao.demand.closed.v1", id, closed);
    TestProducer.send(TOPIC, event);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> InboxProbe.processed("matching-service", event.id()));
    given()
        .auth()
        .oauth2(TestJwt.token("admin", "qiao"))
        .get("/api/v1/demands/{id}", id)
        .then()
        .statusCode(404);
  }

  @Test
  void laterStatusChangesReachTheView() {
    String id = ContractExamples.newId();
    TestProducer.send(TOPIC, published(demand(id, "在招", 1)));
    awaitTitle(id, "在招");
    ObjectNode closed = demand(id, "在招", 2).put("status", "CLOSED");
    TestProducer.send(
        TOPIC,
        ContractExamples.event("talent-demand-service", "qiao.demand.closed.v1", id, closed));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                "CLOSED"
                    .equals(
                        given()
                            .auth()
                            .oauth2(TestJwt.token("university", "u"))
                            .get("/api/v1/demands/{id}", id)
                            .then()
                            .extract()
                            .path("status")));
  }

  @Test
  void unknownDemandIs404Problem() {
    given()
        .auth()
        .oauth2(TestJwt.token("government", "gov"))
        .get("/api/v1/demands/{id}", ContractExamples.newId())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void withoutTokenIs401() {
    given().get("/api/v1/demands/{id}", ContractExamples.newId()).then().statusCode(401);
  }

  @Test
  void malformedIdIs404NotServerError() {
    given()
        .auth()
        .oauth2(TestJwt.token("government", "gov"))
        .get("/api/v1/demands/not-a-uuid")
        .then()
        .statusCode(404);
  }
}
