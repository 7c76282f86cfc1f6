package org.qiao.internship.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.qiao.internship.service.MentorHoursStatistics;
import org.qiao.internship.support.Api;
import org.qiao.internship.support.Snapshots;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestCaller;

/**
 * Mentors' hours in aggregate for government: five enterprise mentors' teaching shows as the
 * difference of two snapshots, two institution mentors' guidance never shows on its own, no mentor
 * or organisation is named; the same as CSV with Chinese headers; each snapshot announced.
 */
@QuarkusTest
class MentorHoursStatisticsTest {

  @Inject MentorHoursStatistics statistics;

  @Test
  void hoursShowOnlyForFiveMentorsOrMoreAsJsonAndCsvAndEachSnapshotIsAnnounced() throws Exception {
    LocalDate today = Snapshots.today();
    String month = YearMonth.from(today).toString();
    String query = "?from=" + today + "&to=" + today + "&date=";
    // Other tests record hours this month too: compare with a snapshot taken just before.
    LocalDate before = Snapshots.nextDayAfterThisMonth();
    assertTrue(statistics.snapshot(before));
    Map<String, Object> teachingBefore = cell(json(query + before), "ENTERPRISE", "TEACHING");

    TestCaller enterprise = Api.enterprise();
    for (int i = 0; i < 5; i++) {
      record(Api.mentor(enterprise, 1), today, "TEACHING", "2.5");
    }
    TestCaller university = Api.university();
    TestCaller lone = Api.mentor(university, 1);
    record(lone, today, "GUIDANCE", "1");
    LocalDate after = Snapshots.nextDayAfterThisMonth();
    try (EventTap tap = EventTap.open("qiao.internship.events")) {
      assertTrue(statistics.snapshot(after));
      tap.awaitEvents(
          e ->
              e.type().equals(MentorHoursStatistics.SNAPSHOT_PUBLISHED)
                  && after.toString().equals(e.subject()),
          1,
          Duration.ofSeconds(20));
    }
    String body = json(query + after);
    Map<String, Object> teaching = cell(body, "ENTERPRISE", "TEACHING");
    if (teachingBefore.isEmpty()) {
      // Fewer than five before (suppressed or none): now at least these five are shown.
      assertTrue(mentors(teaching) >= 5, "shown with five mentors: " + teaching);
      assertTrue(hours(teaching).compareTo(new BigDecimal("12.5")) >= 0);
    } else {
      assertEquals(mentors(teachingBefore) + 5, mentors(teaching), "five more mentors");
      assertEquals(
          0,
          hours(teachingBefore).add(new BigDecimal("12.5")).compareTo(hours(teaching)),
          "12.5 more hours");
    }
    assertTrue(
        JsonPath.from(body).<Map<String, Object>>getList("cells").stream()
            .allMatch(c -> month.equals(c.get("month"))));
    for (String forbidden : List.of(enterprise.code(), university.code(), lone.id(), "导师")) {
      assertFalse(body.contains(forbidden), "no mentor or organisation: " + forbidden);
    }

    Response download =
        Api.government().call().get("/api/v1/mentor-hours-statistics/csv" + query + after);
    download.then().statusCode(200);
    byte[] file = download.asByteArray();
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(file, 3), "BOM first");
    List<String> header;
    List<CSVRecord> rows;
    try (CSVParser csv =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(
                new StringReader(new String(file, 3, file.length - 3, StandardCharsets.UTF_8)))) {
      header = csv.getHeaderNames();
      rows = csv.getRecords();
    }
    assertEquals(List.of("统计日期", "月份", "导师方", "工作类型", "导师人数", "工时合计", "已抑制"), header);
    CSVRecord row =
        rows.stream()
            .filter(r -> r.get("导师方").equals("ENTERPRISE") && r.get("工作类型").equals("TEACHING"))
            .findFirst()
            .orElseThrow();
    assertEquals(String.valueOf(mentors(teaching)), row.get("导师人数"));
    assertEquals(0, new BigDecimal(row.get("工时合计")).compareTo(hours(teaching)));
    assertEquals(JsonPath.from(body).getList("cells").size(), rows.size());

    enterprise.call().get("/api/v1/mentor-hours-statistics" + query + after).then().statusCode(403);
  }

  private static String json(String query) {
    return Api.government()
        .call()
        .get("/api/v1/mentor-hours-statistics" + query)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static Map<String, Object> cell(String body, String side, String kind) {
    Optional<Map<String, Object>> c =
        JsonPath.from(body).<Map<String, Object>>getList("cells").stream()
            .filter(x -> side.equals(x.get("side")) && kind.equals(x.get("kind")))
            .findFirst();
    return c.orElse(Map.of());
  }

  private static long mentors(Map<String, Object> cell) {
    return cell.isEmpty() ? 0 : ((Number) cell.get("mentors")).longValue();
  }

  private static BigDecimal hours(Map<String, Object> cell) {
    return cell.isEmpty() ? BigDecimal.ZERO : new BigDecimal(cell.get("hours").toString());
  }

  private static void record(TestCaller mentor, LocalDate day, String kind, String hours) {
    mentor
        .call()
        .body(Map.of("day", day.toString(), "kind", kind, "hours", new BigDecimal(hours)))
        .post("/api/v1/mentor-hours")
        .then()
        .statusCode(201);
  }
}
