package org.qiao.talentdemand.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.qiao.talentdemand.support.Bodies.aProfile;
import static org.qiao.talentdemand.support.Bodies.anEnterprise;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.TestJwt;
import org.qiao.talentdemand.support.Api;

@QuarkusTest
class EnterpriseResourceTest {

  private static final String PROBLEM = "application/problem+json";

  @Test
  void registersTheCallersEnterpriseWithDivisionFromTheCode() {
    Api.Org org = Api.unregisteredEnterprise();
    org.call()
        .body(anEnterprise(org.code()).build())
        .post("/api/v1/enterprises")
        .then()
        .statusCode(201)
        .header("ETag", equalTo("\"0\""))
        .body("creditCode", equalTo(org.code()))
        .body("divisionCode", equalTo("310115"))
        .body("province", equalTo("上海市"));
  }

  @Test
  void realCodeFromTheNotesIsAccepted() {
    String code = "913502000728319549";
    new Api.Org(code, null, TestJwt.token("enterprise", code))
        .call()
        .body(anEnterprise(code).build())
        .post("/api/v1/enterprises")
        .then()
        .statusCode(201)
        .body("province", equalTo("福建省"));
  }

  @Test
  void invalidCreditCodeIs400NamingTheFieldAndWhy() {
    Api.Org org = Api.unregisteredEnterprise();
    String mistyped = org.code().substring(0, 17) + (org.code().charAt(17) == '0' ? '1' : '0');
    org.call()
        .body(anEnterprise(mistyped).build())
        .post("/api/v1/enterprises")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("creditCode"))
        .body("errors[0].message", containsString("check character"));
  }

  @Test
  void legacyRegistrationNumberIsRejectedWithItsReason() {
    Api.Org org = Api.unregisteredEnterprise();
    org.call()
        .body(anEnterprise("310115000123456").build())
        .post("/api/v1/enterprises")
        .then()
        .statusCode(400)
        .body("errors[0].message", containsString("credit code is required"));
  }

  @Test
  void anotherOrganisationsCodeCannotBeRegistered() {
    Api.Org org = Api.unregisteredEnterprise();
    org.call()
        .body(anEnterprise(Api.newCreditCode()).build())
        .post("/api/v1/enterprises")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
  }

  @Test
  void theCallerFindsItsOwnEnterpriseAndOnlyThat() {
    Api.Org org = Api.unregisteredEnterprise();
    org.call().get("/api/v1/enterprises/mine").then().statusCode(404).contentType(PROBLEM);
    String id =
        org.call()
            .body(anEnterprise(org.code()).build())
            .post("/api/v1/enterprises")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    org.call()
        .get("/api/v1/enterprises/mine")
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"0\""))
        .body("id", equalTo(id))
        .body("creditCode", equalTo(org.code()));
    Api.Org other = Api.enterprise();
    other
        .call()
        .get("/api/v1/enterprises/mine")
        .then()
        .statusCode(200)
        .body("id", not(equalTo(id)));
    new Api.Org("gov-sh", null, TestJwt.token("government", "gov-sh"))
        .call()
        .get("/api/v1/enterprises/mine")
        .then()
        .statusCode(403);
  }

  @Test
  void oneEnterprisePerCode() {
    Api.Org org = Api.enterprise();
    org.call()
        .body(anEnterprise(org.code()).build())
        .post("/api/v1/enterprises")
        .then()
        .statusCode(409)
        .contentType(PROBLEM);
  }

  @Test
  void updateNeedsIfMatchAndRejectsAStaleOne() {
    Api.Org org = Api.enterprise();
    String path = "/api/v1/enterprises/" + org.id();
    org.call().body(aProfile().build()).put(path).then().statusCode(428).contentType(PROBLEM);
    org.call()
        .header("If-Match", "\"0\"")
        .body(aProfile().with("name", "新名称有限公司").build())
        .put(path)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"1\""))
        .body("name", equalTo("新名称有限公司"));
    org.call()
        .header("If-Match", "\"0\"")
        .body(aProfile().build())
        .put(path)
        .then()
        .statusCode(412)
        .contentType(PROBLEM);
    org.call().get(path).then().statusCode(200).body("name", equalTo("新名称有限公司"));
  }

  @Test
  void invalidProfileFieldsAreNamed() {
    Api.Org org = Api.unregisteredEnterprise();
    org.call()
        .body(
            anEnterprise(org.code())
                .with("profile", aProfile().with("sizeClass", "HUGE").build())
                .build())
        .post("/api/v1/enterprises")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("profile.sizeClass"));
    org.call()
        .body(
            anEnterprise(org.code())
                .with(
                    "profile",
                    aProfile().with("contactEmail", "not-an-email").without("name").build())
                .build())
        .post("/api/v1/enterprises")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("profile.contactEmail"))
        .body("errors.field", hasItem("profile.name"));
  }
}
