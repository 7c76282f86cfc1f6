package org.qiao.talentdemand.domain;

import static org.qiao.talentdemand.domain.ApplicationStatus.ACCEPTED;
import static org.qiao.talentdemand.domain.ApplicationStatus.HIRED;
import static org.qiao.talentdemand.domain.ApplicationStatus.INTERVIEWING;
import static org.qiao.talentdemand.domain.ApplicationStatus.OFFERED;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.qiao.kit.time.ChinaTime;

/**
 * An application (邀约 / 投递): one student, by pseudonymous id, and one published demand. It starts as
 * the enterprise's invitation or the student's application; the side asked accepts or declines; the
 * side that started it may withdraw, and the student may always leave; the enterprise rejects after
 * acceptance; an unanswered one expires. Every transition and who may take it is checked here
 * ({@link #allows}); an illegal one is a 409.
 */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

  /** What a party (or, for expiry, the platform) does to an application. */
  public enum Transition {
    ACCEPT(ACCEPTED, "accepted"),
    DECLINE(ApplicationStatus.DECLINED, "declined"),
    WITHDRAW(ApplicationStatus.WITHDRAWN, "withdrawn"),
    REJECT(ApplicationStatus.REJECTED, "rejected"),
    INTERVIEW(INTERVIEWING, "moved to interviews"),
    OFFER(OFFERED, "given an offer"),
    HIRE(HIRED, "hired");

    final ApplicationStatus to;
    final String done;

    Transition(ApplicationStatus to, String done) {
      this.to = to;
      this.done = done;
    }
  }

  /** Why the platform, not a party's own move, ended an application. */
  public enum EndReason {
    DEMAND_FILLED,
    DEMAND_CLOSED,
    DEMAND_EXPIRED,
    CONTACT_REVOKED,
    STUDENT_FORGOTTEN
  }

  @Id public UUID id;

  @Column(name = "demand_id", nullable = false)
  public UUID demandId;

  @Column(name = "enterprise_id", nullable = false)
  public UUID enterpriseId;

  /**
   * The student's pseudonymous id (ADR 0009); nothing else of the person is kept here. Null once
   * the student is forgotten and the application has ended: it is then kept only as a count.
   */
  @Column(name = "student_id")
  public String studentId;

  @Enumerated(EnumType.STRING)
  @Column(name = "started_by", nullable = false)
  public Side startedBy;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ApplicationStatus status;

  /** Unanswered by then, an invitation or application expires. */
  @Column(name = "answer_by", nullable = false)
  public Instant answerBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "end_reason")
  public EndReason endReason;

  @Column(name = "offer_salary_min")
  public Integer offerSalaryMin;

  @Column(name = "offer_salary_max")
  public Integer offerSalaryMax;

  @Column(name = "offer_start_date")
  public LocalDate offerStartDate;

  @Column(name = "offer_division_code")
  public String offerDivisionCode;

  @Column(name = "offered_at")
  public Instant offeredAt;

  @Column(name = "hired_at")
  public Instant hiredAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  protected Application() {}

  /**
   * The enterprise invites the student ({@code by} ENTERPRISE) or the student applies ({@code by}
   * STUDENT) to a published demand; the other side answers by {@code answerBy}.
   */
  public static Application start(
      UUID id, Demand demand, String studentId, Side by, Instant answerBy, Instant now) {
    if (demand.status != DemandStatus.PUBLISHED) {
      throw new IllegalTransition(
          "A demand in state " + demand.status + " takes no invitations or applications");
    }
    Application a = new Application();
    a.id = id;
    a.demandId = demand.id;
    a.enterpriseId = demand.enterpriseId;
    a.studentId = studentId;
    a.startedBy = by;
    a.status = by == Side.ENTERPRISE ? ApplicationStatus.INVITED : ApplicationStatus.APPLIED;
    a.answerBy = answerBy;
    a.createdAt = now;
    a.updatedAt = now;
    return a;
  }

  /** Whether {@code by} may take {@code t} in the current stage. */
  public boolean allows(Transition t, Side by) {
    boolean asked = ApplicationStatus.AWAITING_ANSWER.contains(status) && by == startedBy.other();
    return switch (t) {
      case ACCEPT -> asked;
      // An offer is the enterprise's question, answered by the student.
      case DECLINE -> asked || status == OFFERED && by == Side.STUDENT;
      // The student may always leave: their consent is what the whole application rests on.
      case WITHDRAW -> status.isOpen() && (by == startedBy || by == Side.STUDENT);
      // Until the student accepts an offer the enterprise may still say no (and rescind it).
      case REJECT ->
          (status == ACCEPTED || status == INTERVIEWING || status == OFFERED)
              && by == Side.ENTERPRISE;
      case INTERVIEW -> status == ACCEPTED && by == Side.ENTERPRISE;
      case OFFER -> status == INTERVIEWING && by == Side.ENTERPRISE;
      case HIRE -> status == OFFERED && by == Side.STUDENT;
    };
  }

  /** {@code by} takes the transition; 409 naming the stage and the side when it may not. */
  public void take(Transition t, Side by, Instant now) {
    if (isAnswer(t) && isDueToExpire(now)) {
      // The expiry job ends it within its interval; until then no late answer is taken.
      throw new IllegalTransition(
          "The answer was due by " + answerBy + ": the application in state " + status + " lapsed");
    }
    if (!allows(t, by)) {
      throw new IllegalTransition(
          "An application in state "
              + status
              + " cannot be "
              + t.done
              + " by the "
              + by.name().toLowerCase(Locale.ROOT));
    }
    status = t.to;
    updatedAt = now;
  }

  /**
   * The enterprise makes an offer after interviews; the student answers by the end of the offer's
   * answer-by day (China time), or it expires.
   */
  public void offer(Offer o, Instant now) {
    take(Transition.OFFER, Side.ENTERPRISE, now);
    offerSalaryMin = o.salaryMin();
    offerSalaryMax = o.salaryMax();
    offerStartDate = o.startDate();
    offerDivisionCode = o.divisionCode();
    offeredAt = now;
    answerBy = ChinaTime.endOf(o.answerBy());
  }

  /** The offer as made, or null before one is. */
  public Offer offer() {
    return offeredAt == null
        ? null
        : new Offer(
            offerSalaryMin,
            offerSalaryMax,
            offerStartDate,
            ChinaTime.dayOf(answerBy.minusNanos(1)),
            offerDivisionCode);
  }

  /** The student accepts the offer: hired. */
  public void hire(Instant now) {
    take(Transition.HIRE, Side.STUDENT, now);
    hiredAt = now;
  }

  /** Whole days from the invitation or application to the offer. */
  public long daysToOffer() {
    return Duration.between(createdAt, offeredAt).toDays();
  }

  /**
   * The platform ends an open application on a party's behalf (the demand filled, closed or
   * expired; the student revoked contact or was forgotten): withdrawn, with the reason.
   */
  public void end(EndReason reason, Instant now) {
    if (!status.isOpen()) {
      throw new IllegalTransition("An application in state " + status + " has already ended");
    }
    status = ApplicationStatus.WITHDRAWN;
    endReason = reason;
    updatedAt = now;
  }

  /** An answer to the question pending (an invitation, application or offer): it has a deadline. */
  private static boolean isAnswer(Transition t) {
    return t == Transition.ACCEPT || t == Transition.DECLINE || t == Transition.HIRE;
  }

  /** Whether the other side has let the answer time pass (an invitation, application or offer). */
  public boolean isDueToExpire(Instant now) {
    return ApplicationStatus.EXPIRABLE.contains(status) && !answerBy.isAfter(now);
  }

  public void expire(Instant now) {
    if (!isDueToExpire(now)) {
      throw new IllegalTransition(
          "An application in state " + status + " answerable by " + answerBy + " cannot expire");
    }
    status = ApplicationStatus.EXPIRED;
    updatedAt = now;
  }

  /** The side the caller is on, or null when neither (an enterprise id or a student id given). */
  public Side sideOf(UUID callerEnterpriseId, String callerStudentId) {
    if (callerEnterpriseId != null && callerEnterpriseId.equals(enterpriseId)) {
      return Side.ENTERPRISE;
    }
    if (callerStudentId != null && callerStudentId.equals(studentId)) {
      return Side.STUDENT;
    }
    return null;
  }
}
