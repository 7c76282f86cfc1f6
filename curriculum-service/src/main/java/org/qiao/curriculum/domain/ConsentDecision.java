package org.qiao.curriculum.domain;

import java.time.Duration;
import java.time.Instant;
import org.qiao.kit.problem.Rules;

/**
 * A student's consent to matching as it stands: given or not, under which text, since when, and who
 * made that decision. The rules of who may change it live here (ADR 0009): the student's own
 * decision is reversed only by the student; an institution's statement (a registrar's import of
 * consent collected on paper) changes it only where the student has decided nothing, only towards a
 * newer time than the decision on record, and never with a time in the future.
 *
 * @param at when the decision was made; null while nobody has decided anything
 * @param by who decided; null while nobody has decided anything
 */
public record ConsentDecision(boolean given, String textVersion, Instant at, Party by) {

  /** Who made a decision. */
  public enum Party {
    /**
     * The student themself (their own endpoints; a withdrawal the institution records at the
     * student's request counts as the student's).
     */
    STUDENT,
    /** The institution, stating consent it collected (an import row). */
    INSTITUTION
  }

  /**
   * How far ahead of this service's clock a stated consent time may be (the registrar's clock may
   * run a little fast); such a time is recorded as now, so no decision on record is in the future.
   */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  public static ConsentDecision none() {
    return new ConsentDecision(false, null, null, null);
  }

  /** The student consents: always possible, whoever decided before and whenever. */
  public ConsentDecision studentConsents(String version, Instant now) {
    Consent c = new Consent(true, version, now);
    return new ConsentDecision(true, c.textVersion(), now, Party.STUDENT);
  }

  /** The student withdraws: possible whenever consent is given. */
  public ConsentDecision studentWithdraws(Instant now) {
    if (!given) {
      throw Rules.illegal("Consent is not given; there is nothing to withdraw");
    }
    return new ConsentDecision(false, textVersion, now, Party.STUDENT);
  }

  /**
   * What consent becomes when the institution states {@code stated} at {@code now}; this decision
   * itself when the statement changes nothing.
   *
   * @throws org.qiao.kit.problem.ProblemException (field consentAt) when the stated time is in the
   *     future
   */
  public ConsentDecision institutionStates(Consent stated, Instant now) {
    if (stated.at() != null && stated.at().isAfter(now.plus(CLOCK_SKEW))) {
      throw Rules.invalid(
          "consentAt", "must not be in the future (a clock difference of 5 minutes is allowed)");
    }
    if (by == Party.STUDENT) {
      // The student's own decision stands, whatever the file says and whatever its time.
      return this;
    }
    if (!stated.given()) {
      // A refusal or withdrawal on paper: always recorded, at the time it reaches us (the file
      // carries no time for it), so no older paper consent can follow it.
      return given || at == null
          ? new ConsentDecision(false, textVersion, now, Party.INSTITUTION)
          : this;
    }
    Instant when = stated.at() == null ? null : min(stated.at(), now);
    if (at == null) {
      // Nobody decided anything yet: the paper consent is recorded (undated: as of now).
      return new ConsentDecision(
          true, stated.textVersion(), when == null ? now : when, Party.INSTITUTION);
    }
    // Over an institution's earlier decision only a consent shown to be newer: an undated or an
    // older (or the same) paper consent, e.g. an old file imported again, changes nothing.
    if (when == null || !when.isAfter(at) || given && stated.textVersion().equals(textVersion)) {
      return this;
    }
    return new ConsentDecision(true, stated.textVersion(), when, Party.INSTITUTION);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
