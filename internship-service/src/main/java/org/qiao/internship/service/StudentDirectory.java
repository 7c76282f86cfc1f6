package org.qiao.internship.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.qiao.internship.domain.ForgottenStudent;
import org.qiao.internship.domain.Incident;
import org.qiao.internship.domain.Internship;
import org.qiao.internship.domain.InternshipLog;
import org.qiao.internship.domain.KnownStudent;
import org.qiao.kit.http.Idempotency;

/** The students this service may place, kept from curriculum-service's events, and forgetting. */
@ApplicationScoped
public class StudentDirectory {

  private final EntityManager em;
  private final Idempotency idempotency;
  private final Clock clock;

  StudentDirectory(EntityManager em, Idempotency idempotency, Clock clock) {
    this.em = em;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  /**
   * A consented profile was published (older versions than the one kept change nothing). A
   * forgotten student stays forgotten, unless they withdrew consent and this profile was published
   * after the withdrawal (they consented again).
   *
   * @param consentGivenAt when the consent the profile was published under was given
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void known(
      String pseudonymousId, String institutionCode, long version, Instant consentGivenAt) {
    ForgottenStudent tombstone = ForgottenStudent.findById(pseudonymousId);
    if (tombstone != null) {
      if (!tombstone.isEndedBy(version, consentGivenAt)) {
        return;
      }
      tombstone.delete();
    }
    KnownStudent s = KnownStudent.findById(pseudonymousId);
    if (s == null) {
      s = new KnownStudent();
      s.pseudonymousId = pseudonymousId;
      s.institutionCode = institutionCode;
      s.version = version;
      s.persist();
    } else if (version > s.version) {
      s.institutionCode = institutionCode;
      s.version = version;
    }
  }

  /**
   * Forgets a student (consent withdrawn or record erased): no reference to the pseudonymous id is
   * left, the student's and mentors' words about them go; internships, hours and incident counts
   * stay for the organisations' and government's aggregates.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forget(String pseudonymousId, ForgottenStudent.Reason reason, Instant at) {
    // Only the pseudonymous id stays, as a tombstone, so a late or replayed profile does not make
    // the student known again (ADR 0009).
    KnownStudent known = KnownStudent.findById(pseudonymousId);
    long lastVersion = known == null ? 0 : known.version;
    ForgottenStudent tombstone = ForgottenStudent.findById(pseudonymousId);
    if (tombstone == null) {
      ForgottenStudent.of(pseudonymousId, reason, at, lastVersion).persist();
    } else {
      tombstone.forgetAgain(reason, at, lastVersion);
    }
    // A bulk delete runs now: it waits for a proposal holding the student, whose internship the
    // query below then sees.
    KnownStudent.delete("pseudonymousId", pseudonymousId);
    List<Internship> internships = Internship.list("studentId", pseudonymousId);
    if (internships.isEmpty()) {
      return;
    }
    List<UUID> ids = internships.stream().map(i -> i.id).toList();
    var now = clock.instant();
    internships.forEach(i -> i.forgetStudent(now));
    InternshipLog.<InternshipLog>list("internshipId in ?1", ids).forEach(l -> l.forget(now));
    Incident.<Incident>list("internshipId in ?1", ids).forEach(Incident::forget);
    // Stored answers to retried requests may quote the student or their words: they go too.
    List<String> mentions = new ArrayList<>(List.of(pseudonymousId));
    ids.forEach(id -> mentions.add(id.toString()));
    idempotency.forgetRepliesMentioning(mentions);
    em.flush();
  }
}
