package org.qiao.internship.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.qiao.kit.codes.DivisionCodes;
import org.qiao.kit.problem.Rules;

/**
 * A dual-mentor internship or an apprenticeship: a student (pseudonymous id) of an institution at
 * an enterprise, one mentor from each side, dates, place and a plan of goals tied to skills.
 *
 * <p>proposed → confirmed (institution, enterprise and both mentors accepted) → active → completed
 * (both mentors evaluated every planned skill) or terminated with a reason from any open state.
 * Each party acts only in its own steps; the service checks who the caller is, the entity what the
 * state allows.
 */
@Entity
@Table(name = "internship")
public class Internship extends PanacheEntityBase {

  /** The longest internship or apprenticeship the platform records. */
  public static final int MAX_DAYS = 3 * 366;

  @Id public UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InternshipKind kind;

  /** Null once the student was forgotten. */
  @Column(name = "student_id")
  public String studentId;

  @Column(nullable = false)
  public boolean forgotten;

  @Column(name = "institution_code", nullable = false)
  public String institutionCode;

  @Column(name = "enterprise_code", nullable = false)
  public String enterpriseCode;

  @Column(name = "demand_id")
  public UUID demandId;

  @Column(name = "training_order_id")
  public UUID trainingOrderId;

  @Column(name = "institution_mentor_id", nullable = false)
  public UUID institutionMentorId;

  @Column(name = "enterprise_mentor_id", nullable = false)
  public UUID enterpriseMentorId;

  @Column(name = "start_date", nullable = false)
  public LocalDate startDate;

  @Column(name = "end_date", nullable = false)
  public LocalDate endDate;

  /** Where it takes place: a GB/T 2260 division code (county level or coarser). */
  @Column(name = "division_code", nullable = false)
  public String divisionCode;

  @Column(nullable = false)
  public String place;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<Goal> goals;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InternshipStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "accepted_by", nullable = false)
  public List<Party> acceptedBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "termination_reason")
  public TerminationReason terminationReason;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<Evaluation> evaluations;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "verified_skills", nullable = false)
  public List<VerifiedSkill> verifiedSkills;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  protected Internship() {}

  /** What the proposing organisation states. */
  public record Terms(
      InternshipKind kind,
      String studentId,
      String institutionCode,
      String enterpriseCode,
      UUID demandId,
      UUID trainingOrderId,
      UUID institutionMentorId,
      UUID enterpriseMentorId,
      LocalDate startDate,
      LocalDate endDate,
      String divisionCode,
      String place,
      List<Goal> goals) {

    public Terms {
      if (kind == null) {
        throw Rules.invalid("kind", "is required");
      }
      studentId = Rules.required("studentId", studentId);
      institutionCode = Rules.required("institutionCode", institutionCode);
      enterpriseCode = Rules.required("enterpriseCode", enterpriseCode);
      if (institutionMentorId == null) {
        throw Rules.invalid("institutionMentorId", "is required");
      }
      if (enterpriseMentorId == null) {
        throw Rules.invalid("enterpriseMentorId", "is required");
      }
      // One organisation or one mentor on both sides would be one party posing as two: a mentor's
      // place taken twice and given back once, a side's evaluation written by the other side.
      if (enterpriseCode.equals(institutionCode)) {
        throw Rules.invalid("enterpriseCode", "must be another organisation than institutionCode");
      }
      if (enterpriseMentorId.equals(institutionMentorId)) {
        throw Rules.invalid(
            "enterpriseMentorId", "must be another mentor than institutionMentorId");
      }
      if (startDate == null) {
        throw Rules.invalid("startDate", "is required");
      }
      if (endDate == null) {
        throw Rules.invalid("endDate", "is required");
      }
      if (!endDate.isAfter(startDate)) {
        throw Rules.invalid("endDate", "must be after startDate");
      }
      if (startDate.plusDays(MAX_DAYS).isBefore(endDate)) {
        throw Rules.invalid("endDate", "must be within " + MAX_DAYS + " days of startDate");
      }
      String problem = DivisionCodes.problemWith(divisionCode);
      if (problem != null) {
        throw Rules.invalid("divisionCode", problem);
      }
      place = Rules.required("place", place);
      if (goals == null || goals.isEmpty()) {
        throw Rules.invalid("goals", "name at least one goal");
      }
      goals = List.copyOf(goals);
    }
  }

  /** A new internship, accepted already by the party that proposes it. */
  public static Internship propose(UUID id, Terms t, Party proposer, Instant now) {
    Internship i = new Internship();
    i.id = id;
    i.kind = t.kind();
    i.studentId = t.studentId();
    i.institutionCode = t.institutionCode();
    i.enterpriseCode = t.enterpriseCode();
    i.demandId = t.demandId();
    i.trainingOrderId = t.trainingOrderId();
    i.institutionMentorId = t.institutionMentorId();
    i.enterpriseMentorId = t.enterpriseMentorId();
    i.startDate = t.startDate();
    i.endDate = t.endDate();
    i.divisionCode = t.divisionCode();
    i.place = t.place();
    i.goals = t.goals();
    i.status = InternshipStatus.PROPOSED;
    i.acceptedBy = List.of(proposer);
    i.evaluations = List.of();
    i.verifiedSkills = List.of();
    i.createdAt = now;
    i.updatedAt = now;
    return i;
  }

  /**
   * Records one party's acceptance.
   *
   * @return whether this acceptance confirmed the internship
   */
  public boolean accept(Party party, Instant now) {
    require(InternshipStatus.PROPOSED, "accepted");
    if (acceptedBy.contains(party)) {
      throw Rules.illegal(party + " has already accepted this internship");
    }
    List<Party> accepted = new ArrayList<>(acceptedBy);
    accepted.add(party);
    acceptedBy = List.copyOf(accepted);
    updatedAt = now;
    if (EnumSet.copyOf(acceptedBy).equals(EnumSet.allOf(Party.class))) {
      status = InternshipStatus.CONFIRMED;
      return true;
    }
    return false;
  }

  public void start(Instant now) {
    require(InternshipStatus.CONFIRMED, "started");
    status = InternshipStatus.ACTIVE;
    updatedAt = now;
  }

  /**
   * A mentor's evaluation: every planned skill rated once, nothing else; replaces an earlier one.
   */
  public void evaluate(UUID mentorId, Side side, List<Rating> ratings, Instant now) {
    require(InternshipStatus.ACTIVE, "evaluated");
    List<String> planned = Goal.plannedSkills(goals);
    Map<String, Rating> byKey = new HashMap<>();
    for (Rating r : ratings) {
      String key = Goal.key(r.skill());
      if (planned.stream().noneMatch(s -> Goal.key(s).equals(key))) {
        throw Rules.invalid("ratings.skill", "'" + r.skill() + "' is not a skill of the plan");
      }
      if (byKey.put(key, r) != null) {
        throw Rules.invalid("ratings.skill", "'" + r.skill() + "' is rated twice");
      }
    }
    for (String s : planned) {
      if (!byKey.containsKey(Goal.key(s))) {
        throw Rules.invalid("ratings", "rate every planned skill; '" + s + "' is missing");
      }
    }
    List<Evaluation> next = new ArrayList<>();
    evaluations.stream().filter(e -> e.side() != side).forEach(next::add);
    next.add(new Evaluation(mentorId, side, List.copyOf(ratings), now));
    evaluations = List.copyOf(next);
    updatedAt = now;
  }

  /** Completes the internship; the skills both mentors rated at least 3 become mentor-verified. */
  public void complete(Instant now) {
    require(InternshipStatus.ACTIVE, "completed");
    Evaluation byInstitution = evaluationOf(Side.INSTITUTION);
    Evaluation byEnterprise = evaluationOf(Side.ENTERPRISE);
    if (byInstitution == null || byEnterprise == null) {
      throw Rules.illegal("Both mentors must evaluate the internship before it is completed");
    }
    List<VerifiedSkill> verified = new ArrayList<>();
    for (String skill : Goal.plannedSkills(goals)) {
      int a = ratingOf(byInstitution, skill);
      int b = ratingOf(byEnterprise, skill);
      if (a >= VerifiedSkill.THRESHOLD && b >= VerifiedSkill.THRESHOLD) {
        verified.add(new VerifiedSkill(skill, a, b));
      }
    }
    verifiedSkills = List.copyOf(verified);
    status = InternshipStatus.COMPLETED;
    updatedAt = now;
  }

  public void terminate(TerminationReason reason, Instant now) {
    if (reason == null) {
      throw Rules.invalid("reason", "is required");
    }
    if (!status.isOpen()) {
      throw Rules.illegal("A " + status + " internship cannot be terminated");
    }
    terminationReason = reason;
    status = InternshipStatus.TERMINATED;
    updatedAt = now;
  }

  /**
   * The mentors whose places this internship holds: the proposing side's from the proposal, the
   * other side's from their acceptance (another organisation cannot fill a mentor's capacity).
   */
  public List<UUID> mentorsHoldingPlaces() {
    List<UUID> out = new ArrayList<>();
    if (acceptedBy.contains(Party.INSTITUTION_MENTOR) || proposedBy() == Side.INSTITUTION) {
      out.add(institutionMentorId);
    }
    if (acceptedBy.contains(Party.ENTERPRISE_MENTOR) || proposedBy() == Side.ENTERPRISE) {
      out.add(enterpriseMentorId);
    }
    return out;
  }

  /** The side that proposed: its organisation's acceptance is recorded first. */
  public Side proposedBy() {
    return acceptedBy.get(0) == Party.INSTITUTION ? Side.INSTITUTION : Side.ENTERPRISE;
  }

  /**
   * Removes what is about a forgotten student: the reference and the mentors' evidence texts;
   * ratings, verified skills and dates stay for aggregates.
   */
  public void forgetStudent(Instant now) {
    studentId = null;
    forgotten = true;
    evaluations =
        evaluations.stream()
            .map(
                e ->
                    new Evaluation(
                        e.mentorId(),
                        e.side(),
                        e.ratings().stream()
                            .map(r -> new Rating(r.skill(), r.rating(), Rating.FORGOTTEN))
                            .toList(),
                        e.at()))
            .toList();
    updatedAt = now;
  }

  public Evaluation evaluationOf(Side side) {
    return evaluations.stream().filter(e -> e.side() == side).findFirst().orElse(null);
  }

  public UUID mentorOf(Side side) {
    return side == Side.INSTITUTION ? institutionMentorId : enterpriseMentorId;
  }

  public String orgOf(Side side) {
    return side == Side.INSTITUTION ? institutionCode : enterpriseCode;
  }

  /** Parties still to accept, in a stable order. */
  public Set<Party> pendingAcceptances() {
    EnumSet<Party> pending = EnumSet.allOf(Party.class);
    acceptedBy.forEach(pending::remove);
    return pending;
  }

  private static int ratingOf(Evaluation e, String skill) {
    return e.ratings().stream()
        .filter(r -> Goal.key(r.skill()).equals(Goal.key(skill)))
        .findFirst()
        .map(Rating::rating)
        .orElse(0);
  }

  private void require(InternshipStatus expected, String verb) {
    if (status != expected) {
      throw Rules.illegal(
          "A " + status + " internship cannot be " + verb + "; it must be " + expected);
    }
  }
}
