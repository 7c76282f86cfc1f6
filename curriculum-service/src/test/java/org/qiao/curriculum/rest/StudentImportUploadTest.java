package org.qiao.curriculum.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.curriculum.support.GeneratedCohort;
import org.qiao.curriculum.support.RawUpload;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestCaller;
import org.qiao.kit.testing.TestJwt;

/**
 * Uploads cannot exhaust the service: the caller is checked before the body is read, a file is
 * streamed to disk (this module's tests run with a heap smaller than the bodies they send at once,
 * see the pom), and uploads received at once are bounded per organisation (429) and in all (503).
 * Bodies are generated as they are sent, never held by the test either.
 */
@QuarkusTest
class StudentImportUploadTest {

  static final long MIB = 1 << 20;

  /** Just under the 128 MiB a file may have. */
  static final long NEAR_LIMIT = 128 * MIB - 4096;

  static final String PROBLEM = "application/problem+json";

  record Admitted(TestCaller caller, RawUpload upload) {}

  @Test
  void concurrentMaximumSizeUploadsAreBoundedThenTheServiceStaysReadyAndPublishes()
      throws Exception {
    TestCaller a = Api.university();
    TestCaller b = Api.university();
    List<TestCaller> order =
        List.of(a, a, a, b, b, Api.university(), Api.university(), Api.university());
    List<Admitted> admitted = new ArrayList<>();
    List<Integer> refused = new ArrayList<>();
    List<String> jobs = Collections.synchronizedList(new ArrayList<>());
    ExecutorService senders = Executors.newFixedThreadPool(order.size());
    try {
      // Eight maximum-size uploads, each waiting to be told to send its body: the service admits
      // two per organisation and four in all, and refuses the rest before a byte is sent.
      for (TestCaller caller : order) {
        RawUpload u =
            RawUpload.start(RestAssured.port, caller.token(), "text/csv", NEAR_LIMIT, true);
        RawUpload.Answer head = u.awaitHead(30_000);
        if (head.status() == 100) {
          admitted.add(new Admitted(caller, u));
          continue;
        }
        u.close();
        assertEquals(PROBLEM, head.header("Content-Type"), head.toString());
        assertEquals("15", head.header("Retry-After"), head.toString());
        assertTrue(head.body().contains("\"status\":" + head.status()), head.body());
        refused.add(head.status());
      }
      assertEquals(List.of(429, 503, 503, 503), refused, "a's third upload, then the service");
      assertEquals(4, admitted.size());

      // The four admitted bodies, 512 MiB in all, arrive at once.
      List<Future<RawUpload.Answer>> answers = new ArrayList<>();
      for (Admitted u : admitted) {
        answers.add(
            senders.submit(
                () -> {
                  u.upload().send(new GeneratedCohort(NEAR_LIMIT), NEAR_LIMIT);
                  return u.upload().answer();
                }));
      }
      for (int i = 0; i < answers.size(); i++) {
        RawUpload.Answer answer = answers.get(i).get(5, TimeUnit.MINUTES);
        assertEquals(202, answer.status(), answer.body());
        jobs.add(JsonPath.from(answer.body()).getString("id"));
      }
    } finally {
      admitted.forEach(u -> u.upload().close());
      senders.shutdownNow();
    }

    given().get("/q/health/ready").then().statusCode(200);
    for (int i = 0; i < admitted.size(); i++) {
      JsonPath job = StudentImportTest.awaitFinished(admitted.get(i).caller(), jobs.get(i));
      assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
      assertEquals(127, job.getLong("rowsCreated"), job.prettify());
    }

    // A slot is free again, and a normal write's event arrives.
    try (EventTap tap = EventTap.open("qiao.curriculum.events")) {
      TestCaller c = Api.university();
      tap.awaitEvents(
          e ->
              e.type().equals("qiao.institution.registered.v1")
                  && (c.id().equals(e.subject()) || e.data().toString().contains(c.id())),
          1,
          Duration.ofSeconds(30));
      String job = StudentImportTest.submit(c, "text/csv", smallCohort());
      assertEquals("SUCCEEDED", StudentImportTest.awaitFinished(c, job).getString("status"));
    }
  }

  @Test
  void uploadsSentAtOnceWithoutWaitingAreAnsweredNeverWithA500() throws Exception {
    TestCaller a = Api.university();
    TestCaller b = Api.university();
    List<TestCaller> callers = List.of(a, a, a, a, b, b, b, b);
    ExecutorService senders = Executors.newFixedThreadPool(callers.size());
    List<Future<RawUpload.Answer>> answers = new ArrayList<>();
    try {
      for (TestCaller caller : callers) {
        answers.add(
            senders.submit(
                () -> {
                  try (RawUpload u =
                      RawUpload.start(
                          RestAssured.port, caller.token(), "text/csv", NEAR_LIMIT, false)) {
                    return u.sendWhileAwaitingAnswer(new GeneratedCohort(NEAR_LIMIT), NEAR_LIMIT);
                  }
                }));
      }
      int accepted = 0;
      for (Future<RawUpload.Answer> f : answers) {
        RawUpload.Answer answer = f.get(5, TimeUnit.MINUTES);
        assertTrue(List.of(202, 429).contains(answer.status()), answer.toString());
        assertNotEquals(500, answer.status());
        if (answer.status() == 202) {
          accepted++;
        } else {
          assertEquals(PROBLEM, answer.header("Content-Type"));
          assertEquals("15", answer.header("Retry-After"));
        }
      }
      assertTrue(accepted >= 2, "each organisation gets at least its first uploads in");
    } finally {
      senders.shutdownNow();
    }
    given().get("/q/health/ready").then().statusCode(200);
  }

  @Test
  void anUnregisteredInstitutionsBigUploadIsAnsweredBeforeItsBodyIsRead() throws Exception {
    TestCaller stranger = Api.unregisteredUniversity();
    // Sent without waiting: the answer comes after the first MiB of 128, not after the body.
    long started = System.nanoTime();
    try (RawUpload u =
        RawUpload.start(RestAssured.port, stranger.token(), "text/csv", NEAR_LIMIT, false)) {
      u.send(new GeneratedCohort(NEAR_LIMIT), MIB);
      RawUpload.Answer answer = u.awaitHead(10_000);
      assertEquals(409, answer.status(), answer.body());
      assertEquals(PROBLEM, answer.header("Content-Type"));
      assertTrue(answer.body().contains("institution-not-registered"), answer.body());
    }
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);

    // A client that waits to be told to send is never told to.
    try (RawUpload u =
        RawUpload.start(RestAssured.port, stranger.token(), "text/csv", NEAR_LIMIT, true)) {
      assertEquals(409, u.awaitHead(10_000).status());
    }
    // Neither is a caller whose role may not import, nor one without a token.
    String enterprise = TestJwt.token("enterprise", stranger.code());
    for (String token : new String[] {enterprise, null}) {
      try (RawUpload u = RawUpload.start(RestAssured.port, token, "text/csv", NEAR_LIMIT, true)) {
        assertEquals(token == null ? 401 : 403, u.awaitHead(10_000).status());
      }
    }
  }

  @Test
  void aChunkedFileOverTheLimitIsRefusedWhileStreamingAndNotKept() throws Exception {
    TestCaller u = Api.university();
    try (RawUpload up = RawUpload.start(RestAssured.port, u.token(), "text/csv", -1, false)) {
      RawUpload.Answer answer =
          up.sendWhileAwaitingAnswer(new GeneratedCohort(129 * MIB), 129 * MIB);
      assertEquals(413, answer.status(), answer.body());
      assertEquals(PROBLEM, answer.header("Content-Type"));
    }
    await().atMost(Duration.ofSeconds(120)).until(StudentImportUploadTest::noUploadKept);
    given().get("/q/health/ready").then().statusCode(200);
  }

  @Test
  void jsonRowsAreBoundedFarBelowAFile() throws Exception {
    TestCaller u = Api.university();
    long size = 8 * MIB + 1024;
    InputStream json =
        new SequenceInputStream(
            new ByteArrayInputStream("{\"rows\":[".getBytes(StandardCharsets.UTF_8)),
            new InputStream() {
              @Override
              public int read() {
                return ' ';
              }
            });
    try (RawUpload up =
        RawUpload.start(RestAssured.port, u.token(), "application/json", size, false)) {
      RawUpload.Answer answer = up.sendWhileAwaitingAnswer(json, size);
      assertEquals(413, answer.status(), answer.body());
      assertTrue(answer.body().contains("CSV or XLSX"), answer.body());
    }
  }

  @Test
  void aRetriedUploadIsAnsweredAsTheFirstAndItsSecondCopyIsNotKept() {
    TestCaller u = Api.university();
    byte[] file = smallCohort();
    String key = java.util.UUID.randomUUID().toString();
    String[] ids = new String[2];
    for (int i = 0; i < 2; i++) {
      var answer =
          given()
              .config(
                  RestAssured.config()
                      .encoderConfig(
                          io.restassured.config.EncoderConfig.encoderConfig()
                              .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
              .auth()
              .oauth2(u.token())
              .header("Idempotency-Key", key)
              .contentType("text/csv")
              .body(file)
              .post("/api/v1/student-imports")
              .then()
              .statusCode(202)
              .extract();
      ids[i] = answer.path("id");
      assertEquals(i == 0 ? null : "true", answer.header("Idempotent-Replayed"));
    }
    assertEquals(ids[0], ids[1]);
    assertEquals("SUCCEEDED", StudentImportTest.awaitFinished(u, ids[0]).getString("status"));
    await().atMost(Duration.ofSeconds(120)).until(StudentImportUploadTest::noUploadKept);
  }

  private static boolean noUploadKept() throws IOException {
    // Uploads go into a folder per instance under this one.
    try (var files =
        Files.walk(Path.of(System.getProperty("java.io.tmpdir"), "qiao-student-imports"))) {
      return files.noneMatch(Files::isRegularFile);
    }
  }

  private static byte[] smallCohort() {
    return ("姓名,学号,专业代码,学历,毕业年份\r\n李雷,"
            + org.qiao.curriculum.support.Bodies.newStudentNumber()
            + ",080710T,本科,2030\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
