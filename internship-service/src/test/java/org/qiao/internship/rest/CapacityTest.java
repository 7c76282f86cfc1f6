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
  void twentyConcurrentAssignmentsForTheLastPlaceExactlyOneWins() throws Exception {
    Internships x = new Internships();
    TestCaller lastPlace = Api.mentor(x.enterprise, 3);
    Map<String, Object> body = new HashMap<>(x.proposal());
    body.put("enterpriseMentorId", lastPlace.id());
    x.enterprise.create("/api/v1/internships", body);
    x.enterprise.create("/api/v1/internships", body);
    TestCaller roomy = Api.mentor(x.institution, 50);
    body.put("institutionMentorId", roomy.id());

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
        .get("/api/v1/mentors/" + roomy.id())
        .then()
        .body("assigned", org.hamcrest.Matchers.equalTo(1));
  }
}
