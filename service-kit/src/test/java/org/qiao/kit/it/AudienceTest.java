package org.qiao.kit.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.TestJwt;

/** A token is accepted only when it names the platform as its audience. */
@QuarkusTest
class AudienceTest {

  private static int status(String token) {
    return given().auth().oauth2(token).get("/api/v1/pings/aud").statusCode();
  }

  @Test
  void aTokenForThePlatformIsAccepted() {
    given()
        .auth()
        .oauth2(TestJwt.token(Set.of("enterprise"), "org-aud", "u", TestJwt.AUDIENCE))
        .get("/api/v1/pings/aud")
        .then()
        .statusCode(200);
  }

  @Test
  void aTokenWithoutAnAudienceOrForAnotherSystemIs401Problem() {
    for (String audience : new String[] {null, "another-system", "qiao", "qiao-platform-x"}) {
      given()
          .auth()
          .oauth2(TestJwt.token(Set.of("enterprise"), "org-aud", "u", audience))
          .get("/api/v1/pings/aud")
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .body("status", equalTo(401));
    }
  }
}
