package org.qiao.matching.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.TestJwt;
import org.qiao.kit.testing.TestProducer;

@QuarkusTest
class SkillResourceTest {

  private static final String TYPE = "qiao.demand.published.v1";

  @Test
  void autocompleteFindsSkillsByEitherLanguageAndAlias() {
    given()
        .auth()
        .oauth2(TestJwt.token("student", "4131010246", "sm4k2q7xz3h5n6p2r4t7v3w5y2a"))
        .queryParam("q", "ｐｙｔｏｒ")
        .get("/api/v1/skills")
        .then()
        .statusCode(200)
        .body("[0].code", equalTo("AI-PYTORCH"))
        .body("[0].zh", equalTo("PyTorch"));
    given()
        .auth()
        .oauth2(TestJwt.token("enterprise", "91350200MA31E12PXF"))
        .queryParam("q", "版图")
        .get("/api/v1/skills")
        .then()
        .statusCode(200)
        .body("code", hasItem("IC-LAYOUT"));
    given()
        .auth()
        .oauth2(TestJwt.token("enterprise", "91350200MA31E12PXF"))
        .queryParam("q", "java")
        .queryParam("limit", "0")
        .get("/api/v1/skills")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
  }

  @Test
  void namesNoSkillHasAreCountedForCuratorsOnly() {
    String odd = "量子纠错编码" + System.nanoTime() % 100000;
    // A published demand (the contract's example) naming one unknown and one known skill.
    ObjectNode data = ContractExamples.data(TYPE);
    data.put("demandId", UUID.randomUUID().toString());
    ArrayNode skills = data.putArray("skills");
    skills.addObject().put("name", odd).put("essential", true).put("level", 3);
    skills.addObject().put("name", "ｊａｖａ").put("essential", false).put("level", 2);
    TestProducer.send(
        "qiao.talent-demand.events",
        ContractExamples.event("talent-demand-service", TYPE, data.get("demandId").asText(), data));
    await().atMost(Duration.ofSeconds(20)).until(() -> unknownNames().contains(odd));
    // Known in any spelling: never reported.
    org.junit.jupiter.api.Assertions.assertFalse(unknownNames().contains("ｊａｖａ"));
    given()
        .auth()
        .oauth2(TestJwt.token("enterprise", "91350200MA31E12PXF"))
        .get("/api/v1/skills/unknown")
        .then()
        .statusCode(403);
  }

  private static java.util.List<String> unknownNames() {
    return JsonPath.from(
            given()
                .auth()
                .oauth2(TestJwt.token("admin", "qiao-ops"))
                .queryParam("limit", "100")
                .get("/api/v1/skills/unknown")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .getList("text");
  }
}
