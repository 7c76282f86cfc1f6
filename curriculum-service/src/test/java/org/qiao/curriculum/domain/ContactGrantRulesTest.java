package org.qiao.curriculum.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of contact grants (ADR 0015), on explicit times instead of the service's clock. */
class ContactGrantRulesTest {

  private static final Instant T = Instant.parse("2027-03-05T02:00:00Z");

  private static KnownApplication application(String startedBy, String status, long version) {
    KnownApplication a = KnownApplication.of(UUID.randomUUID(), "sm4k2q7xz3h5n6p2r4t7v3w5y2a");
    assertTrue(a.follow(startedBy, status, version, T));
    return a;
  }

  private static ContactGrant grant() {
    return ContactGrant.grant(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "sm4k2q7xz3h5n6p2r4t7v3w5y2a",
        UUID.randomUUID(),
        "91350200MA31E12PXF",
        "厦门芯测科技有限公司",
        T);
  }

  @Test
  void onlyTheStudentsOwnStepReleasesContact() {
    for (String status :
        List.of(
            "APPLIED",
            "ACCEPTED",
            "INTERVIEWING",
            "OFFERED",
            "HIRED",
            "DECLINED",
            "WITHDRAWN",
            "REJECTED",
            "EXPIRED")) {
      assertTrue(application("STUDENT", status, 0).showsStudentConsent(), status);
    }
    for (String status : List.of("ACCEPTED", "INTERVIEWING", "OFFERED", "HIRED", "REJECTED")) {
      assertTrue(application("ENTERPRISE", status, 0).showsStudentConsent(), status);
    }
    for (String status : List.of("INVITED", "DECLINED", "EXPIRED", "WITHDRAWN")) {
      assertFalse(application("ENTERPRISE", status, 0).showsStudentConsent(), status);
    }
  }

  @Test
  void anEventNoNewerThanTheLastChangesNothing() {
    KnownApplication a = application("ENTERPRISE", "WITHDRAWN", 2);
    assertFalse(a.follow("ENTERPRISE", "ACCEPTED", 1, T));
    assertFalse(a.follow("ENTERPRISE", "ACCEPTED", 2, T));
    assertEquals("WITHDRAWN", a.status);
    assertTrue(a.isEnded());
  }

  @Test
  void aGrantLastsThirtyDaysAfterTheApplicationEnded() {
    ContactGrant g = grant();
    assertEquals(ContactGrant.State.ACTIVE, g.state(T.plus(Duration.ofDays(400))));
    g.applicationEnded(T);
    assertEquals(T.plus(Duration.ofDays(30)), g.endsAt);
    assertEquals(ContactGrant.State.ACTIVE, g.state(T.plus(Duration.ofDays(30)).minusSeconds(1)));
    assertEquals(ContactGrant.State.ENDED, g.state(T.plus(Duration.ofDays(30))));
    // A later end never lengthens it; forgetting shortens it to now.
    g.applicationEnded(T.plus(Duration.ofDays(5)));
    assertEquals(T.plus(Duration.ofDays(30)), g.endsAt);
    g.endBy(T.plus(Duration.ofDays(1)));
    assertEquals(ContactGrant.State.ENDED, g.state(T.plus(Duration.ofDays(1))));
  }

  @Test
  void aRevocationIsRecordedOnce() {
    ContactGrant g = grant();
    assertTrue(g.revoke(T));
    assertFalse(g.revoke(T.plus(Duration.ofHours(1))));
    assertEquals(T, g.revokedAt);
    assertEquals(ContactGrant.State.REVOKED, g.state(T));
  }
}
