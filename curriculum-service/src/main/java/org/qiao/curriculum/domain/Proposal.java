package org.qiao.curriculum.domain;

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
import java.util.UUID;
import org.qiao.kit.problem.Rules;

/** An institution's answer to a training order: one of its published plans, for a capacity. */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "institution_id", nullable = false)
  public UUID institutionId;

  @Column(name = "training_order_id", nullable = false)
  public UUID trainingOrderId;

  @Column(name = "course_plan_id", nullable = false)
  public UUID coursePlanId;

  @Column(name = "major_code", nullable = false)
  public String majorCode;

  @Column(nullable = false)
  public int capacity;

  public String summary;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ProposalStatus status;

  @Column(name = "awarded_capacity")
  public Integer awardedCapacity;

  @Column(name = "submitted_at", nullable = false)
  public Instant submittedAt;

  @Column(name = "withdrawn_at")
  public Instant withdrawnAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  protected Proposal() {}

  /**
   * Submits a published plan of the institution for one of the order's majors, while the order
   * takes proposals from this institution.
   */
  public static Proposal submit(
      UUID id,
      Institution institution,
      TrainingOrder order,
      CoursePlan plan,
      int capacity,
      String summary,
      LocalDate today,
      Instant now) {
    if (!order.isOpenTo(institution.code) || !order.takesProposals(today)) {
      throw Rules.illegal(
          "Training order " + order.id + " does not take proposals from this institution now");
    }
    if (plan.status != CoursePlanStatus.PUBLISHED || plan.kind != PlanKind.MAJOR) {
      throw Rules.invalid("coursePlanId", "must be a published course plan for a major");
    }
    if (!order.majorCodes.contains(plan.majorCode)) {
      throw Rules.invalid(
          "coursePlanId",
          "is a plan for major " + plan.majorCode + "; the order asks for " + order.majorCodes);
    }
    Rules.between("capacity", capacity, 1, order.headcount);
    Proposal p = new Proposal();
    p.id = id;
    p.institutionId = institution.id;
    p.trainingOrderId = order.id;
    p.coursePlanId = plan.id;
    p.majorCode = plan.majorCode;
    p.capacity = capacity;
    p.summary = Rules.optional(summary);
    p.status = ProposalStatus.SUBMITTED;
    p.submittedAt = now;
    p.updatedAt = now;
    return p;
  }

  /** Withdraws a submitted proposal, up to and including the order's deadline day. */
  public void withdraw(TrainingOrder order, LocalDate today, Instant now) {
    if (status != ProposalStatus.SUBMITTED) {
      throw Rules.illegal("A " + status + " proposal cannot be withdrawn");
    }
    if (today.isAfter(order.proposalDeadline)) {
      throw Rules.illegal("The proposal deadline " + order.proposalDeadline + " has passed");
    }
    status = ProposalStatus.WITHDRAWN;
    withdrawnAt = now;
    updatedAt = now;
  }

  /**
   * Follows the order's state as talent-demand-service published it. Awards are the enterprise's
   * decision there, so an award stands even over a withdrawal that crossed it.
   *
   * @return whether anything changed
   */
  public boolean follow(TrainingOrder order, OrderAward award, Instant now) {
    ProposalStatus next = status;
    Integer capacityAwarded = awardedCapacity;
    if (award != null) {
      capacityAwarded = award.capacity();
      next =
          switch (order.status) {
            case "FULFILLED" -> ProposalStatus.FULFILLED;
            case "CANCELLED" -> ProposalStatus.CANCELLED;
            default -> ProposalStatus.AWARDED;
          };
    } else if (order.isFinished() && status == ProposalStatus.SUBMITTED) {
      next = ProposalStatus.CLOSED;
    }
    if (next == status && java.util.Objects.equals(capacityAwarded, awardedCapacity)) {
      return false;
    }
    status = next;
    awardedCapacity = capacityAwarded;
    updatedAt = now;
    return true;
  }
}
