package org.qiao.kit.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
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
  void eachStudentAndMentorHasTheirOwnQuotaNotTheirOrganisations() {
    for (String person : List.of("student", "mentor")) {
      String first = TestJwt.token(person, "4131010246", person + "-rate-a");
      // Refused by the endpoint's role check (403), yet counted.
      for (int i = 0; i < 3; i++) {
        get(first).then().statusCode(not(429));
      }
      get(first).then().statusCode(429);
      // Another person of the same university is not held back by the first one's requests.
      get(TestJwt.token(person, "4131010246", person + "-rate-b")).then().statusCode(not(429));
    }
    // An organisation's own token still shares one quota whatever its subject says.
    String org = "org-rate-shared";
    for (int i = 0; i < 3; i++) {
      get(TestJwt.token("enterprise", org, "clerk-" + i)).then().statusCode(200);
    }
    get(TestJwt.token("enterprise", org, "clerk-4")).then().statusCode(429);
  }

  @Test
  void aRoleCanHaveALargerQuota() {
    String government = TestJwt.token("government", "gov-rate");
    for (int i = 0; i < 6; i++) {
      // Refused by the endpoint's role check, yet counted: the limit runs before security.
      get(government).then().statusCode(403).header("RateLimit-Policy", "\"default\";q=6;w=60");
    }
    get(government).then().statusCode(429);
  }

  @Test
  void aForgedTokenCannotSpendAnotherOrganisationsQuota() {
    String victim = TestJwt.token("enterprise", "org-rate-victim");
    for (int i = 0; i < 3; i++) {
      given()
          .auth()
          .oauth2(TestJwt.foreignToken("enterprise", "org-rate-victim"))
          .get("/api/v1/pings/rate")
          .then()
          .statusCode(org.hamcrest.Matchers.oneOf(401, 429))
          .contentType("application/problem+json");
    }
    get(victim)
        .then()
        .statusCode(200)
        .header("RateLimit", matchesPattern("\"default\";r=2;t=\\d+"));
  }

  @Test
  void callersWithoutATokenShareTheirAddressQuota() {
    // Other tests may have spent some of this address's quota of 2: expect 401s, then a 429.
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      var response = get(null);
      statuses.add(response.statusCode());
      if (response.statusCode() == 401) {
        assertEquals("\"default\";q=2;w=60", response.header("RateLimit-Policy"));
      } else {
        assertEquals(429, response.statusCode());
        assertNotNull(response.header("Retry-After"));
        return;
      }
    }
    fail("no 429 after 3 requests without a token: " + statuses);
  }
}
