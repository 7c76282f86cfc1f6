package org.qiao.talentdemand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.http.Versions;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.time.ChinaTime;
import org.qiao.talentdemand.config.TalentDemandConfig;
import org.qiao.talentdemand.domain.Application;
import org.qiao.talentdemand.domain.ApplicationStatus;
import org.qiao.talentdemand.domain.Demand;
import org.qiao.talentdemand.domain.DemandStatus;
import org.qiao.talentdemand.domain.DomainViolation;
import org.qiao.talentdemand.domain.Enterprise;
import org.qiao.talentdemand.domain.IllegalTransition;
import org.qiao.talentdemand.domain.Interview;
import org.qiao.talentdemand.domain.InterviewSlot;
import org.qiao.talentdemand.domain.InterviewStatus;
import org.qiao.talentdemand.domain.KnownStudent;
import org.qiao.talentdemand.domain.Offer;
import org.qiao.talentdemand.domain.Side;
import org.qiao.talentdemand.domain.StudentBlock;
import org.qiao.talentdemand.messaging.EventTypes;
import org.qiao.talentdemand.messaging.TalentDemandEvents;

/**
 * Applications (ADR 0014): invitations by enterprises, applications by students, and their answers.
 * Each change and its event commit together.
 */
@ApplicationScoped
public class ApplicationService {

  private static final Logger LOG = Logger.getLogger(ApplicationService.class);

  /** Rounds of interviews one application may have: a bound against endless rescheduling. */
  public static final int MAX_INTERVIEW_ROUNDS = 10;

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
    em.refresh(d, LockModeType.PESSIMISTIC_WRITE);
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
    return start(d, studentId, Side.ENTERPRISE);
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
    return start(d, student, Side.STUDENT);
  }

  private Application start(Demand d, String studentId, Side by) {
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
    announce(a);
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
    announce(a);
    return a;
  }

  /**
   * The calling enterprise proposes an interview round for an accepted application (which moves to
   * interviews) or one already interviewing, when no other round is live.
   */
  @Transactional
  public Interview proposeInterview(UUID applicationId, InterviewProposal p) {
    Application a = get(applicationId);
    if (sideOf(a) != Side.ENTERPRISE) {
      throw ProblemException.notFound("application " + applicationId);
    }
    Instant now = clock.instant();
    if (a.status == ApplicationStatus.ACCEPTED) {
      a.take(Application.Transition.INTERVIEW, Side.ENTERPRISE, now);
      announce(a);
    } else if (a.status != ApplicationStatus.INTERVIEWING) {
      throw new IllegalTransition(
          "An application in state " + a.status + " takes no interviews: it must be accepted");
    }
    if (Interview.count("applicationId", a.id) >= MAX_INTERVIEW_ROUNDS) {
      throw new IllegalTransition(
          "An application has at most " + MAX_INTERVIEW_ROUNDS + " interview rounds");
    }
    // A round whose time has passed no longer holds the application's one live place.
    for (Interview live : liveRounds(a)) {
      live.settle(now);
    }
    em.flush();
    if (Interview.count("applicationId = ?1 and status in ?2", a.id, InterviewStatus.LIVE) > 0) {
      throw new IllegalTransition(
          "The application has a proposed or scheduled interview: cancel it first");
    }
    Interview i =
        Interview.propose(
            Ids.newId(clock), a.id, p.slots(), p.mode(), p.divisionCode(), p.note(), now);
    i.persist();
    return i;
  }

  /** What an enterprise proposes for an interview round. */
  public record InterviewProposal(
      List<InterviewSlot> slots, Interview.Mode mode, String divisionCode, String note) {}

  /** The application's interview rounds, oldest first, for its two parties. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Interview> interviews(UUID applicationId) {
    Application a = get(applicationId);
    return Interview.list("applicationId = ?1 order by id", a.id);
  }

  /** One interview round of an application the caller is a party of; 404 otherwise. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Interview interview(UUID applicationId, UUID interviewId) {
    Application a = get(applicationId);
    Interview i = Interview.findById(interviewId);
    if (i == null || !i.applicationId.equals(a.id)) {
      throw ProblemException.notFound("interview " + interviewId);
    }
    return i;
  }

  /** An interview round with what a calendar entry names: the demand and the enterprise. */
  public record InterviewContext(Interview interview, String demandTitle, String enterpriseName) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public InterviewContext interviewInContext(UUID applicationId, UUID interviewId) {
    Interview i = interview(applicationId, interviewId);
    Application a = Application.findById(applicationId);
    Demand d = Demand.findById(a.demandId);
    Enterprise e = Enterprise.findById(a.enterpriseId);
    return new InterviewContext(i, d.title, e.name);
  }

  /** What the caller does to an interview round. */
  public enum InterviewMove {
    CHOOSE,
    ASK_FOR_OTHERS,
    CANCEL
  }

  /** The caller's side moves an interview round, on the version the caller read. */
  @Transactional
  public Interview moveInterview(
      UUID applicationId,
      UUID interviewId,
      InterviewMove move,
      Integer slot,
      String note,
      long expectedVersion) {
    Interview i = interview(applicationId, interviewId);
    Versions.check(expectedVersion, i.version);
    Application a = Application.findById(applicationId);
    Side by = sideOf(a);
    Instant now = clock.instant();
    // A round whose time passed is held or lapsed before anyone moves it: no cancelling the past.
    i.settle(now);
    switch (move) {
      case CHOOSE -> {
        if (slot == null) {
          throw new DomainViolation("slot", "must be given");
        }
        i.choose(slot, by, now);
      }
      case ASK_FOR_OTHERS -> i.askForOthers(note, by, now);
      case CANCEL -> i.cancel(by, now);
    }
    em.flush();
    return i;
  }

  /** The calling enterprise makes an offer after interviews, on the version it read. */
  @Transactional
  public Application offer(UUID applicationId, OfferTerms terms, long expectedVersion) {
    Application a = get(applicationId);
    Versions.check(expectedVersion, a.version);
    if (sideOf(a) != Side.ENTERPRISE) {
      throw ProblemException.notFound("application " + applicationId);
    }
    Demand d = Demand.findById(a.demandId);
    if (d.status != DemandStatus.PUBLISHED) {
      throw new IllegalTransition("The demand is " + d.status + ": it takes no one more");
    }
    Offer o =
        Offer.of(
            terms.salaryMin(),
            terms.salaryMax(),
            terms.startDate(),
            terms.answerBy(),
            terms.divisionCode(),
            ChinaTime.today(clock));
    Instant now = clock.instant();
    a.offer(o, now);
    // Past interviews: a round still ahead is cancelled, a held one stays held.
    for (Interview live : liveRounds(a)) {
      live.closeWithApplication(now);
    }
    announce(a);
    return a;
  }

  /** What an enterprise offers, as the request gave it (validated by {@link Offer#of}). */
  public record OfferTerms(
      Integer salaryMin,
      Integer salaryMax,
      LocalDate startDate,
      LocalDate answerBy,
      String divisionCode) {}

  /**
   * The calling student accepts the offer: hired. The hire counts against the demand's headcount
   * under its row lock; the last one fills the demand, and its other open applications end (reason
   * DEMAND_FILLED). A placement is recorded. All in one transaction with their events.
   */
  @Transactional
  public Application acceptOffer(UUID applicationId, long expectedVersion) {
    Application a = get(applicationId);
    Versions.check(expectedVersion, a.version);
    // Loaded under its row lock (not locked after reading): concurrent hires queue here and each
    // counts against the headcount as the one before it left it.
    Demand d = em.find(Demand.class, a.demandId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    a.hire(now); // 409 unless offered and in time
    if (d.status != DemandStatus.PUBLISHED) {
      throw new IllegalTransition("The demand is " + d.status + ": it takes no one more");
    }
    announce(a);
    Enterprise owner = Enterprise.findById(d.enterpriseId);
    boolean filled = d.recordHires(1, now);
    events.demand(filled ? EventTypes.DEMAND_FILLED : EventTypes.DEMAND_HIRES_RECORDED, d, owner);
    KnownStudent student = KnownStudent.findById(a.studentId);
    if (student != null && student.hasProfileAttributes()) {
      events.placement(a, d, owner, student);
    } else {
      LOG.warnf(
          "Application %s hired a student whose profile attributes are unknown: no placement",
          a.id);
    }
    if (filled) {
      endOpenOf(d, Application.EndReason.DEMAND_FILLED);
    }
    return a;
  }

  /**
   * Ends every open application of a demand that takes no one more (filled, closed, expired), in
   * the caller's transaction: each party is told by its event.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void endOpenOf(Demand d, Application.EndReason reason) {
    Instant now = clock.instant();
    for (Application a :
        Application.<Application>list(
            "demandId = ?1 and status in ?2", d.id, ApplicationStatus.OPEN)) {
      a.end(reason, now);
      announce(a);
    }
  }

  /**
   * The student revoked the contact grant of an application (curriculum-service's event): it ends
   * if still open. An unknown application, or one of another student, changes nothing.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void contactRevoked(UUID applicationId, String studentId) {
    Application a = Application.findById(applicationId);
    if (a != null && a.status.isOpen() && studentId != null && studentId.equals(a.studentId)) {
      a.end(Application.EndReason.CONTACT_REVOKED, clock.instant());
      announce(a);
    }
  }

  private static List<Interview> liveRounds(Application a) {
    return Interview.list("applicationId = ?1 and status in ?2", a.id, InterviewStatus.LIVE);
  }

  /** Announces the application's new stage; an ended one's live interview ends with it. */
  private void announce(Application a) {
    if (!a.status.isOpen()) {
      for (Interview i : liveRounds(a)) {
        i.closeWithApplication(a.updatedAt);
      }
    }
    events.application(a, Enterprise.findById(a.enterpriseId));
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
      announce(a);
    }
    return b;
  }

  /** The calling student's blocks, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<StudentBlock> blocks(UUID cursor, int limit) {
    return KeysetQuery.from("student_block")
        .and("student_id = ?", callers.student())
        .page(em, StudentBlock.class, cursor, limit, b -> b.id);
  }

  /** The calling student's block of an enterprise; 404 when they have none. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public StudentBlock blockOf(UUID enterpriseId) {
    return StudentBlock.find(callers.student(), enterpriseId)
        .orElseThrow(() -> ProblemException.notFound("block of enterprise " + enterpriseId));
  }

  /** The calling student lifts a block: the enterprise may invite them again. */
  @Transactional
  public void unblock(UUID enterpriseId) {
    blockOf(enterpriseId).delete();
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
                "select * from application where status in ('INVITED', 'APPLIED', 'OFFERED')"
                    + " and answer_by <= ?1 order by answer_by, id limit ?2 for update skip locked",
                Application.class)
            .setParameter(1, now)
            .setParameter(2, batch)
            .getResultList();
    for (Application a : due) {
      a.expire(now);
      announce(a);
    }
    return due.size();
  }

  /**
   * A forgotten student leaves every open application (events tell both sides), and then every
   * application of theirs loses their id: it stays only as a count (in the forget event's
   * transaction).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forgetStudent(String studentId) {
    Instant now = clock.instant();
    for (Application a :
        Application.<Application>list(
            "studentId = ?1 and status in ?2", studentId, ApplicationStatus.OPEN)) {
      a.end(Application.EndReason.STUDENT_FORGOTTEN, now);
      announce(a);
    }
    em.flush();
    // Their own words in interview rounds go too: a note may name a phone number or a person.
    em.createQuery(
            "update Interview set studentNote = null where applicationId in"
                + " (select a.id from Application a where a.studentId = ?1)")
        .setParameter(1, studentId)
        .executeUpdate();
    em.createQuery("update Application set studentId = null where studentId = ?1")
        .setParameter(1, studentId)
        .executeUpdate();
  }

  private Side sideOf(Application a) {
    Viewer v = callers.viewer();
    return a.sideOf(v.enterpriseId(), callers.studentOrNull());
  }
}
