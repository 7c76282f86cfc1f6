package org.qiao.curriculum.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.kit.testing.TestCaller;
import org.qiao.kit.testing.TestJwt;

@QuarkusTest
class InstitutionResourceTest {

  private static Map<String, Object> registration(String field, String code, String kind) {
    return Map.of(field, code, "profile", Map.of("name", "上海某大学", "kind", kind, "city", "上海"));
  }

  @Test
  void aUniversityRegistersWithItsInstitutionCodeAndUpdatesItsProfile() {
    TestCaller u = Api.unregisteredUniversity();
    String id =
        u.call()
            .body(registration("institutionCode", u.code(), "UNDERGRADUATE"))
            .post("/api/v1/institutions")
            .then()
            .statusCode(201)
            .header("ETag", "\"0\"")
            .body("code", equalTo(u.code()))
            .body("codeKind", equalTo("INSTITUTION_CODE"))
            .extract()
            .path("id");
    u.ifMatch("/api/v1/institutions/" + id)
        .body(Map.of("name", "上海某大学", "kind", "UNDERGRADUATE", "city", "上海市"))
        .put("/api/v1/institutions/{id}", id)
        .then()
        .statusCode(200)
        .body("city", equalTo("上海市"))
        .body("version", equalTo(1));
  }

  @Test
  void aUniversityFindsItsOwnInstitutionAndOnlyThat() {
    TestCaller u = Api.unregisteredUniversity();
    u.call().get("/api/v1/institutions/mine").then().statusCode(404);
    String id =
        u.call()
            .body(registration("institutionCode", u.code(), "UNDERGRADUATE"))
            .post("/api/v1/institutions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    u.call()
        .get("/api/v1/institutions/mine")
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("id", equalTo(id))
        .body("code", equalTo(u.code()));
    Api.unregisteredUniversity().call().get("/api/v1/institutions/mine").then().statusCode(404);
    new TestCaller("gov-sh", null, TestJwt.token("government", "gov-sh"))
        .call()
        .get("/api/v1/institutions/mine")
        .then()
        .statusCode(403);
  }

  @Test
  void aMalformedInstitutionCodeIsA400NamingTheFieldAndTheReason() {
    String bad = "4191010246";
    TestCaller u = new TestCaller(bad, null, TestJwt.token("university", bad));
    u.call()
        .body(registration("institutionCode", bad, "UNDERGRADUATE"))
        .post("/api/v1/institutions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("institutionCode"))
        .body("errors[0].message", containsString("provincial division code"));
  }

  @Test
  void aTrainingProviderMayRegisterByCreditCodeButAUniversityMayNot() {
    TestCaller provider = Api.trainingProvider();
    provider
        .call()
        .get("/api/v1/institutions/{id}", provider.id())
        .then()
        .statusCode(200)
        .body("codeKind", equalTo("CREDIT_CODE"))
        .body("kind", equalTo("TRAINING_PROVIDER"));

    TestCaller other = Api.enterprise();
    TestCaller asUniversity =
        new TestCaller(other.code(), null, TestJwt.token("university", other.code()));
    asUniversity
        .call()
        .body(registration("creditCode", other.code(), "UNDERGRADUATE"))
        .post("/api/v1/institutions")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("creditCode"));
  }

  @Test
  void onlyTheCodeInTheTokenCanBeRegisteredAndOnlyOnce() {
    TestCaller u = Api.university();
    TestCaller other = Api.unregisteredUniversity();
    other
        .call()
        .body(registration("institutionCode", u.code(), "UNDERGRADUATE"))
        .post("/api/v1/institutions")
        .then()
        .statusCode(403);
    u.call()
        .body(registration("institutionCode", u.code(), "UNDERGRADUATE"))
        .post("/api/v1/institutions")
        .then()
        .statusCode(409);
  }
}
