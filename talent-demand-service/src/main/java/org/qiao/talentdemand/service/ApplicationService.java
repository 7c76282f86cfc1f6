package org.qiao.talentdemand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.http.Versions;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;
import org.qiao.talentdemand.config.TalentDemandConfig;
import org.qiao.talentdemand.domain.Application;
import org.qiao.talentdemand.domain.ApplicationStatus;
import org.qiao.talentdemand.domain.Demand;
import org.qiao.talentdemand.domain.DemandStatus;
import org.qiao.talentdemand.domain.Enterprise;
import org.qiao.talentdemand.domain.IllegalTransition;
import org.qiao.talentdemand.domain.KnownStudent;
import org.qiao.talentdemand.domain.Side;
import org.qiao.talentdemand.domain.StudentBlock;
import org.qiao.talentdemand.messaging.TalentDemandEvents;

/**
 * Applications (ADR 0014): invitations by enterprises, applications by students, and their answers.
 * Each change and its event commit together.
 */
@ApplicationScoped
public class ApplicationService {

  private final TalentDemandEvents events;
  private final Callers callers;
  private final TalentDemandConfig config;
  private final EntityManager em;
  private final Clock clock;

  ApplicationService(
      TalentDemandEvents events,
      Callers callers,
      TalentDemandConfig config,
      EntityManager em,
      Clock clock) {
    this.events = events;
    this.callers = callers;
    this.config = config;
    this.em = em;
    this.clock = clock;
  }

  /**
   * The calling enterprise invites a student to its published demand. A student who is unknown, not
   * consented, forgotten or has blocked the enterprise answers the same 404 as a demand that is not
   * the caller's, so ids cannot be probed.
   */
  @Transactional
  public Application invite(UUID demandId, String studentId) {
    Enterprise caller = callers.enterprise();
    Demand d = Demand.findById(demandId);
    if (d == null || !d.isOwnedBy(caller.id)) {
      throw ProblemException.notFound("demand " + demandId);
    }
    if (!KnownStudent.isContactable(studentId)
        || StudentBlock.find(studentId, caller.id).isPresent()) {
      throw ProblemException.notFound("student " + studentId);
    }
    if (Application.count(
            "demandId = ?1 and studentId = ?2 and startedBy = ?3 and status = ?4",
            d.id,
            studentId,
            Side.ENTERPRISE,
            ApplicationStatus.DECLINED)
        > 0) {
      throw new ProblemException(
          409,
          "invitation-declined",
          "Conflict",
          "The student declined an invitation to this demand; it is not sent again",
          List.of());
    }
    // Counted under the demand's row lock, so concurrent invitations cannot pass the bound
    // together.
    em.lock(d, LockModeType.PESSIMISTIC_WRITE);
    int bound = config.applications().invitationsPerHeadcount() * d.headcount;
    long open = Application.count("demandId = ?1 and status = ?2", d.id, ApplicationStatus.INVITED);
    if (open >= bound) {
      throw new ProblemException(
          409,
          "invitation-quota",
          "Conflict",
          "A demand may have at most "
              + bound
              + " unanswered invitations ("
              + config.applications().invitationsPerHeadcount()
              + " per person of its headcount); wait for answers or withdraw some",
          List.of());
    }
    return start(d, studentId, Side.ENTERPRISE, caller);
  }

  /** The calling student applies to a published demand. */
  @Transactional
  public Application apply(UUID demandId) {
    String student = callers.student();
    Demand d = Demand.findById(demandId);
    if (d == null || d.publishedAt == null) {
      throw ProblemException.notFound("demand " + demandId);
    }
    if (!KnownStudent.isContactable(student)) {
      throw new ProblemException(
          409,
          "profile-not-published",
          "Conflict",
          "Consent to matching first: only a student whose profile is published may apply",
          List.of());
    }
    return start(d, student, Side.STUDENT, Enterprise.findById(d.enterpriseId));
  }

  private Application start(Demand d, String studentId, Side by, Enterprise owner) {
    if (Application.count(
            "demandId = ?1 and studentId = ?2 and status in ?3",
            d.id,
            studentId,
            ApplicationStatus.OPEN)
        > 0) {
      throw new IllegalTransition("The student and this demand already have an open application");
    }
    Instant now = clock.instant();
    Application a =
        Application.start(
            Ids.newId(clock),
            d,
            studentId,
            by,
            now.plus(Duration.ofDays(config.applications().answerDays())),
            now);
    a.persist();
    events.application(a, owner);
    return a;
  }

  /** An application the caller is a party of; for anyone else 404. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Application get(UUID id) {
    Application a = Application.findById(id);
    if (a == null || sideOf(a) == null) {
      throw ProblemException.notFound("application " + id);
    }
    return a;
  }

  /** The caller's side takes the transition, on the version the caller read. */
  @Transactional
  public Application take(UUID id, Application.Transition t, long expectedVersion) {
    Application a = get(id);
    Versions.check(expectedVersion, a.version);
    if (t == Application.Transition.ACCEPT) {
      Demand d = Demand.findById(a.demandId);
      if (d.status != DemandStatus.PUBLISHED) {
        throw new IllegalTransition("The demand is " + d.status + ": it takes no one more");
      }
    }
    a.take(t, sideOf(a), clock.instant());
    events.application(a, Enterprise.findById(a.enterpriseId));
    return a;
  }

  /** The calling enterprise's demand's applications, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Application> ofDemand(
      UUID demandId, ApplicationStatus status, UUID cursor, int limit) {
    Demand d = Demand.findById(demandId);
    if (d == null || !d.isOwnedBy(Viewer.orNobody(callers.viewer().enterpriseId()))) {
      throw ProblemException.notFound("demand " + demandId);
    }
    return KeysetQuery.from("application")
        .and("demand_id = ?", d.id)
        .andIfPresent("status = ?", status == null ? null : status.name())
        .page(em, Application.class, cursor, limit, a -> a.id);
  }

  /** The calling student's own applications, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Application> ofStudent(ApplicationStatus status, UUID cursor, int limit) {
    return KeysetQuery.from("application")
        .and("student_id = ?", callers.student())
        .andIfPresent("status = ?", status == null ? null : status.name())
        .page(em, Application.class, cursor, limit, a -> a.id);
  }

  /**
   * The calling student blocks an enterprise: its unanswered invitations to them are declined, and
   * it can invite them no more. Blocking again changes nothing.
   */
  @Transactional
  public StudentBlock block(UUID enterpriseId) {
    String student = callers.student();
    Enterprise e = Enterprise.findById(enterpriseId);
    if (e == null) {
      throw ProblemException.notFound("enterprise " + enterpriseId);
    }
    var existing = StudentBlock.find(student, e.id);
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant now = clock.instant();
    StudentBlock b = StudentBlock.of(Ids.newId(clock), student, e.id, now);
    b.persist();
    List<Application> invitations =
        Application.list(
            "studentId = ?1 and enterpriseId = ?2 and status = ?3",
            student,
            e.id,
            ApplicationStatus.INVITED);
    for (Application a : invitations) {
      a.take(Application.Transition.DECLINE, Side.STUDENT, now);
      events.application(a, e);
    }
    return b;
  }

  /**
   * Expires invitations and applications unanswered by {@code now}, oldest first, at most {@code
   * batch}; returns how many. Rows another transaction holds are taken on the next run.
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public int expireDue(Instant now, int batch) {
    List<Application> due =
        em.createNativeQuery(
                "select * from application where status in ('INVITED', 'APPLIED')"
                    + " and answer_by <= ?1 order by answer_by, id limit ?2 for update skip locked",
                Application.class)
            .setParameter(1, now)
            .setParameter(2, batch)
            .getResultList();
    for (Application a : due) {
      a.expire(now);
      events.application(a, Enterprise.findById(a.enterpriseId));
    }
    return due.size();
  }

  /** A forgotten student leaves every open application (in the forget event's transaction). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void withdrawForgotten(String studentId) {
    Instant now = clock.instant();
    for (Application a :
        Application.<Application>list(
            "studentId = ?1 and status in ?2", studentId, ApplicationStatus.OPEN)) {
      a.withdrawForgotten(now);
      events.application(a, Enterprise.findById(a.enterpriseId));
    }
  }

  private Side sideOf(Application a) {
    Viewer v = callers.viewer();
    return a.sideOf(v.enterpriseId(), callers.studentOrNull());
  }
}
