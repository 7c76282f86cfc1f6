package org.qiao.kit.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.TestJwt;

@QuarkusTest
class ProblemResponseTest {

  private static final String PROBLEM = "application/problem+json";

  private static RequestSpecification asEnterprise() {
    return given()
        .auth()
        .oauth2(TestJwt.token("enterprise", "org-1"))
        .contentType(ContentType.JSON);
  }

  @Test
  void missingTokenIs401Problem() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("label", "x"))
        .post("/api/v1/pings")
        .then()
        .statusCode(401)
        .contentType(PROBLEM)
        .header("WWW-Authenticate", "Bearer")
        .body("status", equalTo(401), "type", equalTo("urn:qiao:problem:unauthorized"));
  }

  @Test
  void tokenSignedByUntrustedKeyIs401Problem() {
    given()
        .auth()
        .oauth2(TestJwt.foreignToken("enterprise", "org-1"))
        .contentType(ContentType.JSON)
        .body(Map.of("label", "x"))
        .post("/api/v1/pings")
        .then()
        .statusCode(401)
        .contentType(PROBLEM);
  }

  @Test
  void wrongRoleIs403Problem() {
    given()
        .auth()
        .oauth2(TestJwt.token("university", "4131010246"))
        .contentType(ContentType.JSON)
        .body(Map.of("label", "x"))
        .post("/api/v1/pings")
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("status", equalTo(403));
  }

  @Test
  void malformedJsonIs400Problem() {
    asEnterprise()
        .body("{\"label\": ")
        .post("/api/v1/pings")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:qiao:problem:validation"));
  }

  @Test
  void wrongTypeIs400NamingTheField() {
    asEnterprise()
        .body("{\"label\": \"x\", \"level\": \"high\"}")
        .post("/api/v1/pings")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("level"));
  }

  @Test
  void unknownFieldIs400NamingTheField() {
    asEnterprise()
        .body("{\"label\": \"x\", \"colour\": \"red\"}")
        .post("/api/v1/pings")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("colour"));
  }

  @Test
  void invalidFieldsAreEachNamed() {
    asEnterprise()
        .body("{\"label\": \" \", \"level\": 9, \"tags\": [{\"name\": \"\"}]}")
        .post("/api/v1/pings")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("label"))
        .body("errors.field", hasItem("level"))
        .body("errors.field", hasItem("tags[0].name"));
  }

  @Test
  void missingBodyIs400() {
    asEnterprise().post("/api/v1/pings").then().statusCode(400).contentType(PROBLEM);
  }

  @Test
  void unsupportedMediaTypeIs415Problem() {
    asEnterprise()
        .contentType(ContentType.TEXT)
        .body("label=x")
        .post("/api/v1/pings")
        .then()
        .statusCode(415)
        .contentType(PROBLEM);
  }

  @Test
  void unknownPathIs404Problem() {
    asEnterprise().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
  }

  @Test
  void domainConflictIs409Problem() {
    asEnterprise()
        .body(Map.of("label", "conflict"))
        .post("/api/v1/pings")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("detail", containsString("taken"));
  }
}
