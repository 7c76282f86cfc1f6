package org.qiao.curriculum.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.domain.ConsentDecision.Party;
import org.qiao.kit.problem.ProblemException;

/** Who may change a student's consent, and when (ADR 0009). */
class ConsentDecisionTest {

  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant PAPER = Instant.parse("2026-09-01T02:00:00Z");

  private static Consent yes(Instant at) {
    return new Consent(true, "2026-01", at);
  }

  private static final Consent NO = new Consent(false, null, null);

  @Test
  void aConsentTimeInTheFutureIsRefusedNamingTheFieldNotTheValue() {
    for (ConsentDecision d :
        new ConsentDecision[] {
          ConsentDecision.none(),
          ConsentDecision.none().institutionStates(yes(PAPER), NOW),
          ConsentDecision.none().studentConsents("2026-01", NOW)
        }) {
      ProblemException e =
          assertThrows(
              ProblemException.class,
              () -> d.institutionStates(yes(Instant.parse("2099-01-01T00:00:00Z")), NOW));
      assertEquals("consentAt", e.errors().get(0).field());
      assertFalse(e.getMessage().contains("2099"));
    }
  }

  @Test
  void aTimeWithinTheClockSkewIsRecordedAsNow() {
    ConsentDecision d =
        ConsentDecision.none().institutionStates(yes(NOW.plus(Duration.ofMinutes(4))), NOW);
    assertEquals(NOW, d.at());
    assertThrows(
        ProblemException.class,
        () -> ConsentDecision.none().institutionStates(yes(NOW.plus(Duration.ofMinutes(6))), NOW));
  }

  @Test
  void theStudentsOwnDecisionStandsAgainstEveryImportWhateverItsTime() {
    ConsentDecision withdrawn =
        ConsentDecision.none()
            .institutionStates(yes(PAPER), NOW.minusSeconds(60))
            .studentWithdraws(NOW.minusSeconds(30));
    assertSame(withdrawn, withdrawn.institutionStates(yes(PAPER), NOW));
    assertSame(withdrawn, withdrawn.institutionStates(yes(NOW), NOW));
    assertSame(withdrawn, withdrawn.institutionStates(yes(null), NOW));
    ConsentDecision consented = withdrawn.studentConsents("2026-02", NOW);
    assertTrue(consented.given());
    assertEquals(Party.STUDENT, consented.by());
    assertSame(consented, consented.institutionStates(NO, NOW.plusSeconds(60)));
  }

  @Test
  void anImportRecordsConsentOnlyWhereNobodyDecidedOrAfterTheInstitutionsEarlierDecision() {
    ConsentDecision first = ConsentDecision.none().institutionStates(yes(PAPER), NOW);
    assertEquals(new ConsentDecision(true, "2026-01", PAPER, Party.INSTITUTION), first);
    // The same file again, an older paper consent, an undated one: nothing changes.
    assertSame(first, first.institutionStates(yes(PAPER), NOW));
    assertSame(first, first.institutionStates(yes(PAPER.minusSeconds(86_400)), NOW));
    assertSame(first, first.institutionStates(yes(null), NOW));
    // A newer paper consent under another text is recorded.
    Consent newer = new Consent(true, "2026-02", PAPER.plusSeconds(86_400));
    assertEquals("2026-02", first.institutionStates(newer, NOW).textVersion());
  }

  @Test
  void anImportWithdrawalIsNotUndoneByAnOlderPaperConsent() {
    ConsentDecision withdrawn =
        ConsentDecision.none().institutionStates(yes(PAPER), NOW).institutionStates(NO, NOW);
    assertFalse(withdrawn.given());
    assertEquals(NOW, withdrawn.at());
    assertSame(withdrawn, withdrawn.institutionStates(yes(PAPER), NOW.plusSeconds(60)));
    assertSame(withdrawn, withdrawn.institutionStates(yes(null), NOW.plusSeconds(60)));
    assertSame(withdrawn, withdrawn.institutionStates(NO, NOW.plusSeconds(60)));
    // A paper consent signed after the withdrawal is recorded; the student may always consent.
    assertTrue(withdrawn.institutionStates(yes(NOW.plusSeconds(30)), NOW.plusSeconds(60)).given());
    assertTrue(withdrawn.studentConsents("2026-01", NOW.plusSeconds(60)).given());
  }

  @Test
  void aRefusalOnPaperBeforeAnyConsentKeepsOlderPaperConsentsOut() {
    ConsentDecision refused = ConsentDecision.none().institutionStates(NO, NOW);
    assertEquals(new ConsentDecision(false, null, NOW, Party.INSTITUTION), refused);
    assertSame(refused, refused.institutionStates(yes(PAPER), NOW.plusSeconds(60)));
  }

  @Test
  void onlyAGivenConsentCanBeWithdrawn() {
    assertThrows(ProblemException.class, () -> ConsentDecision.none().studentWithdraws(NOW));
  }
}
