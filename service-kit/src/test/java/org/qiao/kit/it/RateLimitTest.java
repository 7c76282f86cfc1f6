package org.qiao.kit.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.TestJwt;

@QuarkusTest
@TestProfile(RateLimitTest.LowQuota.class)
class RateLimitTest {

  /** Three requests a minute per caller, six for the government role. */
  public static class LowQuota implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "qiao.http.rate-limit.enabled", "true",
          "qiao.http.rate-limit.requests", "3",
          "qiao.http.rate-limit.roles.government", "6",
          "qiao.http.rate-limit.anonymous-requests", "2",
          "qiao.http.rate-limit.window", "1M");
    }
  }

  private static io.restassured.response.Response get(String token) {
    var request = given().contentType(ContentType.JSON);
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    return request.get("/api/v1/pings/rate");
  }

  @Test
  void overTheQuotaIs429ProblemWithRetryAfterAndRateLimitHeaders() {
    String token = TestJwt.token("enterprise", "org-rate-1");
    for (int i = 2; i >= 0; i--) {
      get(token)
          .then()
          .statusCode(200)
          .header("RateLimit-Policy", "\"default\";q=3;w=60")
          .header("RateLimit", matchesPattern("\"default\";r=" + i + ";t=\\d+"));
    }
    get(token)
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", matchesPattern("[1-9]\\d*"))
        .header("RateLimit", matchesPattern("\"default\";r=0;t=\\d+"))
        .header("RateLimit-Policy", notNullValue())
        .body("status", equalTo(429), "type", equalTo("urn:qiao:problem:too-many-requests"));
  }

  @Test
  void eachOrganisationHasItsOwnQuota() {
    String first = TestJwt.token("enterprise", "org-rate-2");
    for (int i = 0; i < 3; i++) {
      get(first).then().statusCode(200);
    }
    get(first).then().statusCode(429);
    get(TestJwt.token("enterprise", "org-rate-3")).then().statusCode(200);
  }

  @Test
  void aRoleCanHaveALargerQuota() {
    String government = TestJwt.token("government", "gov-rate");
    get(government).then().statusCode(403).header("RateLimit-Policy", "\"default\";q=6;w=60");
  }

  @Test
  void callersWithoutATokenShareTheirAddressQuota() {
    get(null).then().statusCode(401).header("RateLimit-Policy", "\"default\";q=2;w=60");
    get(null).then().statusCode(401);
    get(null).then().statusCode(429).header("Retry-After", notNullValue());
  }
}
