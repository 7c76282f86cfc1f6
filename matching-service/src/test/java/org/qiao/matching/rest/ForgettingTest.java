package org.qiao.matching.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;
import org.qiao.matching.support.Events;

/**
 * Withdrawal forgets a student until they consent again; erasure forever (ADR 0009). Events come as
 * curriculum-service sends them, in order on the student's partition, and also replayed late.
 */
@QuarkusTest
class ForgettingTest {

  private static final String CONSENTED = "2027-03-02T01:00:00Z";
  private static final String WITHDRAWN = "2027-04-01T01:00:00Z";
  private static final String CONSENTED_AGAIN = "2027-05-01T01:00:00Z";

  /** The status of the student's own request for their matches: 200 ranked, 404 not known. */
  private static int matchesStatus(Events.Profile p) {
    return given()
        .auth()
        .oauth2(TestJwt.token("student", p.institutionCode(), p.id))
        .get("/api/v1/students/{id}/matches", p.id)
        .then()
        .extract()
        .statusCode();
  }

  private static void awaitStatus(Events.Profile p, int status) {
    await().atMost(Duration.ofSeconds(20)).until(() -> matchesStatus(p) == status);
  }

  @Test
  void aStudentWhoWithdrewAndConsentsAgainIsRankedAgainButNotByAReplayedOldProfile() {
    Events.Profile p = Events.profile().cities(Events.newCity());
    Events.deliver(Events.CURRICULUM, p.consentGivenAt(CONSENTED).version(1).event());
    awaitStatus(p, 200);
    Events.deliver(Events.CURRICULUM, Events.forgotten(p.id, "CONSENT_WITHDRAWN", WITHDRAWN));
    awaitStatus(p, 404);

    // Late or replayed profiles from before the withdrawal: the student stays forgotten.
    Events.deliver(Events.CURRICULUM, p.version(1).event());
    Events.deliver(Events.CURRICULUM, p.version(2).event());
    org.junit.jupiter.api.Assertions.assertEquals(404, matchesStatus(p));

    // curriculum-service publishes again after the student's renewed consent.
    Events.deliver(Events.CURRICULUM, p.consentGivenAt(CONSENTED_AGAIN).version(4).event());
    awaitStatus(p, 200);
    // An old profile replayed now changes nothing either.
    Events.deliver(Events.CURRICULUM, p.consentGivenAt(CONSENTED).version(1).event());
    org.junit.jupiter.api.Assertions.assertEquals(200, matchesStatus(p));

    // Withdrawn again: the profile of the renewed consent, replayed, no longer brings them back.
    Events.deliver(
        Events.CURRICULUM, Events.forgotten(p.id, "CONSENT_WITHDRAWN", "2027-06-01T01:00:00Z"));
    awaitStatus(p, 404);
    Events.deliver(Events.CURRICULUM, p.consentGivenAt(CONSENTED_AGAIN).version(4).event());
    org.junit.jupiter.api.Assertions.assertEquals(404, matchesStatus(p));
  }

  @Test
  void theSameStoriesInOnePollEndAsTheyDoEventByEvent() {
    // Applied in runs of one type (ADR 0017): same student twice in a run, a forget between two
    // profiles of the student, a replay after it; every rule holds as when applied one by one.
    Events.Profile back = Events.profile().cities(Events.newCity());
    Events.Profile erased = Events.profile().cities(Events.newCity());
    Events.Profile replayed = Events.profile().cities(Events.newCity());
    Events.deliverTogether(
        Events.CURRICULUM,
        back.consentGivenAt(CONSENTED).version(1).event(),
        erased.consentGivenAt(CONSENTED).version(1).event(),
        back.version(2).event(),
        replayed.consentGivenAt(CONSENTED).version(1).event(),
        Events.forgotten(back.id, "CONSENT_WITHDRAWN", WITHDRAWN),
        Events.forgotten(erased.id, "ERASED", WITHDRAWN),
        Events.forgotten(replayed.id, "CONSENT_WITHDRAWN", WITHDRAWN),
        back.version(2).event(),
        replayed.version(3).event(),
        back.consentGivenAt(CONSENTED_AGAIN).version(4).event(),
        erased.consentGivenAt(CONSENTED_AGAIN).version(9).event());

    awaitStatus(back, 200);
    org.junit.jupiter.api.Assertions.assertEquals(404, matchesStatus(erased));
    org.junit.jupiter.api.Assertions.assertEquals(404, matchesStatus(replayed));
  }

  @Test
  void anErasedStudentIsNeverRankedAgainWhateverProfileArrives() {
    Events.Profile p = Events.profile().cities(Events.newCity());
    Events.deliver(Events.CURRICULUM, p.consentGivenAt(CONSENTED).version(1).event());
    awaitStatus(p, 200);
    Events.deliver(Events.CURRICULUM, Events.forgotten(p.id, "ERASED", WITHDRAWN));
    awaitStatus(p, 404);
    Events.deliver(Events.CURRICULUM, p.version(1).event());
    Events.deliver(Events.CURRICULUM, p.consentGivenAt(CONSENTED_AGAIN).version(9).event());
    org.junit.jupiter.api.Assertions.assertEquals(404, matchesStatus(p));
  }

  @Test
  void erasureAfterAWithdrawalIsFinalAndAReplayedWithdrawalDoesNotSoftenIt() {
    Events.Profile p = Events.profile().cities(Events.newCity());
    Events.deliver(Events.CURRICULUM, p.consentGivenAt(CONSENTED).version(1).event());
    awaitStatus(p, 200);
    Events.deliver(
        Events.CURRICULUM,
        Events.forgotten(p.id, "CONSENT_WITHDRAWN", WITHDRAWN),
        Events.forgotten(p.id, "ERASED", "2027-04-02T01:00:00Z"),
        Events.forgotten(p.id, "CONSENT_WITHDRAWN", WITHDRAWN));
    awaitStatus(p, 404);
    Events.deliver(Events.CURRICULUM, p.consentGivenAt(CONSENTED_AGAIN).version(9).event());
    org.junit.jupiter.api.Assertions.assertEquals(404, matchesStatus(p));
  }

  @Test
  void aStudentTokenOfAnotherInstitutionWithTheSameSubjectSeesNothing() {
    Events.Profile p = Events.profile().cities(Events.newCity());
    Events.deliver(Events.CURRICULUM, p.event());
    awaitStatus(p, 200);
    given()
        .auth()
        .oauth2(TestJwt.token("student", TestCodes.newInstitutionCode(), p.id))
        .get("/api/v1/students/{id}/matches", p.id)
        .then()
        .statusCode(404);
  }
}
