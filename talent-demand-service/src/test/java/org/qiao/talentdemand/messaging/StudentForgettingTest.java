package org.qiao.talentdemand.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qiao.talentdemand.support.Applications.apply;
import static org.qiao.talentdemand.support.Applications.demand;
import static org.qiao.talentdemand.support.Applications.invite;
import static org.qiao.talentdemand.support.Applications.status;
import static org.qiao.talentdemand.support.Applications.take;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.talentdemand.domain.Application;
import org.qiao.talentdemand.domain.StudentBlock;
import org.qiao.talentdemand.support.Api;
import org.qiao.talentdemand.support.Applications;
import org.qiao.talentdemand.support.Students;

/**
 * curriculum-service's profile and forget events decide whom an enterprise may invite (ADR 0009): a
 * forgotten student leaves every open application mid-flow; after a withdrawal only a profile of
 * renewed consent brings them back, after erasure nothing does.
 */
@QuarkusTest
class StudentForgettingTest {

  private static final String WITHDRAWN = "2027-04-01T01:00:00Z";
  private static final String CONSENTED_AGAIN = "2027-05-01T01:00:00Z";

  @Test
  void aStudentWhoWithdrawsConsentLeavesEveryOpenApplication() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String invited = invite(owner, demand(owner, 1), student);
    String accepted = apply(student, demand(owner, 1));
    take(owner, accepted, "acceptance").statusCode(200);
    String round = Applications.proposeRound(owner, accepted);
    student
        .ifMatch(round)
        .body(java.util.Map.of("note", "请打 13800138000 找我"))
        .post(round + "/reschedule-request")
        .then()
        .statusCode(200);
    String declined = invite(owner, demand(owner, 1), student);
    take(student, declined, "decline").statusCode(200);

    // The bound: forgotten in every service within 1 s of curriculum-service's event.
    Students.forget(student, "CONSENT_WITHDRAWN", WITHDRAWN);
    await()
        .atMost(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> "WITHDRAWN".equals(status(owner, accepted)));

    for (String open : List.of(invited, accepted)) {
      owner
          .call()
          .get("/api/v1/applications/" + open)
          .then()
          .body("status", equalTo("WITHDRAWN"))
          .body("endReason", equalTo("STUDENT_FORGOTTEN"))
          .body("studentId", nullValue());
    }
    // An ended one stays as it ended, but only as a count: the student's id is gone.
    owner
        .call()
        .get("/api/v1/applications/" + declined)
        .then()
        .body("status", equalTo("DECLINED"))
        .body("studentId", nullValue());
    // Their own words in the interview round are gone too.
    owner.call().get(round).then().statusCode(200).body("studentNote", nullValue());
    assertEquals(false, Students.contactable(student.id()));
    assertEquals(
        0L,
        (long)
            QuarkusTransaction.requiringNew()
                .call(() -> Application.count("studentId", student.id())));
  }

  @Test
  void aWithdrawnStudentComesBackOnlyWithAProfileOfRenewedConsent() {
    Api.Org student = Students.published();
    Students.awaitProcessed(Students.forget(student, "CONSENT_WITHDRAWN", WITHDRAWN));
    // The profile from before the withdrawal, late or replayed (also under a higher version).
    Students.awaitProcessed(Students.profile(student, 1, Students.CONSENTED));
    Students.awaitProcessed(Students.profile(student, 2, Students.CONSENTED));
    assertEquals(false, Students.contactable(student.id()));

    Students.awaitProcessed(Students.profile(student, 3, CONSENTED_AGAIN));
    assertEquals(true, Students.contactable(student.id()));
    Api.Org owner = Api.enterprise();
    invite(owner, demand(owner, 1), student);
  }

  @Test
  void anErasedStudentIsNeverContactableAgainAndTheirBlocksGo() {
    Api.Org student = Students.published();
    Api.Org owner = Api.enterprise();
    String invited = invite(owner, demand(owner, 1), student);
    student
        .call()
        .body(Map.of("enterpriseId", Api.enterprise().id()))
        .post("/api/v1/students/me/blocked-enterprises")
        .then()
        .statusCode(201);

    Students.awaitProcessed(Students.forget(student, "ERASED", WITHDRAWN));
    Students.awaitProcessed(Students.forget(student, "CONSENT_WITHDRAWN", WITHDRAWN));
    Students.awaitProcessed(Students.profile(student, 9, CONSENTED_AGAIN));

    assertEquals(false, Students.contactable(student.id()));
    assertEquals("WITHDRAWN", status(owner, invited));
    assertEquals(
        0L,
        QuarkusTransaction.requiringNew()
            .call(() -> StudentBlock.count("studentId", student.id())));
  }

  @Test
  void aRevokedContactGrantEndsTheOpenApplicationOfThatStudentOnly() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String application = apply(student, demand(owner, 1));
    take(owner, application, "acceptance").statusCode(200);
    // A revocation naming another student (a forged or mixed-up event) changes nothing.
    Students.awaitProcessed(Students.contactRevoked(application, Students.unknown().id()));
    assertEquals("ACCEPTED", status(owner, application));

    Students.awaitProcessed(Students.contactRevoked(application, student.id()));
    owner
        .call()
        .get("/api/v1/applications/" + application)
        .then()
        .body("status", equalTo("WITHDRAWN"))
        .body("endReason", equalTo("CONTACT_REVOKED"));
    // Again (a redelivery under a new id): the ended application stays as it is.
    Students.awaitProcessed(Students.contactRevoked(application, student.id()));
    assertEquals("WITHDRAWN", status(owner, application));
  }
}
