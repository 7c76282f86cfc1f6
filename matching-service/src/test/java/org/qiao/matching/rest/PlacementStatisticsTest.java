package org.qiao.matching.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Placements in the government's market statistics (ADR 0016): by major class, occupation and city
 * of the job, in the same dated snapshot and with the same small-cell rule as the market cells (ADR
 * 0012).
 */
@QuarkusTest
class PlacementStatisticsTest {

  private static final String GOV = TestJwt.token("government", "gov");
  private static final int YEAR = 2032;

  @Inject MarketStatistics statistics;

  private static String statistics(String by, LocalDate day) {
    return given()
        .auth()
        .oauth2(GOV)
        .get("/api/v1/market-statistics?by={by}&graduationYear=" + YEAR + "&date=" + day, by)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static List<Map<String, Object>> placements(String body) {
    return JsonPath.from(body).getList("placements");
  }

  private static Map<String, Object> cell(String body, String key) {
    return placements(body).stream()
        .filter(c -> key.equals(c.get("key")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(key + " not in " + body));
  }

  @Test
  void placementsAreCountedByMajorClassOccupationAndCityAndASmallCellIsSuppressed() {
    String majorClass = Events.newMajorClass();
    String smallClass = Events.newMajorClass();
    String occupation = "2-98-" + majorClass + "-01";
    String smallOccupation = "2-98-" + smallClass + "-01";
    String city = Events.newCity();
    String smallCity = Events.newCity();
    for (int i = 0; i < 5; i++) {
      Events.deliver(
          Events.TALENT_DEMAND,
          Events.placement(Events.newStudentId())
              .graduating(YEAR)
              .major(majorClass + "0" + (i % 2 + 1) + (i == 0 ? "T" : ""))
              .occupation(occupation)
              .division(city)
              .daysToOffer(7 * (i + 1))
              .event());
    }
    for (int i = 0; i < 2; i++) {
      Events.deliver(
          Events.TALENT_DEMAND,
          Events.placement(Events.newStudentId())
              .graduating(YEAR)
              .major(smallClass + "01")
              .occupation(smallOccupation)
              .division(smallCity)
              .event());
    }
    LocalDate day = Snapshots.nextDay();
    assertTrue(statistics.snapshot(day));

    String byClass = statistics("MAJOR_CLASS", day);
    assertEquals(5, cell(byClass, majorClass).get("placed"));
    assertEquals(21, cell(byClass, majorClass).get("medianDaysToOffer"));
    String byOccupation = statistics("OCCUPATION", day);
    assertEquals(5, cell(byOccupation, occupation).get("placed"));
    String byCity = statistics("CITY", day);
    assertEquals(5, cell(byCity, city).get("placed"));

    // The two placements of the small class, occupation and city: no key, no figure.
    assertFalse(byClass.contains(smallClass));
    assertFalse(byOccupation.contains(smallOccupation));
    assertFalse(byCity.contains(smallCity));
    for (String body : List.of(byClass, byOccupation, byCity)) {
      List<Map<String, Object>> suppressed =
          placements(body).stream().filter(c -> Boolean.TRUE.equals(c.get("suppressed"))).toList();
      assertEquals(1, suppressed.size(), "small cells are folded into one");
      Map<String, Object> s = suppressed.get(0);
      assertEquals(null, s.get("key"));
      assertEquals(null, s.get("placed"));
      assertEquals(null, s.get("medianDaysToOffer"));
      // The suppressed cell comes after the shown ones.
      assertEquals(s, placements(body).get(placements(body).size() - 1));
    }

    // A snapshot never changes: a placement after it is in the next day's only.
    Events.deliver(
        Events.TALENT_DEMAND,
        Events.placement(Events.newStudentId())
            .graduating(YEAR)
            .major(majorClass + "01")
            .occupation(occupation)
            .division(city)
            .event());
    assertEquals(5, cell(statistics("MAJOR_CLASS", day), majorClass).get("placed"));
    LocalDate next = Snapshots.nextDay();
    assertTrue(statistics.snapshot(next));
    assertEquals(6, cell(statistics("MAJOR_CLASS", next), majorClass).get("placed"));
  }
}
