package org.qiao.internship.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.qiao.internship.domain.KnownStudent;
import org.qiao.internship.support.Api;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.InboxProbe;
import org.qiao.kit.testing.TestCaller;

/**
 * A student who withdrew consent is known again once they consent again; an erased one never, and
 * no late or replayed profile brings either back before that (ADR 0009). Events come as
 * curriculum-service sends them.
 */
@QuarkusTest
class WithdrawalAndErasureTest {

  private static final String CONSENTED = "2027-03-02T01:00:00Z";
  private static final String WITHDRAWN = "2027-04-01T01:00:00Z";
  private static final String CONSENTED_AGAIN = "2027-05-01T01:00:00Z";

  private static void awaitProcessed(CloudEvent e) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> InboxProbe.processed("internship-service", e.id()));
  }

  private static boolean known(String pseudonym) {
    return QuarkusTransaction.requiringNew().call(() -> KnownStudent.findById(pseudonym) != null);
  }

  @Test
  void aStudentWhoWithdrawsIsKnownAgainOnlyByAProfileOfTheirRenewedConsent() {
    TestCaller university = Api.university();
    TestCaller s = Api.student(university);
    String code = university.code();
    awaitProcessed(Api.publishForget(s.id(), code, "CONSENT_WITHDRAWN", WITHDRAWN));
    assertEquals(false, known(s.id()));

    // The profile from before the withdrawal, late or replayed (also under a higher version).
    awaitProcessed(Api.publishProfile(s.id(), code, 1, CONSENTED));
    awaitProcessed(Api.publishProfile(s.id(), code, 2, CONSENTED));
    assertEquals(false, known(s.id()));

    awaitProcessed(Api.publishProfile(s.id(), code, 4, CONSENTED_AGAIN));
    assertEquals(true, known(s.id()));
  }

  @Test
  void anErasedStudentIsNeverKnownAgain() {
    TestCaller university = Api.university();
    TestCaller s = Api.student(university);
    String code = university.code();
    awaitProcessed(Api.publishForget(s.id(), code, "CONSENT_WITHDRAWN", WITHDRAWN));
    awaitProcessed(Api.publishForget(s.id(), code, "ERASED", "2027-04-02T01:00:00Z"));
    awaitProcessed(Api.publishForget(s.id(), code, "CONSENT_WITHDRAWN", WITHDRAWN));
    awaitProcessed(Api.publishProfile(s.id(), code, 1, CONSENTED));
    awaitProcessed(Api.publishProfile(s.id(), code, 9, CONSENTED_AGAIN));
    assertEquals(false, known(s.id()));
  }
}
