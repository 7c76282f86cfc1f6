package org.qiao.matching.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.InboxProbe;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;
import org.qiao.kit.testing.TestProducer;
import org.qiao.matching.support.Events;

/**
 * Forgetting reaches applications and placements (ADR 0009, 0016): the student's application flags
 * go, their placements stay as counts naming nobody, and no table but the tombstone holds their id;
 * events arriving after the forget name them no more either.
 */
@QuarkusTest
class OutcomeForgettingTest {

  private static final int YEAR = 2033;

  @Inject DataSource dataSource;

  /** The tables (other than the tombstone's) holding the text anywhere in a row. */
  private List<String> tablesNaming(String id) throws SQLException {
    List<String> naming = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "select table_name from information_schema.tables"
                      + " where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      for (String t : tables) {
        // The tombstone keeps the pseudonymous id; so does the change log (ADR 0020) until every
        // matching instance has read the removal and the rows are trimmed: only the id, no data.
        if (t.equals("forgotten_student") || t.equals("read_model_change")) {
          continue;
        }
        try (PreparedStatement s =
            c.prepareStatement(
                "select count(*) from \"" + t + "\" x where x::text like '%' || ? || '%'")) {
          s.setString(1, id);
          try (ResultSet r = s.executeQuery()) {
            r.next();
            if (r.getLong(1) > 0) {
              naming.add(t);
            }
          }
        }
      }
    }
    return naming;
  }

  private static int placed(String institution) {
    return given()
        .auth()
        .oauth2(TestJwt.token("university", institution))
        .get("/api/v1/institutions/{code}/outcomes?graduationYear=" + YEAR, institution)
        .then()
        .statusCode(200)
        .extract()
        .path("placed");
  }

  @Test
  void aForgottenStudentsApplicationsAndPlacementsNameThemNoMoreButStillCount() throws Exception {
    String institution = TestCodes.newInstitutionCode();
    String city = Events.newCity();
    Events.Demand demand = Events.demand().city(city).essential("Java");
    Events.Profile p =
        Events.profile().institution(institution).graduating(YEAR).cities(city).skills("Java");
    Events.deliver(Events.TALENT_DEMAND, demand.event());
    Events.deliver(Events.CURRICULUM, p.event());
    String application = ContractExamples.newId();
    Events.deliver(
        Events.TALENT_DEMAND, Events.application(application, demand, p.id, "invited", 0));
    Events.deliver(Events.TALENT_DEMAND, Events.placement(p.id).on(demand).of(p).event());
    Events.deliver(Events.CURRICULUM, Events.jobSeekingResumed(p.id, "2027-09-01T00:00:00Z"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "INVITED"
                    .equals(
                        given()
                            .auth()
                            .oauth2(TestJwt.token("enterprise", demand.enterpriseCode))
                            .get("/api/v1/demands/{id}/matches", demand.id)
                            .then()
                            .extract()
                            .path(
                                "matches.find { it.studentId == '"
                                    + p.id
                                    + "' }.applicationStatus")));
    assertEquals(1, placed(institution));

    // The bound: forgotten in every service within 1 s of curriculum-service's event,
    // the ranking index included (it follows the tables every 100 ms, ADR 0020).
    CloudEvent forget = Events.forgotten(p.id, "ERASED", "2027-10-01T00:00:00Z");
    long sent = System.nanoTime();
    TestProducer.send(Events.CURRICULUM, forget);
    await()
        .atMost(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> InboxProbe.processed("matching-service", forget.id()));
    assertEquals(List.of(), tablesNaming(p.id));
    // Counted still, as a placement of nobody.
    assertEquals(1, placed(institution));
    await()
        .atMost(Duration.ofMillis(Math.max(1, 1000 - (System.nanoTime() - sent) / 1_000_000)))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                !given()
                    .auth()
                    .oauth2(TestJwt.token("enterprise", demand.enterpriseCode))
                    .get("/api/v1/demands/{id}/matches", demand.id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .<List<String>>path("matches.studentId")
                    .contains(p.id));

    // Late events about them (talent-demand withdraws their applications; a hire in flight; a
    // resumption) name them nowhere either.
    Events.deliver(
        Events.TALENT_DEMAND, Events.application(application, demand, p.id, "withdrawn", 1));
    Events.deliver(
        Events.TALENT_DEMAND,
        Events.placement(p.id).on(demand).of(p).hiredAt("2027-10-02T00:00:00Z").event());
    Events.deliver(Events.CURRICULUM, Events.jobSeekingResumed(p.id, "2027-11-01T00:00:00Z"));
    assertEquals(List.of(), tablesNaming(p.id));
    assertEquals(2, placed(institution));
  }
}
