package org.qiao.load;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A ranking matching-service serves, over ids the series prepared (the set-up is not measured):
 * demand → top 10 or top 100 of the load-test enterprise's own demands, or student → top 50 of the
 * open demands. The kind comes from {@code -Dqiao.load.ranking}, the ids from the environment.
 */
public class RankingSimulation extends Simulation {

  /** Which ranking, with the request name Gatling reports it under. */
  enum Kind {
    DEMAND_TOP_10(
        "GET /api/v1/demands/{id}/matches?limit=10", "/api/v1/demands/#{id}/matches?limit=10"),
    DEMAND_TOP_100(
        "GET /api/v1/demands/{id}/matches?limit=100", "/api/v1/demands/#{id}/matches?limit=100"),
    STUDENT_TOP_50(
        "GET /api/v1/students/{id}/matches?limit=50", "/api/v1/students/#{id}/matches?limit=50");

    final String requestName;
    final String path;

    Kind(String requestName, String path) {
      this.requestName = requestName;
      this.path = path;
    }

    boolean ofStudents() {
      return this == STUDENT_TOP_50;
    }
  }

  static final String KIND_PROPERTY = "qiao.load.ranking";
  static final String DEMANDS_ENV = "QIAO_LOAD_RANKING_DEMANDS";
  static final String STUDENTS_ENV = "QIAO_LOAD_RANKING_STUDENTS";

  {
    ClosedLoad load = ClosedLoad.fromSystemProperties();
    String named = System.getProperty(KIND_PROPERTY);
    if (named == null) {
      throw new IllegalStateException(
          "which ranking? -D" + KIND_PROPERTY + "=" + Arrays.toString(Kind.values()));
    }
    Kind kind = Kind.valueOf(named);
    String ids = System.getenv(kind.ofStudents() ? STUDENTS_ENV : DEMANDS_ENV);
    if (ids == null || ids.isBlank()) {
      throw new IllegalStateException("no ids to rank: run it through deploy/qiao load rankings");
    }
    List<Map<String, Object>> feed =
        Arrays.stream(ids.split(",")).map(id -> Map.<String, Object>of("id", id)).toList();
    FeederBuilder<Object> rows = listFeeder(feed).circular();
    // The enterprise reads its own demands' rankings; any student's demands, only an admin (or
    // the student, whose token names one id).
    Platform platform = new Platform();
    String token = kind.ofStudents() ? platform.adminToken() : platform.enterpriseToken();
    setUp(
            load.population(
                kind.requestName,
                name -> feed(rows).exec(http(name).get(kind.path).check(status().is(200)))))
        .protocols(ClosedLoad.protocol(Platform.MATCHING, token))
        .maxDuration(load.maxDuration());
  }
}
