package org.qiao.talentdemand.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qiao.talentdemand.rest.DemandRequestBuilder.aDemand;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventSchemas;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestJwt;

@QuarkusTest
class DemandResourceTest {

  private static final String TOPIC = "qiao.talent-demand.events";

  private static RequestSpecification as(String role, String org) {
    return given().auth().oauth2(TestJwt.token(role, org)).contentType(ContentType.JSON);
  }

  private static String anEnterprise() {
    return "org-" + UUID.randomUUID();
  }

  @Test
  void createdDemandIsPublishedAsEventWithAggregateKeyAndValidData() {
    String org = anEnterprise();
    try (EventTap tap = EventTap.open(TOPIC)) {
      var created =
          as("enterprise", org)
              .body(aDemand().build())
              .post("/api/v1/demands")
              .then()
              .statusCode(201)
              .body("status", equalTo("PUBLISHED"), "enterpriseId", equalTo(org))
              .extract();
      String id = created.path("id");
      assertTrue(created.header("Location").endsWith("/api/v1/demands/" + id));

      CloudEvent event =
          tap.awaitEvents(e -> e.subject().equals(id), 1, Duration.ofSeconds(10)).get(0);
      assertEquals("qiao.demand.published.v1", event.type());
      assertEquals("talent-demand-service", event.source());
      assertEquals(List.of(), EventSchemas.violations(event));
      assertEquals(org, event.data().get("enterpriseId").asText());
      assertEquals("Verilog", event.data().get("skills").get(0).get("name").asText());
    }
  }

  @Test
  void draftIsStoredWithoutEvent() {
    String org = anEnterprise();
    String id =
        as("enterprise", org)
            .body(aDemand().with("publish", false).build())
            .post("/api/v1/demands")
            .then()
            .statusCode(201)
            .body("status", equalTo("DRAFT"))
            .extract()
            .path("id");
    as("enterprise", org)
        .get("/api/v1/demands/{id}", id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
  }

  @Test
  void anotherEnterpriseCannotReadTheDemand() {
    String id =
        as("enterprise", anEnterprise())
            .body(aDemand().build())
            .post("/api/v1/demands")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("enterprise", anEnterprise())
        .get("/api/v1/demands/{id}", id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void withoutTokenIs401() {
    given()
        .contentType(ContentType.JSON)
        .body(aDemand().build())
        .post("/api/v1/demands")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void universityCannotCreateDemandsIs403() {
    as("university", "4131010246")
        .body(aDemand().build())
        .post("/api/v1/demands")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void invalidFieldsAreNamed() {
    as("enterprise", anEnterprise())
        .body(
            aDemand()
                .with("headcount", 0)
                .with("occupationCode", "22021003")
                .with("majorCodes", List.of("0809"))
                .with(
                    "skills",
                    List.of(java.util.Map.of("name", "Go", "essential", true, "level", 7)))
                .without("title")
                .build())
        .post("/api/v1/demands")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            hasItems("headcount", "occupationCode", "majorCodes[0]", "skills[0].level", "title"));
  }

  @Test
  void wrongTypeIs400NamingTheField() {
    as("enterprise", anEnterprise())
        .body(aDemand().with("headcount", "three").build())
        .post("/api/v1/demands")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("headcount"));
  }

  @Test
  void pastValidThroughIsRejected() {
    as("enterprise", anEnterprise())
        .body(aDemand().with("validThrough", "2001-01-01").build())
        .post("/api/v1/demands")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("validThrough"));
  }
}
