package org.qiao.talentdemand.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qiao.talentdemand.support.Bodies.aDemand;
import static org.qiao.talentdemand.support.Bodies.today;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.EventTap;
import org.qiao.talentdemand.service.DemandService;
import org.qiao.talentdemand.support.Api;

@QuarkusTest
class DemandResourceTest {

  private static final String PROBLEM = "application/problem+json";
  private static final String TOPIC = "qiao.talent-demand.events";

  @Inject DemandService demandService;
  @Inject org.qiao.talentdemand.service.ExpiryJob expiryJob;

  @Test
  void createdDemandIsPublishedWithLocationAndETag() {
    Api.Org org = Api.enterprise();
    ExtractableResponse<Response> created =
        org.call()
            .body(aDemand().build())
            .post("/api/v1/demands")
            .then()
            .statusCode(201)
            .header("ETag", equalTo("\"0\""))
            .body("status", equalTo("PUBLISHED"), "enterpriseId", equalTo(org.id()))
            .extract();
    String id = created.path("id");
    assertTrue(created.header("Location").endsWith("/api/v1/demands/" + id));
    given()
        .auth()
        .oauth2(Api.university().token())
        .get("/api/v1/demands/{id}", id)
        .then()
        .statusCode(200)
        .body("skills[0].name", equalTo("Verilog"));
  }

  @Test
  void unregisteredEnterpriseMustRegisterFirst() {
    Api.unregisteredEnterprise()
        .call()
        .body(aDemand().build())
        .post("/api/v1/demands")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("detail", containsString("Register your enterprise"));
  }

  @Test
  void draftIsVisibleOnlyToItsEnterprise() {
    Api.Org owner = Api.enterprise();
    String id = Api.create(owner, "/api/v1/demands", aDemand().with("publish", false).build());
    owner
        .call()
        .get("/api/v1/demands/{id}", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"));
    Api.enterprise()
        .call()
        .get("/api/v1/demands/{id}", id)
        .then()
        .statusCode(404)
        .contentType(PROBLEM);
    Api.university().call().get("/api/v1/demands/{id}", id).then().statusCode(404);
    Api.government().call().get("/api/v1/demands/{id}", id).then().statusCode(404);
    Api.enterprise()
        .call()
        .queryParam("enterpriseId", owner.id())
        .get("/api/v1/demands")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
  }

  @Test
  void aDraftClosedUnpublishedStaysPrivate() {
    Api.Org owner = Api.enterprise();
    String id = Api.create(owner, "/api/v1/demands", aDemand().with("publish", false).build());
    owner
        .ifMatch("/api/v1/demands/" + id)
        .post("/api/v1/demands/" + id + "/closure")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"));
    Api.enterprise().call().get("/api/v1/demands/{id}", id).then().statusCode(404);
    Api.government()
        .call()
        .queryParam("enterpriseId", owner.id())
        .get("/api/v1/demands")
        .then()
        .body("$", hasSize(0));
    owner.call().get("/api/v1/demands/{id}", id).then().statusCode(200);
  }

  @Test
  void expiryJobWorksThroughEveryBatch() {
    Api.Org owner = Api.enterprise();
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          Api.create(
              owner,
              "/api/v1/demands",
              aDemand().with("validThrough", today().plusDays(1).toString()).build()));
    }
    assertTrue(
        expiryJob.runOnce(today().plusDays(2)) >= 3,
        "batch size 2 in tests: three need two batches");
    for (String id : ids) {
      owner.call().get("/api/v1/demands/{id}", id).then().body("status", equalTo("EXPIRED"));
    }
  }

  @Test
  void implausibleDatesAreNamed() {
    Api.enterprise()
        .call()
        .body(aDemand().with("validThrough", "+10000-01-01").build())
        .post("/api/v1/demands")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("validThrough"));
    Api.enterprise()
        .call()
        .body(aDemand().with("startDate", "1900-01-01").build())
        .post("/api/v1/demands")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("startDate"));
  }

  @Test
  void lifecycleThroughTheApi() {
    Api.Org owner = Api.enterprise();
    String id =
        Api.create(
            owner,
            "/api/v1/demands",
            aDemand().with("publish", false).with("headcount", 2).build());
    String path = "/api/v1/demands/" + id;
    owner.call().post(path + "/publication").then().statusCode(428).contentType(PROBLEM);
    owner
        .ifMatch(path)
        .post(path + "/publication")
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"));
    owner.ifMatch(path).post(path + "/publication").then().statusCode(409).contentType(PROBLEM);
    owner
        .ifMatch(path)
        .body(Map.of("count", 1))
        .post(path + "/hires")
        .then()
        .statusCode(200)
        .body("filledCount", equalTo(1));
    owner.ifMatch(path).body(Map.of("count", 2)).post(path + "/hires").then().statusCode(409);
    owner
        .ifMatch(path)
        .body(Map.of("count", 1))
        .post(path + "/hires")
        .then()
        .statusCode(200)
        .body("status", equalTo("FILLED"));
    owner.ifMatch(path).post(path + "/closure").then().statusCode(409);
  }

  @Test
  void reviseNeedsIfMatchRejectsStaleAndMovesTheETag() {
    Api.Org owner = Api.enterprise();
    String id = Api.create(owner, "/api/v1/demands", aDemand().build());
    String path = "/api/v1/demands/" + id;
    owner.call().body(aDemand().build()).put(path).then().statusCode(428).contentType(PROBLEM);
    owner
        .call()
        .header("If-Match", "\"0\"")
        .body(aDemand().with("title", "新标题").build())
        .put(path)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"1\""))
        .body("title", equalTo("新标题"), "status", equalTo("PUBLISHED"));
    owner
        .call()
        .header("If-Match", "\"0\"")
        .body(aDemand().with("title", "覆盖").build())
        .put(path)
        .then()
        .statusCode(412)
        .contentType(PROBLEM);
    owner
        .call()
        .header("If-Match", "\"0\"")
        .post(path + "/closure")
        .then()
        .statusCode(412)
        .contentType(PROBLEM);
    owner.call().get(path).then().body("title", equalTo("新标题"), "status", equalTo("PUBLISHED"));
    owner
        .call()
        .header("If-Match", "\"1\"")
        .body(aDemand().with("publish", true).build())
        .put(path)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("publish"));
  }

  @Test
  void sameIdempotencyKeyAndBodyReplaysTheFirstResponse() {
    Api.Org owner = Api.enterprise();
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = aDemand().with("title", "幂等").build();
    ExtractableResponse<Response> first =
        owner
            .call()
            .header("Idempotency-Key", key)
            .body(body)
            .post("/api/v1/demands")
            .then()
            .statusCode(201)
            .extract();
    ExtractableResponse<Response> second =
        owner
            .call()
            .header("Idempotency-Key", key)
            .body(body)
            .post("/api/v1/demands")
            .then()
            .statusCode(201)
            .extract();
    assertEquals(first.<String>path("id"), second.<String>path("id"));
    assertEquals(first.header("Location"), second.header("Location"));
    assertEquals("true", second.header("Idempotent-Replayed"));
    assertEquals(first.header("ETag"), second.header("ETag"));
    owner
        .call()
        .queryParam("enterpriseId", owner.id())
        .get("/api/v1/demands")
        .then()
        .body("$", hasSize(1));
  }

  @Test
  void sameIdempotencyKeyWithAnotherBodyIs422() {
    Api.Org owner = Api.enterprise();
    String key = UUID.randomUUID().toString();
    owner
        .call()
        .header("Idempotency-Key", key)
        .body(aDemand().build())
        .post("/api/v1/demands")
        .then()
        .statusCode(201);
    owner
        .call()
        .header("Idempotency-Key", key)
        .body(aDemand().with("headcount", 9).build())
        .post("/api/v1/demands")
        .then()
        .statusCode(422)
        .contentType(PROBLEM);
  }

  @Test
  void failedRequestStoresNothingUnderItsKey() {
    Api.Org owner = Api.enterprise();
    String key = UUID.randomUUID().toString();
    owner
        .call()
        .header("Idempotency-Key", key)
        .body(aDemand().with("validThrough", today().minusDays(1).toString()).build())
        .post("/api/v1/demands")
        .then()
        .statusCode(400);
    owner
        .call()
        .header("Idempotency-Key", key)
        .body(aDemand().build())
        .post("/api/v1/demands")
        .then()
        .statusCode(201);
  }

  @Test
  void searchFiltersAndPagesWithLinkHeaders() {
    Api.Org owner = Api.enterprise();
    String skill = "Skill-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      Api.create(
          owner,
          "/api/v1/demands",
          aDemand()
              .with("title", "岗位" + i)
              .with("skills", List.of(Map.of("name", skill, "essential", true, "level", 2)))
              .build());
    }
    Api.create(owner, "/api/v1/demands", aDemand().with("title", "other").build());

    Response page1 =
        Api.university()
            .call()
            .queryParam("skill", skill.toLowerCase())
            .queryParam("limit", 2)
            .get("/api/v1/demands");
    page1.then().statusCode(200).body("title", equalTo(List.of("岗位2", "岗位1")));
    String link = page1.header("Link");
    assertTrue(link.endsWith(">; rel=\"next\""), link);
    String next = link.substring(1, link.indexOf('>'));
    assertTrue(next.contains("skill=") && next.contains("limit=2"), next);
    Response page2 = Api.university().call().urlEncodingEnabled(false).get(next);
    page2.then().statusCode(200).body("title", equalTo(List.of("岗位0")));
    assertEquals(null, page2.header("Link"));

    Api.government()
        .call()
        .queryParam("enterpriseId", owner.id())
        .queryParam("occupationCode", "2-02-10-03")
        .queryParam("majorCode", "080704")
        .queryParam("city", "上海")
        .queryParam("status", "PUBLISHED")
        .get("/api/v1/demands")
        .then()
        .statusCode(200)
        .body("$", hasSize(4));
  }

  @Test
  void pageSizeIsCappedAndBadCursorNamed() {
    Api.Org any = Api.university();
    any.call()
        .queryParam("limit", 101)
        .get("/api/v1/demands")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("limit"));
    any.call()
        .queryParam("cursor", "x")
        .get("/api/v1/demands")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("cursor"));
    any.call()
        .queryParam("status", "NOPE")
        .get("/api/v1/demands")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("status"));
    any.call()
        .queryParam("limit", "abc")
        .get("/api/v1/demands")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("limit"));
    any.call()
        .queryParam("enterpriseId", "x")
        .get("/api/v1/demands")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("enterpriseId"));
    any.call()
        .queryParam("occupationCode", "2-2")
        .get("/api/v1/demands")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("occupationCode"));
  }

  @Test
  void expiresByItselfAfterValidThrough() {
    Api.Org owner = Api.enterprise();
    try (EventTap tap = EventTap.open(TOPIC)) {
      String id =
          Api.create(
              owner,
              "/api/v1/demands",
              aDemand().with("validThrough", today().plusDays(1).toString()).build());
      demandService.expireDue(today().plusDays(1), 1000);
      owner.call().get("/api/v1/demands/{id}", id).then().body("status", equalTo("PUBLISHED"));
      demandService.expireDue(today().plusDays(2), 1000);
      owner.call().get("/api/v1/demands/{id}", id).then().body("status", equalTo("EXPIRED"));
      CloudEvent expired =
          tap.awaitEvents(
                  e -> e.subject().equals(id) && e.type().equals("qiao.demand.expired.v1"),
                  1,
                  Duration.ofSeconds(10))
              .get(0);
      assertEquals("EXPIRED", expired.data().get("status").asText());
    }
  }

  @Test
  void invalidFieldsAreEachNamed() {
    Api.enterprise()
        .call()
        .body(
            aDemand()
                .with("headcount", 0)
                .with("occupationCode", "22021003")
                .with("majorCodes", List.of("0809"))
                .with("skills", List.of(Map.of("name", "Go", "essential", true, "level", 7)))
                .without("title")
                .build())
        .post("/api/v1/demands")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body(
            "errors.field",
            hasItems("headcount", "occupationCode", "majorCodes[0]", "skills[0].level", "title"));
  }

  @Test
  void domainRulesNameTheirField() {
    Api.Org owner = Api.enterprise();
    owner
        .call()
        .body(aDemand().with("salaryMin", 30000).with("salaryMax", 10000).build())
        .post("/api/v1/demands")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("salaryMax"));
    owner
        .call()
        .body(aDemand().with("validThrough", "2001-01-01").build())
        .post("/api/v1/demands")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("validThrough"));
    owner
        .call()
        .body(
            aDemand()
                .with(
                    "skills",
                    List.of(
                        Map.of("name", "Java", "essential", true, "level", 2),
                        Map.of("name", "JAVA", "essential", false, "level", 2)))
                .build())
        .post("/api/v1/demands")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("skills"));
  }

  @Test
  void templatesPrefillSkillsAndMajors() {
    Api.university()
        .call()
        .get("/api/v1/demand-templates/2-02-10-09")
        .then()
        .statusCode(200)
        .body("occupationName", equalTo("人工智能工程技术人员"))
        .body("essentialSkills.name", hasItem("机器学习"))
        .body("optionalSkills.name", hasItem("PyTorch"))
        .body("majorCodes", hasItem("080717T"));
    Api.university().call().get("/api/v1/demand-templates/8-99-99-99").then().statusCode(404);
    // Not an occupation code at all: refused naming the parameter, as the contract's pattern says.
    Api.university()
        .call()
        .get("/api/v1/demand-templates/9-99-99-99")
        .then()
        .statusCode(400)
        .body(org.hamcrest.Matchers.containsString("occupationCode"));
    Api.university()
        .call()
        .get("/api/v1/demand-templates")
        .then()
        .statusCode(200)
        .body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(8));
  }

  @Test
  void onlyAdminsEditTemplates() {
    Map<String, Object> template =
        Map.of(
            "occupationName",
            "测试职业",
            "industry",
            "软件",
            "skills",
            List.of(Map.of("name", "Go", "essential", true, "level", 3)),
            "majorCodes",
            List.of("080902"));
    Api.enterprise()
        .call()
        .body(template)
        .put("/api/v1/demand-templates/2-02-10-99")
        .then()
        .statusCode(403);
    new Api.Org("admin", null, org.qiao.kit.testing.TestJwt.token("admin", "qiao"))
        .call()
        .body(template)
        .put("/api/v1/demand-templates/2-02-10-99")
        .then()
        .statusCode(200)
        .body("essentialSkills[0].name", equalTo("Go"), "minimumDegree", nullValue());
  }
}
