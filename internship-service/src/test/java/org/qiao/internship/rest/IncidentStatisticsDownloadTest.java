package org.qiao.internship.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.qiao.internship.service.IncidentStatistics;
import org.qiao.internship.support.Api;
import org.qiao.internship.support.Internships;
import org.qiao.internship.support.Snapshots;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.testing.EventTap;

/**
 * Incident statistics as data: a snapshot as a CSV a spreadsheet opens with its Chinese headers,
 * the JSON's cells and suppression, no person or free text; and an event when a snapshot is ready.
 */
@QuarkusTest
class IncidentStatisticsDownloadTest {

  @Inject IncidentStatistics statistics;

  @Test
  void aSnapshotDownloadsAsCsvWithChineseHeadersAndIsAnnounced() throws Exception {
    // Hunan (43), which no other test uses: Changsha 5 injuries (a city cell), one violation (only
    // in the month's suppressed cell).
    Internships changsha = new Internships("430102").active();
    LocalDate day = Snapshots.today();
    for (int i = 0; i < 5; i++) {
      report(changsha, "INJURY", "MINOR", day, "学生李四被烫伤");
    }
    report(changsha, "SAFETY_VIOLATION", "SERIOUS", day, "未佩戴安全帽");
    LocalDate asOf = Snapshots.nextDayAfterThisMonth();
    CloudEvent announced;
    try (EventTap tap = EventTap.open("qiao.internship.events")) {
      assertTrue(statistics.snapshot(asOf));
      announced =
          tap.awaitEvents(
                  e ->
                      e.type().equals(IncidentStatistics.SNAPSHOT_PUBLISHED)
                          && asOf.toString().equals(e.subject()),
                  1,
                  Duration.ofSeconds(20))
              .get(0);
    }
    String query = "?from=" + day + "&to=" + day + "&date=" + asOf;
    var data = EventCodec.toTree(announced.data());
    String month = YearMonth.from(day).toString();
    assertEquals(month, data.get("lastMonth").asText());
    assertEquals(
        "/api/v1/incident-statistics/csv?date="
            + asOf
            + "&from="
            + YearMonth.from(day).atDay(1)
            + "&to="
            + YearMonth.from(day).atEndOfMonth(),
        data.get("csv").asText());

    Response download = Api.government().call().get("/api/v1/incident-statistics/csv" + query);
    download
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"))
        .header("Content-Disposition", startsWith("attachment; filename=\"incident-statistics-"));
    byte[] file = download.asByteArray();
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(file, 3), "BOM first");
    String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
    List<String> header;
    List<CSVRecord> rows;
    try (CSVParser csv =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text))) {
      header = csv.getHeaderNames();
      rows = csv.getRecords();
    }
    assertEquals(
        List.of("统计日期", "月份", "事故类型", "严重程度", "省级区划代码", "市级区划代码", "事故数", "已抑制"),
        header,
        "Chinese headers intact");

    List<Map<String, Object>> cells =
        JsonPath.from(
                Api.government()
                    .call()
                    .get("/api/v1/incident-statistics" + query)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString())
            .getList("cells");
    assertEquals(cells.size(), rows.size(), "one row per cell");
    for (int i = 0; i < cells.size(); i++) {
      Map<String, Object> c = cells.get(i);
      CSVRecord r = rows.get(i);
      assertEquals(asOf.toString(), r.get("统计日期"));
      assertEquals(c.get("month"), r.get("月份"));
      assertEquals(text(c.get("type")), r.get("事故类型"));
      assertEquals(text(c.get("cityCode")), r.get("市级区划代码"));
      assertEquals(text(c.get("incidents")), r.get("事故数"));
      assertEquals(Boolean.TRUE.equals(c.get("suppressed")) ? "是" : "否", r.get("已抑制"));
    }
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.get("市级区划代码").equals("430100")
                        && r.get("事故类型").equals("INJURY")
                        && r.get("事故数").equals("5")),
        "Changsha's five injuries");
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.get("已抑制").equals("是")
                        && r.get("月份").equals(month)
                        && r.get("事故数").isEmpty()),
        "the violation only as the month's suppressed cell");
    for (String forbidden : List.of("李四", "烫伤", "安全帽", changsha.id, changsha.student.id())) {
      assertFalse(text.contains(forbidden), "no person, internship or text: " + forbidden);
    }

    changsha
        .enterprise
        .call()
        .get("/api/v1/incident-statistics/csv" + query)
        .then()
        .statusCode(403);
    Api.government()
        .call()
        .get("/api/v1/incident-statistics/csv?from=" + day + "&to=" + day + "&date=2027-02-30x")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("date"));
  }

  private static void report(
      Internships x, String type, String severity, LocalDate day, String text) {
    x.institution.create(
        x.path() + "/incidents",
        Map.of(
            "type", type, "severity", severity, "occurredOn", day.toString(), "description", text));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
