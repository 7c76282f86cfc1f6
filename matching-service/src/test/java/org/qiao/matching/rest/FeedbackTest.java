package org.qiao.matching.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;
import org.qiao.matching.service.MarketStatistics;
import org.qiao.matching.support.Events;
import org.qiao.matching.support.Snapshots;

/**
 * The feedback loop on small examples computed by hand: training order → institutions, the
 * skill-gap report with its change since a date, market statistics with small-cell suppression.
 * Each test uses a major class and city of its own, so other tests' data cannot disturb the sums.
 */
@QuarkusTest
class FeedbackTest {

  private static final String ADMIN = TestJwt.token("admin", "qiao");

  @Inject MarketStatistics statistics;

  @Test
  void skillGapReportEqualsTheHandComputedOne() {
    String institution = TestCodes.newInstitutionCode();
    String major = Events.newMajorClass() + "01";
    String planV1 = ContractExamples.newId();
    String planV2 = ContractExamples.newId();
    Events.deliver(
        Events.CURRICULUM,
        Events.coursePlan(
            planV1,
            institution,
            major,
            "PUBLISHED",
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00Z",
            1,
            "Java",
            "SQL"),
        Events.coursePlan(
            planV1,
            institution,
            major,
            "SUPERSEDED",
            "2026-01-01T00:00:00Z",
            "2026-06-01T00:00:00Z",
            2,
            "Java",
            "SQL"),
        Events.coursePlan(
            planV2,
            institution,
            major,
            "PUBLISHED",
            "2026-06-01T00:00:00Z",
            "2026-06-01T00:00:00Z",
            1,
            "Java",
            "SQL",
            "Docker"));
    // Market for the major's class: Java 3×2 + 5×2 = 16, Python 5×1 = 5, PyTorch 2×2 = 4,
    // SQL 2×2 = 4, cloud native 3×1 = 3; total 32.
    Events.deliver(
        Events.TALENT_DEMAND,
        Events.demand().majors(major).headcount(3).essential("Java").optional("Docker").event(),
        Events.demand().majors(major).headcount(2).essential("PyTorch", "SQL").event(),
        Events.trainingOrder(
            ContractExamples.newId(),
            TestCodes.newCreditCode(),
            List.of(major),
            5,
            "Java",
            "Python?"));

    given()
        .auth()
        .oauth2(TestJwt.token("university", institution))
        .get(
            "/api/v1/institutions/{code}/skill-gap?majorCode={m}&since=2026-03-01",
            institution,
            major)
        .then()
        .statusCode(200)
        .body("openDemands", equalTo(2))
        .body("openTrainingOrders", equalTo(1))
        .body("coursePlansInForce", equalTo(1))
        .body("coveragePercent", equalTo(71.9f)) // (16 + 4 + 3) / 32
        .body("missing.code", contains("SW-PYTHON", "AI-PYTORCH"))
        .body("missing.demandWeight", contains(5, 4))
        .body("covered.code", contains("SW-JAVA", "SW-SQL", "SW-CLOUDNATIVE"))
        .body("change.coveragePercentThen", equalTo(62.5f)) // (16 + 4) / 32
        .body("change.coverageChange", equalTo(9.4f))
        .body("change.nowTaught.code", contains("SW-CLOUDNATIVE"))
        .body("change.noLongerTaught.size()", equalTo(0));
    // Another university cannot read it.
    given()
        .auth()
        .oauth2(TestJwt.token("university", TestCodes.newInstitutionCode()))
        .get("/api/v1/institutions/{code}/skill-gap", institution)
        .then()
        .statusCode(404);
  }

  @Test
  void trainingOrderRanksInstitutionsByTaughtSkillWeight() {
    String major = Events.newMajorClass() + "01";
    String first = TestCodes.newInstitutionCode();
    String second = TestCodes.newInstitutionCode();
    Events.deliver(
        Events.CURRICULUM,
        Events.coursePlan(
            ContractExamples.newId(),
            second,
            major,
            "PUBLISHED",
            "2026-06-01T00:00:00Z",
            "2026-06-01T00:00:00Z",
            1,
            "Java",
            "Python"),
        Events.coursePlan(
            ContractExamples.newId(),
            first,
            major,
            "PUBLISHED",
            "2026-06-01T00:00:00Z",
            "2026-06-01T00:00:00Z",
            1,
            "Java",
            "SQL",
            "Docker"),
        Events.coursePlan(
            ContractExamples.newId(),
            TestCodes.newInstitutionCode(),
            "120201",
            "PUBLISHED",
            "2026-06-01T00:00:00Z",
            "2026-06-01T00:00:00Z",
            1,
            "Java",
            "SQL"));
    String enterprise = TestCodes.newCreditCode();
    String order = ContractExamples.newId();
    Events.deliver(
        Events.TALENT_DEMAND,
        Events.trainingOrder(order, 2, enterprise, List.of(major), 30, "Java", "SQL", "Python?"),
        // Version 1 arriving late (it asked only for Python) changes nothing.
        Events.trainingOrder(order, 1, enterprise, List.of(major), 30, "Python"));
    // Weights Java 2, SQL 2, Python 1: first teaches 4 of 5, second 3 of 5.
    given()
        .auth()
        .oauth2(TestJwt.token("enterprise", enterprise))
        .get("/api/v1/training-orders/{id}/matches", order)
        .then()
        .statusCode(200)
        .body("institutions.institutionCode", contains(first, second))
        .body("institutions.coveragePercent", contains(80.0f, 60.0f))
        .body("institutions[0].skills.taughtLevel", contains(3, 3, 0))
        .body("institutions[0].coursePlans.size()", equalTo(1));
    given()
        .auth()
        .oauth2(TestJwt.token("enterprise", TestCodes.newCreditCode()))
        .get("/api/v1/training-orders/{id}/matches", order)
        .then()
        .statusCode(404);
  }

  private static List<Map<String, Object>> cells(String by, LocalDate date) {
    return given()
        .auth()
        .oauth2(TestJwt.token("government", "gov"))
        .get(
            "/api/v1/market-statistics?by={by}&graduationYear=2027&date={date}",
            by,
            date.toString())
        .then()
        .statusCode(200)
        .extract()
        .path("cells");
  }

  private static Map<String, Object> cell(String by, String key, LocalDate date) {
    return cells(by, date).stream()
        .filter(c -> key.equals(c.get("key")))
        .findFirst()
        .orElse(Map.of());
  }

  /** The one suppressed cell: no key, no counts. */
  private static void assertOneKeylessSuppressedCell(String by, LocalDate date) {
    List<Map<String, Object>> suppressed =
        cells(by, date).stream().filter(c -> Boolean.TRUE.equals(c.get("suppressed"))).toList();
    assertEquals(1, suppressed.size());
    Map<String, Object> c = suppressed.get(0);
    assertNull(c.get("key"));
    assertNull(c.get("openPositions"));
    assertNull(c.get("graduates"));
    assertNull(c.get("graduatesPerPosition"));
  }

  @Test
  void marketStatisticsCountAndSuppressSmallCells() {
    String cls = Events.newMajorClass();
    String shownMajor = cls + "01";
    String smallClass = Events.newMajorClass();
    String city = Events.newCity();
    Events.Profile[] shown = new Events.Profile[6];
    for (int i = 0; i < shown.length; i++) {
      shown[i] = Events.profile().major(shownMajor).cities(i < 5 ? city : Events.DEFAULT_CITY);
      Events.deliver(Events.CURRICULUM, shown[i].event());
    }
    for (int i = 0; i < 3; i++) {
      Events.deliver(Events.CURRICULUM, Events.profile().major(smallClass + "02").event());
    }
    Events.deliver(
        Events.TALENT_DEMAND,
        Events.demand()
            .majors(shownMajor, cls + "05")
            .city(city)
            .headcount(4)
            .occupation("2-02-99-01")
            .event());
    LocalDate first = Snapshots.nextDay();
    statistics.snapshot(first);

    Map<String, Object> byClass = cell("MAJOR_CLASS", cls, first);
    assertEquals(4, byClass.get("openPositions"));
    assertEquals(6, byClass.get("graduates"));
    assertEquals(1.5f, byClass.get("graduatesPerPosition"));
    // The small class is not named: it is in the one keyless suppressed cell.
    assertEquals(Map.of(), cell("MAJOR_CLASS", smallClass, first));
    assertOneKeylessSuppressedCell("MAJOR_CLASS", first);
    Map<String, Object> byCity = cell("CITY", city, first);
    assertEquals(5, byCity.get("graduates"));
    assertEquals(1.25f, byCity.get("graduatesPerPosition"));
    assertEquals(6, cell("OCCUPATION", "2-02-99-01", first).get("graduates"));
    // An occupation whose demands also ask for the small class would give the class's 3 away
    // (9 − 6) by subtraction: withheld.
    Events.deliver(
        Events.TALENT_DEMAND,
        Events.demand()
            .majors(shownMajor, smallClass + "02")
            .city(city)
            .headcount(1)
            .occupation("2-02-99-02")
            .event());
    LocalDate second = Snapshots.nextDay();
    statistics.snapshot(second);
    assertEquals(Map.of(), cell("OCCUPATION", "2-02-99-02", second));
    assertOneKeylessSuppressedCell("OCCUPATION", second);

    // Forgetting one of the five in the city makes that cell small: suppressed from the next
    // snapshot on; the kept snapshots do not change.
    Events.deliver(Events.CURRICULUM, Events.forgotten(shown[0].id));
    LocalDate third = Snapshots.nextDay();
    statistics.snapshot(third);
    assertEquals(Map.of(), cell("CITY", city, third));
    assertEquals(5, cell("MAJOR_CLASS", cls, third).get("graduates"));
    assertEquals(5, cell("CITY", city, first).get("graduates"));

    // Persons are never listed, and only government and admin may read it.
    given()
        .auth()
        .oauth2(TestJwt.token("government", "gov"))
        .get("/api/v1/market-statistics?by=CITY&graduationYear=2027")
        .then()
        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(shown[1].id)));
    given()
        .auth()
        .oauth2(TestJwt.token("enterprise", TestCodes.newCreditCode()))
        .get("/api/v1/market-statistics")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/v1/market-statistics?by=nonsense")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("by"));
  }
}
