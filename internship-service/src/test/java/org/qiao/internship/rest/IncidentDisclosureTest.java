package org.qiao.internship.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.internship.service.IncidentStatistics;
import org.qiao.internship.support.Api;
import org.qiao.internship.support.Internships;
import org.qiao.internship.support.Snapshots;

/**
 * The attacks of issue 15 on the incident statistics, each tried by a government caller: a count of
 * 1 for one day, type, severity and city; two ranges differing by one day; polling (ADR 0012).
 */
@QuarkusTest
class IncidentDisclosureTest {

  @Inject IncidentStatistics statistics;

  private static String body(LocalDate from, LocalDate to, LocalDate date) {
    return Api.government()
        .call()
        .queryParam("from", from.toString())
        .queryParam("to", to.toString())
        .queryParam("date", date.toString())
        .get("/api/v1/incident-statistics")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static List<Map<String, Object>> cells(LocalDate from, LocalDate to, LocalDate date) {
    return io.restassured.path.json.JsonPath.from(body(from, to, date)).getList("cells");
  }

  private static void report(Internships x, LocalDate day) {
    x.institution.create(
        x.path() + "/incidents",
        Map.of(
            "type",
            "INJURY",
            "severity",
            "SERIOUS",
            "occurredOn",
            day.toString(),
            "description",
            "夜班时摔伤"));
  }

  private static boolean small(Object count) {
    if (count == null) {
      return false;
    }
    long n = Math.abs(((Number) count).longValue());
    return n > 0 && n < 5;
  }

  @Test
  void noVisibleCountIsBelowFive() {
    Internships x = new Internships("350583").active();
    LocalDate day = Snapshots.today();
    report(x, day);
    LocalDate asOf = Snapshots.nextDayAfterThisMonth();
    statistics.snapshot(asOf);
    List<Map<String, Object>> cells = cells(day, day, asOf);
    assertFalse(cells.isEmpty(), "this month is in the snapshot");
    for (Map<String, Object> c : cells) {
      assertFalse(small(c.get("incidents")), "a count of 1–4 points at a person: " + c);
      assertTrue(!"350500".equals(c.get("cityCode")), "the small city is not named: " + c);
    }
  }

  @Test
  void twoRangesDifferingByOneDayDoNotDifferByASmallCount() {
    Internships x = new Internships("350581").active();
    LocalDate day = Snapshots.today();
    report(x, day);
    LocalDate asOf = Snapshots.nextDayAfterThisMonth();
    statistics.snapshot(asOf);
    Map<String, Long> without = byKey(cells(day.minusDays(1), day.minusDays(1), asOf));
    Map<String, Long> with = byKey(cells(day.minusDays(1), day, asOf));
    Map<String, Long> keys = new HashMap<>(without);
    keys.putAll(with);
    for (String k : keys.keySet()) {
      long difference = with.getOrDefault(k, 0L) - without.getOrDefault(k, 0L);
      assertFalse(small(difference), "one day more shows " + difference + " at " + k);
    }
  }

  @Test
  void aSnapshotNeverChanges() {
    Internships x = new Internships("350602").active();
    LocalDate day = Snapshots.today();
    LocalDate asOf = Snapshots.nextDayAfterThisMonth();
    statistics.snapshot(asOf);
    String before = body(day, day, asOf);
    for (int i = 0; i < 5; i++) {
      report(x, day);
    }
    assertFalse(statistics.snapshot(asOf), "a day's snapshot is computed once");
    assertEquals(before, body(day, day, asOf));
    LocalDate next = Snapshots.nextDayAfterThisMonth();
    statistics.snapshot(next);
    assertEquals(
        5L,
        byKey(cells(day, day, next))
            .get(day.toString().substring(0, 7) + "/INJURY/SERIOUS/350000/350600"),
        "the next day's snapshot counts them");
  }

  private static Map<String, Long> byKey(List<Map<String, Object>> cells) {
    Map<String, Long> out = new HashMap<>();
    for (Map<String, Object> c : cells) {
      if (c.get("incidents") == null) {
        continue;
      }
      String key =
          c.get("month")
              + "/"
              + c.get("type")
              + "/"
              + c.get("severity")
              + "/"
              + c.get("provinceCode")
              + "/"
              + c.get("cityCode");
      out.merge(key, ((Number) c.get("incidents")).longValue(), Long::sum);
    }
    return out;
  }
}
