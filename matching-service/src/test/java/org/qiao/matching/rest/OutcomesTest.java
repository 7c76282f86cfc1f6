package org.qiao.matching.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;
import org.qiao.matching.support.Events;

/**
 * An institution's outcomes (ADR 0016): graduates known, placed, rate and days to offer, by major,
 * occupation and place, small cells folded; only the institution itself (and admins) may read them.
 */
@QuarkusTest
class OutcomesTest {

  private static final int YEAR = 2031;

  private static String outcomes(String token, String code, String query, int status) {
    return given()
        .auth()
        .oauth2(token)
        .get("/api/v1/institutions/{code}/outcomes" + query, code)
        .then()
        .statusCode(status)
        .extract()
        .asString();
  }

  private static Map<String, Object> cell(JsonPath body, String list, String key) {
    List<Map<String, Object>> cells = body.getList(list);
    return cells.stream().filter(c -> key.equals(c.get("key"))).findFirst().orElseThrow();
  }

  private static boolean anySuppressed(JsonPath body, String list) {
    List<Map<String, Object>> cells = body.getList(list);
    return cells.stream().anyMatch(c -> Boolean.TRUE.equals(c.get("suppressed")));
  }

  @Test
  void anInstitutionReadsItsGraduatesPlacementsByMajorOccupationAndPlaceWithSmallCellsFolded() {
    String institution = TestCodes.newInstitutionCode();
    String major = Events.newMajorClass() + "01";
    String rareMajor = Events.newMajorClass() + "01";
    String rareOccupation = "2-99-" + major.substring(0, 4) + "-01";
    // Six graduates of one major, five of them placed (days 10, 20, 30, 40, 50) in 厦门 (a county
    // code counts as its city); one more graduate of a rare major, placed elsewhere.
    for (int i = 0; i < 6; i++) {
      Events.Profile p = Events.profile().institution(institution).major(major).graduating(YEAR);
      Events.deliver(Events.CURRICULUM, p.event());
      if (i < 5) {
        Events.deliver(
            Events.TALENT_DEMAND,
            Events.placement(p.id)
                .of(p)
                .occupation("2-02-10-03")
                .division("350203")
                .daysToOffer(10 * (i + 1))
                .event());
      }
    }
    Events.Profile rare =
        Events.profile().institution(institution).major(rareMajor).graduating(YEAR);
    Events.deliver(Events.CURRICULUM, rare.event());
    Events.deliver(
        Events.TALENT_DEMAND,
        Events.placement(rare.id)
            .of(rare)
            .occupation(rareOccupation)
            .division("540100")
            .daysToOffer(99)
            .event());

    String body =
        outcomes(
            TestJwt.token("university", institution), institution, "?graduationYear=" + YEAR, 200);
    JsonPath o = JsonPath.from(body);
    assertEquals(7, o.getInt("graduatesKnown"));
    assertEquals(6, o.getInt("placed"));
    assertEquals(0.8571, o.getDouble("placementRate"), 1e-9);
    assertEquals(30, o.getInt("medianDaysToOffer"));
    assertEquals(50, o.getInt("p75DaysToOffer"));
    Map<String, Object> m = cell(o, "byMajor", major);
    assertEquals(6, m.get("graduates"));
    assertEquals(5, m.get("placed"));
    assertEquals(30, m.get("medianDaysToOffer"));
    assertEquals(5, cell(o, "byOccupation", "2-02-10-03").get("placed"));
    assertEquals(5, cell(o, "byPlace", "350200").get("placed"));
    // The rare major, occupation and place (one graduate) are named nowhere.
    assertFalse(body.contains(rareMajor));
    assertFalse(body.contains(rareOccupation));
    assertFalse(body.contains("540100"));
    assertTrue(anySuppressed(o, "byMajor"));
    assertTrue(anySuppressed(o, "byOccupation"));
    assertTrue(anySuppressed(o, "byPlace"));
    assertEquals(
        "/api/v1/institutions/" + institution + "/skill-gap", o.getString("skillGapReport"));

    // Admins read every institution's; another year is its own.
    outcomes(TestJwt.token("admin", "platform"), institution, "?graduationYear=" + YEAR, 200);
    JsonPath empty =
        JsonPath.from(
            outcomes(
                TestJwt.token("university", institution),
                institution,
                "?graduationYear=2040",
                200));
    assertEquals(0, empty.getInt("graduatesKnown"));
    assertNull(empty.get("placementRate"));
    assertNull(empty.get("medianDaysToOffer"));
  }

  @Test
  void onlyTheInstitutionItselfReadsItsOutcomes() {
    String institution = TestCodes.newInstitutionCode();
    String query = "?graduationYear=" + YEAR;
    // Another institution: as if it did not exist (ADR 0006).
    outcomes(TestJwt.token("university", TestCodes.newInstitutionCode()), institution, query, 404);
    // Roles the operation does not admit, whoever they act for.
    for (String role : List.of("enterprise", "government", "mentor")) {
      outcomes(TestJwt.token(role, institution), institution, query, 403);
    }
    outcomes(TestJwt.token("student", institution, Events.newStudentId()), institution, query, 403);
    given().get("/api/v1/institutions/{code}/outcomes" + query, institution).then().statusCode(401);
  }

  @Test
  void theGraduationYearIsRequiredAndChecked() {
    String institution = TestCodes.newInstitutionCode();
    String token = TestJwt.token("university", institution);
    for (String query :
        List.of("", "?graduationYear=", "?graduationYear=abc", "?graduationYear=1999")) {
      given()
          .auth()
          .oauth2(token)
          .get("/api/v1/institutions/{code}/outcomes" + query, institution)
          .then()
          .statusCode(400)
          .contentType(containsString("application/problem+json"))
          .body(containsString("graduationYear"));
    }
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/institutions/{code}/outcomes?graduationYear=2100", institution)
        .then()
        .statusCode(200)
        .body("graduatesKnown", equalTo(0));
  }
}
