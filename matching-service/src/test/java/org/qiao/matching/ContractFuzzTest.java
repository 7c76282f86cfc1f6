package org.qiao.matching;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.ContractFuzz;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;
import org.qiao.matching.support.Events;

/** Every operation of the committed contract refuses malformed input cleanly and stores nothing. */
@QuarkusTest
class ContractFuzzTest {

  @Test
  void everyOperationRefusesMalformedInput() throws Exception {
    // A published demand and order of one enterprise, and a student of one institution (from
    // events, as matching-service learns them), so each valid request reads something real.
    Events.Demand demand = Events.demand();
    String institution = TestCodes.newInstitutionCode();
    Events.Profile student = Events.profile().institution(institution);
    String order = ContractExamples.newId();
    Events.deliver(Events.TALENT_DEMAND, demand.event());
    Events.deliver(
        Events.TALENT_DEMAND,
        Events.trainingOrder(order, demand.enterpriseCode, List.of("080901"), 10, "Java"));
    Events.deliver(Events.CURRICULUM, student.event());
    // A webhook subscription of the enterprise, to a port nothing listens on (127.0.0.1 is the
    // allowlisted host of the tests): the dispatcher's attempts change no other table.
    String hook = "http://127.0.0.1:9/qiao-hooks";
    String subscription =
        given()
            .auth()
            .oauth2(TestJwt.token("enterprise", demand.enterpriseCode))
            .contentType(ContentType.JSON)
            .body(Map.of("url", hook, "eventTypes", List.of("qiao.demand.*")))
            .post("/api/v1/webhook-subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // The read model is written by the event consumer in the background, never by requests.
    ContractFuzz.ofCommittedContract()
        .ignoringTables(
            "inbox_event",
            "demand_view",
            // Written by the webhook pump and dispatcher in the background.
            "webhook_subscription",
            "webhook_event",
            "webhook_message",
            "webhook_delivery",
            "partner_pump")
        .withValue("url", hook)
        .actingFor(demand.enterpriseCode)
        .actingAs("university", TestJwt.token("university", institution))
        .actingAs("student", TestJwt.token("student", institution, student.id))
        .owning("/api/v1/demands", demand.id)
        .owning("/api/v1/training-orders", order)
        .owning("/api/v1/institutions", institution)
        .owning("/api/v1/students", student.id)
        .owning("/api/v1/webhook-subscriptions", subscription)
        // One of eventId and since: the valid request redelivers since a time.
        .forOperation("redeliverWebhookEvents", f -> f.omitting("eventId"))
        .expectingRefusedExtreme(
            "createWebhookSubscription",
            "eventTypes maxItems",
            "each item must be an event type a partner may read; varied items are not")
        .expectingRefusedExtreme(
            "updateWebhookSubscription",
            "eventTypes maxItems",
            "each item must be an event type a partner may read; varied items are not")
        .expectingRefusedExtreme(
            "readEventFeed",
            "after maxLength",
            "a cursor is one the feed gave, not any text of that length")
        .expectingRefusedExtreme(
            "readEventFeed",
            "types maxLength",
            "the text must name event types a partner may read, not any text of that length")
        .assertEveryOperationRefusesMalformedInput();
  }
}
