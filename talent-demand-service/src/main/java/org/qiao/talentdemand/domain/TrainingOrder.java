package org.qiao.talentdemand.domain;

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
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An order-style training request (订单式培养): majors × headcount × cohort year. Universities answer
 * with proposals; the enterprise awards one or more, never beyond the headcount.
 */
@Entity
@Table(name = "training_order")
public class TrainingOrder extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "enterprise_id", nullable = false)
  public UUID enterpriseId;

  @Column(nullable = false)
  public String title;

  public String description;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "major_codes", nullable = false)
  public List<String> majorCodes;

  @Column(nullable = false)
  public int headcount;

  @Column(name = "cohort_year", nullable = false)
  public int cohortYear;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<SkillRequirement> skills;

  /** Institution codes of the universities asked; empty means open to all. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "target_universities", nullable = false)
  public List<String> targetUniversities;

  @Column(name = "proposal_deadline", nullable = false)
  public LocalDate proposalDeadline;

  @Column(name = "funding_note")
  public String fundingNote;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TrainingOrderStatus status;

  @Column(name = "awarded_capacity", nullable = false)
  public int awardedCapacity;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  /**
   * The cohorts an order may name, fixed so the contract can state them: a window moving with the
   * clock (this year to six ahead) cannot be written in a schema, and a generated client's valid
   * value was refused.
   */
  public static final int FIRST_COHORT_YEAR = 2026;

  public static final int LAST_COHORT_YEAR = 2100;

  protected TrainingOrder() {}

  /** What the enterprise orders. */
  public record Terms(
      String title,
      String description,
      List<String> majorCodes,
      int headcount,
      int cohortYear,
      List<SkillRequirement> skills,
      List<String> targetUniversities,
      LocalDate proposalDeadline,
      String fundingNote) {

    public Terms {
      if (title == null || title.isBlank()) {
        throw new DomainViolation("title", "must not be blank");
      }
      majorCodes = Codes.majors("majorCodes", majorCodes);
      if (majorCodes.isEmpty()) {
        throw new DomainViolation("majorCodes", "must name at least one major");
      }
      if (headcount < 1) {
        throw new DomainViolation("headcount", "must be at least 1");
      }
      skills = SkillRequirement.distinct(skills);
      targetUniversities = targetUniversities == null ? List.of() : List.copyOf(targetUniversities);
      if (proposalDeadline == null) {
        throw new DomainViolation("proposalDeadline", "is required");
      }
      CalendarDate.plausible("proposalDeadline", proposalDeadline);
    }
  }

  public static TrainingOrder place(
      UUID id, UUID enterpriseId, Terms terms, LocalDate today, Instant now) {
    if (terms.proposalDeadline().isBefore(today)) {
      throw new DomainViolation("proposalDeadline", "must not be in the past");
    }
    if (terms.cohortYear() < FIRST_COHORT_YEAR || terms.cohortYear() > LAST_COHORT_YEAR) {
      throw new DomainViolation(
          "cohortYear", "must be between " + FIRST_COHORT_YEAR + " and " + LAST_COHORT_YEAR);
    }
    TrainingOrder o = new TrainingOrder();
    o.id = id;
    o.enterpriseId = enterpriseId;
    o.title = terms.title().strip();
    o.description = terms.description();
    o.majorCodes = terms.majorCodes();
    o.headcount = terms.headcount();
    o.cohortYear = terms.cohortYear();
    o.skills = terms.skills();
    o.targetUniversities = terms.targetUniversities();
    o.proposalDeadline = terms.proposalDeadline();
    o.fundingNote = terms.fundingNote();
    o.status = TrainingOrderStatus.OPEN;
    o.createdAt = now;
    o.updatedAt = now;
    return o;
  }

  /**
   * Takes a proposal into the order. Proposals are taken until the deadline, also after a first
   * award while headcount remains; one that comes too late, from a university not asked, or for an
   * order fulfilled or cancelled is kept but rejected, with the reason.
   */
  public void receive(Proposal proposal, LocalDate submittedOn) {
    if (status == TrainingOrderStatus.FULFILLED || status == TrainingOrderStatus.CANCELLED) {
      proposal.reject("the order is " + status);
    } else if (submittedOn.isAfter(proposalDeadline)) {
      proposal.reject("submitted after the proposal deadline " + proposalDeadline);
    } else if (!isOpenTo(proposal.universityCode)) {
      proposal.reject("the order was not addressed to this university");
    }
  }

  public boolean isOpenTo(String universityCode) {
    return targetUniversities.isEmpty() || targetUniversities.contains(universityCode);
  }

  /** Awards part or all of a proposal's capacity; the order becomes contracted. */
  public void award(Proposal proposal, int capacity, Instant now) {
    IllegalTransition.unlessIn(
        EnumSet.of(TrainingOrderStatus.OPEN, TrainingOrderStatus.CONTRACTED),
        status,
        "training order",
        "awarded");
    if (!proposal.trainingOrderId.equals(id)) {
      throw new DomainViolation("proposalId", "is not a proposal to this order");
    }
    if (capacity < 1 || capacity > proposal.capacity) {
      throw new DomainViolation(
          "capacity", "must be between 1 and the proposal's capacity " + proposal.capacity);
    }
    if (awardedCapacity + capacity > headcount) {
      throw new IllegalTransition(
          "Awarding "
              + capacity
              + " would exceed the headcount "
              + headcount
              + " ("
              + awardedCapacity
              + " already awarded)");
    }
    proposal.award(capacity, now);
    awardedCapacity += capacity;
    status = TrainingOrderStatus.CONTRACTED;
    updatedAt = now;
  }

  public void fulfil(Instant now) {
    IllegalTransition.unlessIn(
        EnumSet.of(TrainingOrderStatus.CONTRACTED), status, "training order", "fulfilled");
    status = TrainingOrderStatus.FULFILLED;
    updatedAt = now;
  }

  public void cancel(Instant now) {
    IllegalTransition.unlessIn(
        EnumSet.of(TrainingOrderStatus.OPEN, TrainingOrderStatus.CONTRACTED),
        status,
        "training order",
        "cancelled");
    status = TrainingOrderStatus.CANCELLED;
    updatedAt = now;
  }

  public boolean isOwnedBy(UUID enterprise) {
    return enterpriseId.equals(enterprise);
  }
}
