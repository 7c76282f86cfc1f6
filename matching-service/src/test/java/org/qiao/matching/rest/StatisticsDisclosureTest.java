package org.qiao.matching.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.TestJwt;
import org.qiao.matching.service.MarketStatistics;
import org.qiao.matching.support.Events;
import org.qiao.matching.support.Snapshots;

/**
 * The attacks of issue 15 on the market statistics, each tried by a government caller: a rare city
 * named by a suppressed cell, and polling that shows one graduate leave (ADR 0012).
 */
@QuarkusTest
class StatisticsDisclosureTest {

  private static final String GOV = TestJwt.token("government", "gov");

  @Inject MarketStatistics statistics;

  private static String statistics(String by, String query) {
    return given()
        .auth()
        .oauth2(GOV)
        .get("/api/v1/market-statistics?by={by}&graduationYear=2029" + query, by)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static List<Map<String, Object>> cells(String body) {
    return JsonPath.from(body).getList("cells");
  }

  @Test
  void aSuppressedCellNamesNoCityAndEveryCityIsACode() {
    String rare = Events.newCity();
    for (int i = 0; i < 3; i++) {
      Events.deliver(Events.CURRICULUM, Events.profile().graduating(2029).cities(rare).event());
    }
    LocalDate day = Snapshots.nextDay();
    assertTrue(statistics.snapshot(day));
    String body = statistics("CITY", "&date=" + day);
    assertFalse(body.contains(rare), "the rare city of three graduates is not named");
    assertTrue(cells(body).stream().anyMatch(c -> Boolean.TRUE.equals(c.get("suppressed"))));
    for (Map<String, Object> c : cells(body)) {
      if (Boolean.TRUE.equals(c.get("suppressed"))) {
        assertNull(c.get("key"), "a suppressed cell has no key: " + c);
        assertNull(c.get("openPositions"), "nor counts: " + c);
      } else {
        assertTrue(((String) c.get("key")).matches("\\d{6}"), "a city is a code: " + c);
      }
    }
  }

  @Test
  void pollingDoesNotShowAGraduateLeaving() {
    String city = Events.newCity();
    Events.Profile[] five = new Events.Profile[5];
    for (int i = 0; i < five.length; i++) {
      five[i] = Events.profile().graduating(2029).cities(city);
      Events.deliver(Events.CURRICULUM, five[i].event());
    }
    LocalDate day = Snapshots.nextDay();
    statistics.snapshot(day);
    String before = statistics("CITY", "");
    assertEquals(5, cell(before, city).get("graduates"));

    Events.deliver(Events.CURRICULUM, Events.forgotten(five[0].id));
    assertEquals(before, statistics("CITY", ""), "the latest snapshot does not change");
    assertFalse(statistics.snapshot(day), "a day's snapshot is computed once");
    assertEquals(before, statistics("CITY", "&date=" + day), "and never changes");

    LocalDate next = Snapshots.nextDay();
    statistics.snapshot(next);
    assertEquals(Map.of(), cell(statistics("CITY", "&date=" + next), city));
  }

  @Test
  void aDayWithoutSnapshotIsNotFoundAndADateMustBeADate() {
    given()
        .auth()
        .oauth2(GOV)
        .get("/api/v1/market-statistics?date=2001-01-01")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(GOV)
        .get("/api/v1/market-statistics?date=yesterday")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("date"));
  }

  private static Map<String, Object> cell(String body, String key) {
    return cells(body).stream().filter(c -> key.equals(c.get("key"))).findFirst().orElse(Map.of());
  }
}
