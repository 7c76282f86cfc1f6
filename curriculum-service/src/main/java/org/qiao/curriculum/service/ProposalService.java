package org.qiao.curriculum.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.qiao.curriculum.domain.CoursePlan;
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.domain.Proposal;
import org.qiao.curriculum.domain.ProposalStatus;
import org.qiao.curriculum.domain.TrainingOrder;
import org.qiao.curriculum.messaging.CurriculumEvents;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.http.Versions;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.problem.Rules;
import org.qiao.kit.time.ChinaTime;

/** An institution's proposals to training orders: submitting, withdrawing, reading its own. */
@ApplicationScoped
public class ProposalService {

  private final CurriculumEvents events;
  private final Callers callers;
  private final EntityManager em;
  private final Clock clock;

  ProposalService(CurriculumEvents events, Callers callers, EntityManager em, Clock clock) {
    this.events = events;
    this.callers = callers;
    this.em = em;
    this.clock = clock;
  }

  @Transactional
  public Proposal submit(UUID orderId, UUID planId, int capacity, String summary) {
    Institution i = callers.institution();
    if (!Institution.INSTITUTION_CODE.equals(i.codeKind)) {
      throw Rules.illegal(
          "Training orders are answered by institutions with an institution code (学校标识码)");
    }
    // A foreign id in the body answers as it does in a path: 404, telling nothing of the object.
    TrainingOrder o = TrainingOrder.findById(orderId);
    if (o == null || !o.isOpenTo(i.code)) {
      throw ProblemException.notFound("Training order " + orderId);
    }
    CoursePlan plan = CoursePlan.findById(planId);
    if (plan == null || !plan.institutionId.equals(i.id)) {
      throw ProblemException.notFound("Course plan " + planId);
    }
    if (Proposal.count(
            "trainingOrderId = ?1 and coursePlanId = ?2 and status = ?3",
            o.id,
            plan.id,
            ProposalStatus.SUBMITTED)
        > 0) {
      throw ProblemException.conflict("This plan is already proposed to this order");
    }
    Proposal p =
        Proposal.submit(
            Ids.newId(clock),
            i,
            o,
            plan,
            capacity,
            summary,
            ChinaTime.today(clock),
            clock.instant());
    p.persist();
    events.proposalSubmitted(p, i);
    return p;
  }

  @Transactional
  public Proposal withdraw(UUID id, long expectedVersion) {
    Institution i = callers.institution();
    Proposal p = owned(id, i);
    Versions.check(expectedVersion, p.version);
    p.withdraw(TrainingOrder.findById(p.trainingOrderId), ChinaTime.today(clock), clock.instant());
    events.proposalWithdrawn(p, i);
    return p;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Proposal get(UUID id) {
    return owned(id, callers.institution());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Proposal> list(ProposalStatus status, UUID orderId, UUID cursor, int limit) {
    return KeysetQuery.from("proposal")
        .and("institution_id = ?", callers.institution().id)
        .andIfPresent("status = ?", status == null ? null : status.name())
        .andIfPresent("training_order_id = ?", orderId)
        .page(em, Proposal.class, cursor, limit, p -> p.id);
  }

  private static Proposal owned(UUID id, Institution i) {
    Proposal p = Proposal.findById(id);
    if (p == null || !p.institutionId.equals(i.id)) {
      throw ProblemException.notFound("proposal " + id);
    }
    return p;
  }
}
