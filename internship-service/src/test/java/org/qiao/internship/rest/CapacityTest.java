package org.qiao.internship.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.qiao.internship.support.Api;
import org.qiao.internship.support.Internships;
import org.qiao.kit.testing.TestCaller;

/** A mentor's capacity holds, also when many assignments race for the last place. */
@QuarkusTest
class CapacityTest {

  @Test
  void aProposalAboveTheMentorsCapacityIsRefused() {
    Internships x = new Internships();
    TestCaller busy = Api.mentor(x.enterprise, 1);
    Map<String, Object> first = new HashMap<>(x.proposal());
    first.put("enterpriseMentorId", busy.id());
    x.enterprise.create("/api/v1/internships", first);
    x.enterprise
        .call()
        .body(first)
        .post("/api/v1/internships")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void theOtherSidesMentorTakesAPlaceOnAcceptingAndIsRefusedWhenFull() {
    Internships x = new Internships();
    TestCaller full = Api.mentor(x.institution, 1);
    Map<String, Object> body = new HashMap<>(x.proposal());
    body.put("institutionMentorId", full.id());
    // Proposals by the enterprise do not fill the institution's mentor...
    String first = x.enterprise.create("/api/v1/internships", body);
    String second = x.enterprise.create("/api/v1/internships", body);
    x.institution
        .call()
        .get("/api/v1/mentors/" + full.id())
        .then()
        .body("assigned", org.hamcrest.Matchers.equalTo(0));
    // ...accepting does, and the second acceptance finds no place.
    full.ifMatch("/api/v1/internships/" + first)
        .post("/api/v1/internships/" + first + "/acceptances")
        .then()
        .statusCode(200);
    full.ifMatch("/api/v1/internships/" + second)
        .post("/api/v1/internships/" + second + "/acceptances")
        .then()
        .statusCode(409)
        .body("type", org.hamcrest.Matchers.endsWith("mentor-at-capacity"));
    x.institution
        .call()
        .get("/api/v1/mentors/" + full.id())
        .then()
        .body("assigned", org.hamcrest.Matchers.equalTo(1));
    // A PUT of the mentor read before an assignment cannot write an old count back.
    String etag =
        x.institution.call().get("/api/v1/mentors/" + full.id()).then().extract().header("ETag");
    x.institution
        .ifMatch("/api/v1/internships/" + first)
        .body(Map.of("reason", "OTHER"))
        .post("/api/v1/internships/" + first + "/termination")
        .then()
        .statusCode(200);
    x.institution
        .call()
        .header("If-Match", etag)
        .body(Map.of("name", "n", "title", "t", "capacity", 1))
        .put("/api/v1/mentors/" + full.id())
        .then()
        .statusCode(412);
    x.institution
        .call()
        .get("/api/v1/mentors/" + full.id())
        .then()
        .body("assigned", org.hamcrest.Matchers.equalTo(0));
  }

  @Test
  void twentyConcurrentAssignmentsForTheLastPlaceExactlyOneWins() throws Exception {
    Internships x = new Internships();
    TestCaller lastPlace = Api.mentor(x.enterprise, 3);
    Map<String, Object> body = new HashMap<>(x.proposal());
    body.put("enterpriseMentorId", lastPlace.id());
    x.enterprise.create("/api/v1/internships", body);
    x.enterprise.create("/api/v1/internships", body);

    int racers = 20;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        Callable<Integer> propose =
            () -> {
              go.await();
              return x.enterprise.call().body(body).post("/api/v1/internships").statusCode();
            };
        answers.add(pool.submit(propose));
      }
      go.countDown();
      Map<Integer, Integer> byStatus = new HashMap<>();
      for (Future<Integer> a : answers) {
        byStatus.merge(a.get(), 1, Integer::sum);
      }
      assertEquals(Map.of(201, 1, 409, 19), byStatus);
    } finally {
      pool.shutdownNow();
    }
    x.enterprise
        .call()
        .get("/api/v1/mentors/" + lastPlace.id())
        .then()
        .statusCode(200)
        .body("assigned", org.hamcrest.Matchers.equalTo(3));
    x.institution
        .call()
        .get("/api/v1/mentors/" + x.institutionMentor.id())
        .then()
        .body("assigned", org.hamcrest.Matchers.equalTo(0));
  }
}
