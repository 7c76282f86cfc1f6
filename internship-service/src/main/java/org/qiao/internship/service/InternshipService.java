package org.qiao.internship.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.qiao.internship.domain.Internship;
import org.qiao.internship.domain.InternshipStatus;
import org.qiao.internship.domain.KnownStudent;
import org.qiao.internship.domain.Mentor;
import org.qiao.internship.domain.Party;
import org.qiao.internship.domain.Rating;
import org.qiao.internship.domain.Side;
import org.qiao.internship.domain.TerminationReason;
import org.qiao.internship.messaging.InternshipEvents;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.http.Versions;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.problem.Rules;

/** Internships from proposal to evaluation; each party only in its own steps. */
@ApplicationScoped
public class InternshipService {

  private final Callers callers;
  private final MentorService mentors;
  private final InternshipEvents events;
  private final EntityManager em;
  private final Clock clock;

  InternshipService(
      Callers callers,
      MentorService mentors,
      InternshipEvents events,
      EntityManager em,
      Clock clock) {
    this.callers = callers;
    this.mentors = mentors;
    this.events = events;
    this.em = em;
    this.clock = clock;
  }

  /**
   * The enterprise or the institution proposes; its own side must be the caller's organisation, the
   * student a known student of the institution, each mentor one of that side's with a free place.
   */
  @Transactional
  public Internship propose(Internship.Terms t) {
    Side side = callers.organisationSide();
    if (!t.institutionCode().equals(callers.org()) && side == Side.INSTITUTION
        || !t.enterpriseCode().equals(callers.org()) && side == Side.ENTERPRISE) {
      throw Rules.invalid(
          side == Side.INSTITUTION ? "institutionCode" : "enterpriseCode",
          "must be your organisation's code (" + callers.org() + ")");
    }
    // Locked: a forget event for the student waits for this proposal, then finds it.
    KnownStudent s = KnownStudent.findById(t.studentId(), LockModeType.PESSIMISTIC_READ);
    if (s == null || !s.institutionCode.equals(t.institutionCode())) {
      throw Rules.invalid(
          "studentId", "is not a student of institution " + t.institutionCode() + " known here");
    }
    requireMentorOf(
        t.institutionMentorId(), t.institutionCode(), Side.INSTITUTION, "institutionMentorId");
    requireMentorOf(
        t.enterpriseMentorId(), t.enterpriseCode(), Side.ENTERPRISE, "enterpriseMentorId");
    // The proposing side's mentor now; the other side's when that mentor accepts.
    mentors.assign(side == Side.INSTITUTION ? t.institutionMentorId() : t.enterpriseMentorId());
    Internship i =
        Internship.propose(
            Ids.newId(clock),
            t,
            side == Side.INSTITUTION ? Party.INSTITUTION : Party.ENTERPRISE,
            clock.instant());
    i.persist();
    events.proposed(i);
    return i;
  }

  @Transactional
  public Internship accept(UUID id, long expectedVersion) {
    Internship i = visible(id);
    Party p = callers.party(i);
    Versions.check(expectedVersion, i.version);
    boolean confirmed = i.accept(p, clock.instant());
    if (p == Party.INSTITUTION_MENTOR && i.proposedBy() == Side.ENTERPRISE) {
      mentors.assign(i.institutionMentorId);
    } else if (p == Party.ENTERPRISE_MENTOR && i.proposedBy() == Side.INSTITUTION) {
      mentors.assign(i.enterpriseMentorId);
    }
    if (confirmed) {
      events.confirmed(i);
    } else {
      em.flush();
    }
    return i;
  }

  @Transactional
  public Internship start(UUID id, long expectedVersion) {
    Internship i = visible(id);
    callers.require(i, "started", Party.ENTERPRISE, Party.ENTERPRISE_MENTOR);
    Versions.check(expectedVersion, i.version);
    i.start(clock.instant());
    events.started(i);
    return i;
  }

  @Transactional
  public Internship evaluate(UUID id, long expectedVersion, List<Rating> ratings) {
    Internship i = visible(id);
    Party p = callers.require(i, "evaluated", Party.INSTITUTION_MENTOR, Party.ENTERPRISE_MENTOR);
    Versions.check(expectedVersion, i.version);
    Side side = p == Party.INSTITUTION_MENTOR ? Side.INSTITUTION : Side.ENTERPRISE;
    i.evaluate(i.mentorOf(side), side, ratings, clock.instant());
    em.flush();
    return i;
  }

  @Transactional
  public Internship complete(UUID id, long expectedVersion) {
    Internship i = visible(id);
    callers.require(i, "completed", Party.INSTITUTION);
    Versions.check(expectedVersion, i.version);
    i.complete(clock.instant());
    mentors.release(i.mentorsHoldingPlaces());
    events.completed(i);
    return i;
  }

  @Transactional
  public Internship terminate(UUID id, long expectedVersion, TerminationReason reason) {
    Internship i = visible(id);
    callers.require(i, "terminated", Party.INSTITUTION, Party.ENTERPRISE);
    Versions.check(expectedVersion, i.version);
    i.terminate(reason, clock.instant());
    mentors.release(i.mentorsHoldingPlaces());
    events.terminated(i);
    return i;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Internship get(UUID id) {
    return visible(id);
  }

  /** The internships the caller takes part in, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Internship> list(InternshipStatus status, UUID cursor, int limit) {
    KeysetQuery q = KeysetQuery.from("internship");
    if (callers.isStudent()) {
      q.and("student_id = ?", callers.subject()).and("institution_code = ?", callers.org());
    } else if (callers.isMentor()) {
      UUID me = callers.mentor().id;
      q.and("(institution_mentor_id = ? or enterprise_mentor_id = ?)", me, me);
    } else if (callers.organisationSide() == Side.INSTITUTION) {
      q.and("institution_code = ?", callers.org());
    } else {
      q.and("enterprise_code = ?", callers.org());
    }
    return q.andIfPresent("status = ?", status == null ? null : status.name())
        .page(em, Internship.class, cursor, limit, i -> i.id);
  }

  /** The internship if the caller takes part in it; 404 otherwise (ids cannot be probed). */
  Internship visible(UUID id) {
    return visible(id, LockModeType.NONE);
  }

  /**
   * As {@link #visible(UUID)}, locked for writing: what is added to it (a log, an incident) and a
   * forget event for its student happen one after the other, so the forget finds it.
   */
  Internship visibleLocked(UUID id) {
    return visible(id, LockModeType.PESSIMISTIC_WRITE);
  }

  private Internship visible(UUID id, LockModeType lock) {
    Internship i = Internship.findById(id, lock);
    if (i == null || !callers.sees(i)) {
      throw ProblemException.notFound("internship " + id);
    }
    return i;
  }

  private static void requireMentorOf(UUID id, String orgCode, Side side, String field) {
    Mentor m = Mentor.findById(id);
    if (m == null || !m.orgCode.equals(orgCode) || m.side != side) {
      throw Rules.invalid(
          field,
          "is not a mentor of " + orgCode + " on the " + side.name().toLowerCase() + " side");
    }
  }
}
