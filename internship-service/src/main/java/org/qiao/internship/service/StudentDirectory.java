package org.qiao.internship.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** What a profile event says that this service keeps. */
  public record PublishedProfile(
      String pseudonymousId, String institutionCode, long version, Instant consentGivenAt) {}

  /**
   * Consented profiles were published, taken in one after another (older versions than the one kept
   * change nothing). A forgotten student stays forgotten, unless they withdrew consent and the
   * profile was published after the withdrawal (they consented again). The students and tombstones
   * of all are read in two queries: a cohort import publishes hundreds of thousands.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void allKnown(List<PublishedProfile> published) {
    List<String> ids = published.stream().map(PublishedProfile::pseudonymousId).distinct().toList();
    Map<String, ForgottenStudent> tombstones = new HashMap<>();
    ForgottenStudent.<ForgottenStudent>list("studentId in ?1", ids)
        .forEach(t -> tombstones.put(t.studentId, t));
    Map<String, KnownStudent> known = new HashMap<>();
    KnownStudent.<KnownStudent>list("pseudonymousId in ?1", ids)
        .forEach(k -> known.put(k.pseudonymousId, k));
    for (PublishedProfile p : published) {
      ForgottenStudent tombstone = tombstones.get(p.pseudonymousId());
      if (tombstone != null) {
        if (!tombstone.isEndedBy(p.version(), p.consentGivenAt())) {
          continue;
        }
        tombstone.delete();
        tombstones.remove(p.pseudonymousId());
      }
      KnownStudent s = known.get(p.pseudonymousId());
      if (s == null) {
        s = new KnownStudent();
        s.pseudonymousId = p.pseudonymousId();
        s.institutionCode = p.institutionCode();
        s.version = p.version();
        s.persist();
        known.put(s.pseudonymousId, s);
      } else if (p.version() > s.version) {
        s.institutionCode = p.institutionCode();
        s.version = p.version();
      }
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
