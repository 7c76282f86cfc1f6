package org.qiao.curriculum.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.qiao.curriculum.domain.CoursePlan;
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.domain.OrderAward;
import org.qiao.curriculum.domain.OrderSkill;
import org.qiao.curriculum.domain.PlanContract;
import org.qiao.curriculum.domain.Proposal;
import org.qiao.curriculum.domain.TrainingOrder;
import org.qiao.curriculum.messaging.CurriculumEvents;
import org.qiao.curriculum.messaging.EventTypes;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.time.ChinaTime;

/**
 * The training orders institutions may answer, kept from talent-demand-service's events, and the
 * effect of awards, fulfilment and cancellation on proposals and their course plans.
 */
@ApplicationScoped
public class TrainingOrderService {

  private static final Logger LOG = Logger.getLogger(TrainingOrderService.class);

  private final Callers callers;
  private final CurriculumEvents events;
  private final EntityManager em;
  private final Clock clock;

  TrainingOrderService(Callers callers, CurriculumEvents events, EntityManager em, Clock clock) {
    this.callers = callers;
    this.events = events;
    this.em = em;
    this.clock = clock;
  }

  /**
   * A training order's whole state as talent-demand-service publishes it (the data of its
   * qiao.training-order.* events, read leniently: unknown fields are ignored).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OrderChange(
      UUID trainingOrderId,
      Enterprise enterprise,
      String title,
      String description,
      List<String> majorCodes,
      int headcount,
      int cohortYear,
      List<OrderSkill> skills,
      List<String> targetUniversities,
      LocalDate proposalDeadline,
      String status,
      int awardedCapacity,
      List<OrderAward> awards,
      long version,
      Instant updatedAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Enterprise(String creditCode, String name) {}

  /**
   * Applies an order's state unless a newer one is already here (redelivered or out-of-order events
   * never regress it), then brings its proposals and their plans in line with it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(OrderChange c) {
    TrainingOrder o = TrainingOrder.findById(c.trainingOrderId());
    if (o != null && o.version >= c.version()) {
      LOG.debugf("Training order %s: version %d already applied", o.id, c.version());
      return;
    }
    boolean isNew = o == null;
    if (isNew) {
      o = new TrainingOrder();
      o.id = c.trainingOrderId();
    }
    o.enterpriseCreditCode = c.enterprise().creditCode();
    o.enterpriseName = c.enterprise().name();
    o.title = c.title();
    o.description = c.description();
    o.majorCodes = List.copyOf(c.majorCodes());
    o.headcount = c.headcount();
    o.cohortYear = c.cohortYear();
    o.skills = c.skills() == null ? List.of() : List.copyOf(c.skills());
    o.targetUniversities =
        c.targetUniversities() == null ? List.of() : List.copyOf(c.targetUniversities());
    o.proposalDeadline = c.proposalDeadline();
    o.status = c.status();
    o.awardedCapacity = c.awardedCapacity();
    o.awards = c.awards() == null ? List.of() : List.copyOf(c.awards());
    o.version = c.version();
    o.updatedAt = c.updatedAt();
    if (isNew) {
      o.persist();
    }
    follow(o);
  }

  private void follow(TrainingOrder o) {
    Instant now = clock.instant();
    Map<UUID, OrderAward> awards =
        o.awards.stream().collect(Collectors.toMap(OrderAward::proposalId, Function.identity()));
    for (Proposal p : Proposal.<Proposal>list("trainingOrderId", o.id)) {
      OrderAward award = awards.get(p.id);
      if (p.follow(o, award, now) && award != null) {
        CoursePlan plan = CoursePlan.findById(p.coursePlanId);
        boolean changed =
            plan.recordContract(
                new PlanContract(
                    o.id, p.id, o.enterpriseName, award.capacity(), award.awardedAt(), p.status),
                now);
        if (changed) {
          events.coursePlan(
              EventTypes.COURSE_PLAN_CONTRACTED, plan, Institution.findById(plan.institutionId));
        }
      }
    }
  }

  /** Orders that take proposals from the caller's institution now, by deadline then newest. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<TrainingOrder> open(
      String majorCode, String skill, LocalDate deadlineBefore, UUID cursor, int limit) {
    String code = callers.institution().code;
    LocalDate today = ChinaTime.today(clock);
    KeysetQuery q =
        KeysetQuery.from("training_order")
            .and("status in ('OPEN', 'CONTRACTED') and awarded_capacity < headcount")
            .and("proposal_deadline >= ?", today)
            .and(
                "(jsonb_array_length(target_universities) = 0"
                    + " or jsonb_exists(target_universities, ?))",
                code)
            .andIfPresent("jsonb_exists(major_codes, ?)", majorCode)
            .andIfPresent("proposal_deadline <= ?", deadlineBefore);
    if (skill != null) {
      q.and(
          "exists (select 1 from jsonb_array_elements(skills) s"
              + " where lower(s->>'name') = lower(?))",
          skill.strip());
    }
    return q.page(em, TrainingOrder.class, cursor, limit, o -> o.id);
  }

  /** An order the caller's institution may see: open to it, or one it proposed to. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public TrainingOrder get(UUID id) {
    TrainingOrder o = TrainingOrder.findById(id);
    var i = callers.institution();
    if (o == null
        || !(o.isOpenTo(i.code)
            || Proposal.count("trainingOrderId = ?1 and institutionId = ?2", id, i.id) > 0)) {
      throw ProblemException.notFound("training order " + id);
    }
    return o;
  }
}
