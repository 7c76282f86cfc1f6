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
import java.util.List;
import java.util.UUID;

/**
 * A university's proposal to a training order, as curriculum-service announced it. It is owned by
 * curriculum-service; this service lists it under its order and records the award.
 */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "training_order_id", nullable = false)
  public UUID trainingOrderId;

  @Column(name = "university_code", nullable = false)
  public String universityCode;

  @Column(name = "university_name", nullable = false)
  public String universityName;

  @Column(name = "course_plan_id")
  public UUID coursePlanId;

  public String summary;

  @Column(nullable = false)
  public int capacity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ProposalStatus status;

  @Column(name = "rejection_reason")
  public String rejectionReason;

  @Column(name = "awarded_capacity")
  public Integer awardedCapacity;

  @Column(name = "submitted_at", nullable = false)
  public Instant submittedAt;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  @Column(name = "awarded_at")
  public Instant awardedAt;

  @Column(name = "withdrawn_at")
  public Instant withdrawnAt;

  /**
   * Guards against a withdrawal and an award crossing: the later commit fails (the award with 412,
   * the withdrawal is retried by the inbox and then finds the proposal awarded).
   */
  @Version public long version;

  protected Proposal() {}

  /** A proposal as it arrives; the order decides whether it is eligible. */
  public static Proposal received(
      UUID id,
      UUID trainingOrderId,
      String universityCode,
      String universityName,
      UUID coursePlanId,
      String summary,
      int capacity,
      Instant submittedAt,
      Instant now) {
    Proposal p = new Proposal();
    p.id = id;
    p.trainingOrderId = trainingOrderId;
    p.universityCode = universityCode;
    p.universityName = universityName;
    p.coursePlanId = coursePlanId;
    p.summary = summary;
    p.capacity = capacity;
    p.submittedAt = submittedAt;
    p.receivedAt = now;
    p.status = ProposalStatus.RECEIVED;
    return p;
  }

  void reject(String reason) {
    status = ProposalStatus.REJECTED;
    rejectionReason = reason;
  }

  void award(int capacity, Instant now) {
    if (status == ProposalStatus.WITHDRAWN) {
      throw new IllegalTransition("The university withdrew this proposal; it cannot be awarded");
    }
    if (status != ProposalStatus.RECEIVED) {
      throw new IllegalTransition("proposal", status, "awarded");
    }
    status = ProposalStatus.AWARDED;
    awardedCapacity = capacity;
    awardedAt = now;
  }

  /**
   * The university withdrew it. A proposal already awarded keeps its award (the enterprise decided
   * before the withdrawal arrived); one rejected on arrival stays rejected.
   *
   * @return whether it changed
   */
  public boolean withdraw(Instant at) {
    if (status != ProposalStatus.RECEIVED) {
      return false;
    }
    status = ProposalStatus.WITHDRAWN;
    withdrawnAt = at;
    return true;
  }

  public static List<Proposal> ofOrder(UUID orderId) {
    return list("trainingOrderId = ?1 order by id", orderId);
  }

  public static List<Proposal> awardedIn(UUID orderId) {
    return list(
        "trainingOrderId = ?1 and status = ?2 order by id", orderId, ProposalStatus.AWARDED);
  }
}
