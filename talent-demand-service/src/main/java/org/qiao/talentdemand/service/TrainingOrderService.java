package org.qiao.talentdemand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.qiao.kit.events.InvalidEventException;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.http.Versions;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.time.ChinaTime;
import org.qiao.talentdemand.domain.DomainViolation;
import org.qiao.talentdemand.domain.Enterprise;
import org.qiao.talentdemand.domain.Proposal;
import org.qiao.talentdemand.domain.ProposalStatus;
import org.qiao.talentdemand.domain.TrainingOrder;
import org.qiao.talentdemand.domain.TrainingOrderStatus;
import org.qiao.talentdemand.messaging.EventTypes;
import org.qiao.talentdemand.messaging.TalentDemandEvents;

/** Order-style training: placing, listing proposals, awarding, fulfilling, cancelling. */
@ApplicationScoped
public class TrainingOrderService {

  private static final Logger LOG = Logger.getLogger(TrainingOrderService.class);

  private final TalentDemandEvents events;
  private final Callers callers;
  private final EntityManager em;
  private final Clock clock;

  TrainingOrderService(TalentDemandEvents events, Callers callers, EntityManager em, Clock clock) {
    this.events = events;
    this.callers = callers;
    this.em = em;
    this.clock = clock;
  }

  /** A proposal as curriculum-service announced it. */
  public record IncomingProposal(
      UUID proposalId,
      UUID trainingOrderId,
      String universityCode,
      String universityName,
      UUID coursePlanId,
      String summary,
      int capacity,
      Instant submittedAt) {}

  @Transactional
  public TrainingOrder place(TrainingOrder.Terms terms) {
    Enterprise owner = callers.enterprise();
    TrainingOrder o =
        TrainingOrder.place(
            Ids.newId(clock), owner.id, terms, ChinaTime.today(clock), clock.instant());
    o.persist();
    events.trainingOrder(EventTypes.TRAINING_ORDER_PLACED, o, owner);
    return o;
  }

  /**
   * An order the caller may see: its enterprise, overseers, universities it is open to while it
   * takes proposals, and universities whose proposal it took (not rejected). Anyone else gets 404.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public TrainingOrder get(UUID id) {
    TrainingOrder o = TrainingOrder.findById(id);
    if (o == null || !visible(o, callers.viewer())) {
      throw ProblemException.notFound("training order " + id);
    }
    return o;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<TrainingOrder> list(TrainingOrderStatus status, UUID cursor, int limit) {
    Viewer viewer = callers.viewer();
    KeysetQuery q = KeysetQuery.from("training_order");
    switch (viewer.kind()) {
      case OVERSEER -> {}
      case ENTERPRISE -> q.and("enterprise_id = ?", Viewer.orNobody(viewer.enterpriseId()));
      case UNIVERSITY ->
          q.and(
              "((status = 'OPEN' and (jsonb_array_length(target_universities) = 0"
                  + " or jsonb_exists(target_universities, ?)))"
                  + " or exists (select 1 from proposal p where p.training_order_id = training_order.id"
                  + " and p.university_code = ? and p.status <> 'REJECTED'))",
              viewer.org(),
              viewer.org());
      default -> q.and("false");
    }
    return q.andIfPresent("status = ?", status == null ? null : status.name())
        .page(em, TrainingOrder.class, cursor, limit, o -> o.id);
  }

  /** The proposals listed under the caller's own order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Proposal> proposals(UUID orderId) {
    return Proposal.ofOrder(owned(orderId).id);
  }

  @Transactional
  public TrainingOrder award(UUID orderId, UUID proposalId, int capacity, long expectedVersion) {
    TrainingOrder o = owned(orderId);
    Versions.check(expectedVersion, o.version);
    Proposal p = Proposal.findById(proposalId);
    if (p == null || !p.trainingOrderId.equals(o.id)) {
      throw new DomainViolation("proposalId", "is not a proposal to this order");
    }
    o.award(p, capacity, clock.instant());
    events.trainingOrder(EventTypes.TRAINING_ORDER_AWARDED, o, owner(o));
    return o;
  }

  @Transactional
  public TrainingOrder fulfil(UUID orderId, long expectedVersion) {
    TrainingOrder o = owned(orderId);
    Versions.check(expectedVersion, o.version);
    o.fulfil(clock.instant());
    events.trainingOrder(EventTypes.TRAINING_ORDER_FULFILLED, o, owner(o));
    return o;
  }

  @Transactional
  public TrainingOrder cancel(UUID orderId, long expectedVersion) {
    TrainingOrder o = owned(orderId);
    Versions.check(expectedVersion, o.version);
    o.cancel(clock.instant());
    events.trainingOrder(EventTypes.TRAINING_ORDER_CANCELLED, o, owner(o));
    return o;
  }

  /**
   * Lists an incoming proposal under its order (inside the inbox transaction). A proposal for an
   * order this service does not know can never be applied; one that is late, unaddressed or for a
   * closed order is kept as rejected, with the reason, so the enterprise sees it was refused.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void receiveProposal(IncomingProposal in) {
    TrainingOrder o = TrainingOrder.findById(in.trainingOrderId());
    if (o == null) {
      throw new InvalidEventException("unknown training order " + in.trainingOrderId());
    }
    if (Proposal.findById(in.proposalId()) != null) {
      LOG.debugf("Proposal %s already listed", in.proposalId());
      return;
    }
    Proposal p =
        Proposal.received(
            in.proposalId(),
            o.id,
            in.universityCode(),
            in.universityName(),
            in.coursePlanId(),
            in.summary(),
            in.capacity(),
            in.submittedAt(),
            clock.instant());
    o.receive(p, in.submittedAt().atZone(ChinaTime.ZONE).toLocalDate());
    p.persist();
  }

  /**
   * Marks a proposal the university withdrew (inside the inbox transaction). The withdrawal follows
   * its submission on the same partition, so an unknown proposal can never be applied.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void withdrawProposal(UUID proposalId, Instant withdrawnAt) {
    Proposal p = Proposal.findById(proposalId);
    if (p == null) {
      throw new InvalidEventException("unknown proposal " + proposalId);
    }
    if (!p.withdraw(withdrawnAt)) {
      LOG.infof("Proposal %s is %s; its withdrawal changes nothing", p.id, p.status);
    }
  }

  private boolean visible(TrainingOrder o, Viewer viewer) {
    return switch (viewer.kind()) {
      case OVERSEER -> true;
      case ENTERPRISE -> viewer.owns(o.enterpriseId);
      case UNIVERSITY ->
          o.status == TrainingOrderStatus.OPEN && o.isOpenTo(viewer.org())
              || Proposal.count(
                      "trainingOrderId = ?1 and universityCode = ?2 and status <> ?3",
                      o.id,
                      viewer.org(),
                      ProposalStatus.REJECTED)
                  > 0;
      default -> false;
    };
  }

  private TrainingOrder owned(UUID id) {
    TrainingOrder o = TrainingOrder.findById(id);
    Enterprise caller = callers.enterprise();
    if (o == null || !o.isOwnedBy(caller.id)) {
      throw ProblemException.notFound("training order " + id);
    }
    return o;
  }

  private static Enterprise owner(TrainingOrder o) {
    return Enterprise.findById(o.enterpriseId);
  }
}
