package org.qiao.kit.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.TestJwt;

/** Input that cannot crash: control characters, broken Unicode, huge and deep bodies. */
@QuarkusTest
class InputGuardTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject PingDatabase db;

  private static RequestSpecification asEnterprise() {
    return given()
        .auth()
        .oauth2(TestJwt.token("enterprise", "org-guard"))
        .contentType(ContentType.JSON);
  }

  /** Sends a body as raw bytes, so the JSON escapes reach the server exactly as written. */
  private static io.restassured.response.ValidatableResponse post(String json) {
    return asEnterprise()
        .body(json.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/pings")
        .then()
        .contentType(PROBLEM);
  }

  @Test
  void nulInABodyStringIs400NamingTheFieldAndStoresNothing() {
    long before = db.pings();
    post("{\"label\":\"a\\u0000b\"}")
        .statusCode(400)
        .body(
            "errors.field",
            hasItem("label"),
            "errors.message",
            hasItem("must not contain U+0000 (NUL)"));
    assertEquals(before, db.pings());
  }

  @Test
  void nulInsideAnArrayElementIsNamedWithItsPath() {
    post("{\"label\":\"ok\",\"tags\":[{\"name\":\"x\"},{\"name\":\"\\u0000\"}]}")
        .statusCode(400)
        .body("errors.field", hasItem("tags[1].name"));
  }

  @Test
  void loneHighOrLowSurrogateIs400AndStoresNothing() {
    long before = db.pings();
    post("{\"label\":\"\\ud800\"}").statusCode(400).body("errors.field", hasItem("label"));
    post("{\"label\":\"x\\udc00y\"}").statusCode(400).body("errors.field", hasItem("label"));
    post("{\"label\":\"\\ud800\\ud800\"}").statusCode(400).body("errors.field", hasItem("label"));
    assertEquals(before, db.pings());
  }

  @Test
  void aProperSurrogatePairIsText() {
    // U+20BB7 𠮷, a CJK character outside the BMP, written as an escaped pair.
    asEnterprise()
        .body("{\"label\":\"\\ud842\\udfb7\"}".getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/pings")
        .then()
        .statusCode(200)
        .body("label", equalTo("\uD842\uDFB7"));
  }

  @Test
  void nulInAPathParameterIs400NamingIt() {
    asEnterprise()
        .urlEncodingEnabled(false)
        .get("/api/v1/pings/a%00b")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("label"));
  }

  @Test
  void nulInAQueryParameterIs400NamingIt() {
    asEnterprise()
        .urlEncodingEnabled(false)
        .get("/api/v1/pings/a?prefix=%00")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("prefix"));
  }

  @Test
  void percentEncodedBytesThatAreNotUtf8Are400() {
    // %ED%A0%80 encodes a surrogate; decoding would quietly turn it into U+FFFD.
    asEnterprise()
        .urlEncodingEnabled(false)
        .get("/api/v1/pings/a?prefix=%ED%A0%80")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("prefix"));
  }

  @Test
  void trailingGarbageAfterTheDocumentIs400() {
    post("{\"label\":\"x\"} x").statusCode(400);
  }

  @Test
  void aBodyWithoutContentTypeIs415() throws Exception {
    // java.net.http adds no Content-Type of its own (rest-assured would).
    var request =
        HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/pings"))
            .header("Authorization", "Bearer " + TestJwt.token("enterprise", "org-guard"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"x\"}"))
            .build();
    var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(415, response.statusCode());
    assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void bodyOverTheLimitIs413Problem() {
    long before = db.pings();
    String big = "{\"label\":\"" + "x".repeat(1024 * 1024 + 1) + "\"}";
    asEnterprise()
        .body(big.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/pings")
        .then()
        .statusCode(413)
        .contentType(PROBLEM)
        .body("status", equalTo(413), "type", equalTo("urn:qiao:problem:content-too-large"));
    assertEquals(before, db.pings());
  }

  @Test
  void chunkedBodyOverTheLimitIs413Problem() {
    String big = "{\"label\":\"" + "x".repeat(1024 * 1024 + 1) + "\"}";
    // A stream of unknown length goes out chunked, without Content-Length.
    asEnterprise()
        .body(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))
        .post("/api/v1/pings")
        .then()
        .statusCode(413)
        .contentType(PROBLEM);
  }

  @Test
  void deeplyNestedJsonIs400WithoutExhaustingTheStack() {
    String inField = "{\"label\":\"x\",\"tags\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    post(inField).statusCode(400).body("status", equalTo(400));
    String atRoot = "[".repeat(100_000) + "]".repeat(100_000);
    post(atRoot).statusCode(400).body("status", equalTo(400));
    // The service is still healthy afterwards.
    asEnterprise().body("{\"label\":\"after-deep\"}").post("/api/v1/pings").then().statusCode(200);
  }
}
