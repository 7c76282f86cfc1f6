package org.qiao.matching.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.testing.TestJwt;
import org.qiao.matching.service.MarketStatistics;
import org.qiao.matching.support.Events;
import org.qiao.matching.support.Snapshots;
import org.qiao.matching.support.WebhookReceiver;

/**
 * Market statistics as data: each snapshot as a CSV that a spreadsheet opens with its Chinese
 * headers (UTF-8 with a byte order mark), the same figures and suppression as the JSON, and an
 * event that reaches a subscribed partner when a snapshot is ready.
 */
@QuarkusTest
class StatisticsDownloadTest {

  private static final String GOV = TestJwt.token("government", "gov");

  @Inject MarketStatistics statistics;

  @Test
  void aSnapshotDownloadsAsCsvWithChineseHeadersAndTheJsonsFiguresAndIsAnnounced()
      throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(WebhookReceiver.Mode.OK)) {
      String subscription =
          given()
              .auth()
              .oauth2(GOV)
              .contentType(ContentType.JSON)
              .body(
                  Map.of("url", receiver.url(), "eventTypes", List.of("qiao.market-statistics.*")))
              .post("/api/v1/webhook-subscriptions")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      try {
        String city = Events.newCity();
        String rare = Events.newCity();
        for (int i = 0; i < 6; i++) {
          Events.deliver(Events.CURRICULUM, Events.profile().graduating(2029).cities(city).event());
        }
        for (int i = 0; i < 2; i++) {
          Events.deliver(Events.CURRICULUM, Events.profile().graduating(2029).cities(rare).event());
        }
        LocalDate day = Snapshots.nextDay();
        assertTrue(statistics.snapshot(day));
        String query = "?by=CITY&graduationYear=2029&date=" + day;

        Response download = given().auth().oauth2(GOV).get("/api/v1/market-statistics/csv" + query);
        download
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .header(
                "Content-Disposition",
                equalTo("attachment; filename=\"market-statistics-" + day + "-CITY-2029.csv\""));
        byte[] file = download.asByteArray();
        assertArrayEquals(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            Arrays.copyOf(file, 3),
            "UTF-8 byte order mark first");
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows;
        List<String> header;
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
            List.of(
                "统计项",
                "统计日期",
                "毕业年份",
                "维度",
                "类别代码",
                "空缺岗位数",
                "毕业生数",
                "每岗位毕业生数",
                "已就业人数",
                "就业率",
                "录用天数中位数",
                "录用天数75分位",
                "已抑制"),
            header,
            "Chinese headers intact");

        JsonPath json =
            JsonPath.from(
                given()
                    .auth()
                    .oauth2(GOV)
                    .get("/api/v1/market-statistics" + query)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        List<Map<String, Object>> cells = json.getList("cells");
        List<CSVRecord> market = rows.stream().filter(r -> r.get("统计项").equals("供需")).toList();
        assertEquals(cells.size(), market.size(), "one row per cell");
        for (int i = 0; i < cells.size(); i++) {
          Map<String, Object> c = cells.get(i);
          CSVRecord r = market.get(i);
          assertEquals(day.toString(), r.get("统计日期"));
          assertEquals("2029", r.get("毕业年份"));
          assertEquals("CITY", r.get("维度"));
          assertEquals(text(c.get("key")), r.get("类别代码"));
          assertEquals(text(c.get("openPositions")), r.get("空缺岗位数"));
          assertEquals(text(c.get("graduates")), r.get("毕业生数"));
          assertEquals(Boolean.TRUE.equals(c.get("suppressed")) ? "是" : "否", r.get("已抑制"));
        }
        CSVRecord mine =
            market.stream().filter(r -> r.get("类别代码").equals(city)).findFirst().orElseThrow();
        assertEquals("6", mine.get("毕业生数"));
        assertFalse(text.contains(rare), "the rare city of two graduates is not named");
        assertTrue(market.stream().anyMatch(r -> r.get("已抑制").equals("是")));
        assertEquals(
            json.getList("placements").size(),
            rows.stream().filter(r -> r.get("统计项").equals("就业")).count());

        // Not for enterprises, universities or students; bad parameters name the field.
        for (String role : new String[] {"enterprise", "university", "student"}) {
          given()
              .auth()
              .oauth2(TestJwt.token(role, "x"))
              .get("/api/v1/market-statistics/csv" + query)
              .then()
              .statusCode(403);
        }
        given()
            .auth()
            .oauth2(GOV)
            .get("/api/v1/market-statistics/csv?date=2027-13-40")
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("errors[0].field", equalTo("date"));

        // The snapshot was announced: the subscriber receives it, with where to read it.
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    receiver.accepted().stream()
                        .anyMatch(r -> r.text().contains("\"asOf\":\"" + day + "\"")));
        WebhookReceiver.Request announced =
            receiver.accepted().stream()
                .filter(r -> r.text().contains("\"asOf\":\"" + day + "\""))
                .findFirst()
                .orElseThrow();
        JsonNode event = EventCodec.mapper().readTree(announced.body());
        assertEquals("qiao.market-statistics.snapshot-published.v1", event.get("type").asText());
        assertEquals(day.toString(), event.get("subject").asText());
        assertEquals("/api/v1/market-statistics/csv?date=" + day, event.at("/data/csv").asText());
        assertTrue(event.at("/data/graduationYears").toString().contains("2029"));
      } finally {
        given()
            .auth()
            .oauth2(GOV)
            .delete("/api/v1/webhook-subscriptions/" + subscription)
            .then()
            .statusCode(204);
      }
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
