package org.qiao.talentdemand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.http.Versions;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.time.ChinaTime;
import org.qiao.talentdemand.domain.Application;
import org.qiao.talentdemand.domain.Demand;
import org.qiao.talentdemand.domain.DemandDetails;
import org.qiao.talentdemand.domain.DemandStatus;
import org.qiao.talentdemand.domain.Enterprise;
import org.qiao.talentdemand.messaging.EventTypes;
import org.qiao.talentdemand.messaging.TalentDemandEvents;

/** Use cases of demands; each change and its event commit together. */
@ApplicationScoped
public class DemandService {

  private final TalentDemandEvents events;
  private final Callers callers;
  private final EntityManager em;
  private final Clock clock;
  private final ApplicationService applications;

  DemandService(
      TalentDemandEvents events,
      Callers callers,
      EntityManager em,
      Clock clock,
      ApplicationService applications) {
    this.events = events;
    this.callers = callers;
    this.em = em;
    this.clock = clock;
    this.applications = applications;
  }

  /** Search criteria; null means "any". */
  public record Filter(
      DemandStatus status,
      String occupationCode,
      String majorCode,
      String skill,
      String city,
      UUID enterpriseId) {}

  @Transactional
  public Demand create(DemandDetails details, boolean publish) {
    Enterprise owner = callers.enterprise();
    Instant now = clock.instant();
    Demand demand = Demand.draft(Ids.newId(clock), owner.id, details, now);
    if (publish) {
      demand.publish(today(), now);
    }
    demand.persist();
    events.demand(publish ? EventTypes.DEMAND_PUBLISHED : EventTypes.DEMAND_DRAFTED, demand, owner);
    return demand;
  }

  /** A demand the caller may see; another enterprise's unpublished demand is 404. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Demand get(UUID id) {
    Demand d = Demand.findById(id);
    Viewer viewer = callers.viewer();
    if (d == null || !d.isVisibleTo(viewer.enterpriseId())) {
      throw ProblemException.notFound("demand " + id);
    }
    return d;
  }

  @Transactional
  public Demand revise(UUID id, long expectedVersion, DemandDetails details) {
    Demand d = owned(id);
    Versions.check(expectedVersion, d.version);
    d.revise(details, today(), clock.instant());
    events.demand(EventTypes.DEMAND_REVISED, d, owner(d));
    return d;
  }

  @Transactional
  public Demand publish(UUID id, long expectedVersion) {
    Demand d = owned(id);
    Versions.check(expectedVersion, d.version);
    d.publish(today(), clock.instant());
    events.demand(EventTypes.DEMAND_PUBLISHED, d, owner(d));
    return d;
  }

  @Transactional
  public Demand recordHires(UUID id, int count, long expectedVersion) {
    Demand d = owned(id);
    Versions.check(expectedVersion, d.version);
    boolean filled = d.recordHires(count, clock.instant());
    events.demand(
        filled ? EventTypes.DEMAND_FILLED : EventTypes.DEMAND_HIRES_RECORDED, d, owner(d));
    if (filled) {
      applications.endOpenOf(d, Application.EndReason.DEMAND_FILLED);
    }
    return d;
  }

  @Transactional
  public Demand close(UUID id, long expectedVersion) {
    Demand d = owned(id);
    Versions.check(expectedVersion, d.version);
    d.close(clock.instant());
    events.demand(EventTypes.DEMAND_CLOSED, d, owner(d));
    applications.endOpenOf(d, Application.EndReason.DEMAND_CLOSED);
    return d;
  }

  /**
   * Expires published demands whose valid-through date is before {@code today}, oldest first, at
   * most {@code batch} of them; returns how many. Rows another transaction holds are skipped and
   * taken on the next run.
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public int expireDue(LocalDate today, int batch) {
    List<Demand> due =
        em.createNativeQuery(
                "select * from demand where status = 'PUBLISHED' and valid_through < ?1"
                    + " order by valid_through, id limit ?2 for update skip locked",
                Demand.class)
            .setParameter(1, today)
            .setParameter(2, batch)
            .getResultList();
    Instant now = clock.instant();
    for (Demand d : due) {
      d.expire(today, now);
      events.demand(EventTypes.DEMAND_EXPIRED, d, owner(d));
      applications.endOpenOf(d, Application.EndReason.DEMAND_EXPIRED);
    }
    return due.size();
  }

  /**
   * One page of demands the caller may see, newest first. Drafts appear only to their own
   * enterprise.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Demand> search(Filter f, UUID cursor, int limit) {
    UUID own = callers.viewer().enterpriseId();
    KeysetQuery q = KeysetQuery.from("demand");
    if (own != null) {
      q.and("(published_at is not null or enterprise_id = ?)", own);
    } else {
      q.and("published_at is not null");
    }
    return q.andIfPresent("status = ?", f.status() == null ? null : f.status().name())
        .andIfPresent("occupation_code = ?", f.occupationCode())
        .andIfPresent("jsonb_exists(major_codes, ?)", f.majorCode())
        .andIfPresent(
            "exists (select 1 from jsonb_array_elements(skills) s where lower(s->>'name') = lower(?))",
            f.skill())
        .andIfPresent("city = ?", f.city())
        .andIfPresent("enterprise_id = ?", f.enterpriseId())
        .page(em, Demand.class, cursor, limit, d -> d.id);
  }

  /** The caller's own demand; another enterprise's answers 404 so ids cannot be probed. */
  private Demand owned(UUID id) {
    Demand d = Demand.findById(id);
    Enterprise caller = callers.enterprise();
    if (d == null || !d.isOwnedBy(caller.id)) {
      throw ProblemException.notFound("demand " + id);
    }
    return d;
  }

  private static Enterprise owner(Demand d) {
    return Enterprise.findById(d.enterpriseId);
  }

  private LocalDate today() {
    return ChinaTime.today(clock);
  }
}
