package org.qiao.internship.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.internship.domain.Rating;
import org.qiao.internship.support.Api;
import org.qiao.internship.support.Internships;
import org.qiao.kit.testing.InboxProbe;

/**
 * A student withdrawn or erased in curriculum-service is forgotten here: references and words go.
 */
@QuarkusTest
class ForgetTest {

  @Inject EntityManager em;

  @Test
  void aForgottenStudentLeavesNoReferenceButTheCountsStay() {
    Internships x = new Internships().active();
    LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    String log =
        x.student.create(
            x.path() + "/logs",
            Map.of("weekOf", monday.toString(), "text", "本周完成了验证环境", "hours", 38.5));
    x.institutionMentor
        .ifMatch(x.path() + "/logs/" + log)
        .body(Map.of("text", "很好"))
        .post(x.path() + "/logs/" + log + "/comments")
        .then()
        .statusCode(200);
    x.enterprise.create(
        x.path() + "/incidents",
        Map.of(
            "type", "INJURY",
            "severity", "MINOR",
            "occurredOn", LocalDate.now().toString(),
            "description", "学生搬运设备时划伤手指",
            "actions", "包扎"));

    x.evaluate(x.institutionMentor, new int[] {4, 4, 4});

    // The internship's events, naming the student, are published and kept as audit copies.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> outboxRowsNaming(x.student.id(), "is null") == 0);
    assertTrue(outboxRowsNaming(x.student.id(), "is not null") > 0);

    var forget = Api.publishForget(x.student.id(), x.institution.code());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> InboxProbe.processed("internship-service", forget.id()));

    x.enterprise
        .call()
        .get(x.path())
        .then()
        .statusCode(200)
        .body("studentId", nullValue())
        .body("studentForgotten", equalTo(true))
        .body("status", equalTo("ACTIVE"))
        .body("evaluations[0].ratings.rating", org.hamcrest.Matchers.contains(4, 4, 4))
        .body(
            "evaluations[0].ratings.evidence",
            org.hamcrest.Matchers.everyItem(equalTo(Rating.FORGOTTEN)));
    x.enterprise
        .call()
        .get(x.path() + "/logs/" + log)
        .then()
        .body("text", nullValue())
        .body("comments.size()", equalTo(0))
        .body("hours", equalTo(38.5f));
    x.enterprise
        .call()
        .get(x.path() + "/incidents")
        .then()
        .body("[0].description", nullValue())
        .body("[0].actions", nullValue())
        .body("[0].type", equalTo("INJURY"));
    // The student's token reaches nothing any more, and no row names the pseudonym (events already
    // on the topic keep it until retention; every consumer forgets it on the forget event).
    x.student.call().get(x.path()).then().statusCode(404);
    assertEquals(0L, rowsNaming(x.student.id()));
    // Nor does an outbox audit copy of an event sent before (ADR 0011).
    assertEquals(0L, outboxRowsNaming(x.student.id(), "is not null"));
    // A proposal for the forgotten student is refused: the service no longer knows them.
    x.enterprise.call().body(x.proposal()).post("/api/v1/internships").then().statusCode(400);
  }

  private long outboxRowsNaming(String pseudonym, String published) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from outbox_event where published_at "
                                    + published
                                    + " and strpos(payload, ?1) > 0")
                            .setParameter(1, pseudonym)
                            .getSingleResult())
                    .longValue());
  }

  private long rowsNaming(String pseudonym) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              long n = 0;
              for (String sql :
                  List.of(
                      "select count(*) from internship where student_id = ?1",
                      "select count(*) from known_student where pseudonymous_id = ?1",
                      "select count(*) from internship_log where text like '%' || ?1 || '%'",
                      // Stored replies to retried requests (the proposal's named the student).
                      "select count(*) from idempotency_record"
                          + " where response_body like '%' || ?1 || '%'")) {
                n +=
                    ((Number)
                            em.createNativeQuery(sql).setParameter(1, pseudonym).getSingleResult())
                        .longValue();
              }
              return n;
            });
  }
}
