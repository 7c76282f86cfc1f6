package org.qiao.curriculum.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.qiao.curriculum.domain.CoursePlan;
import org.qiao.curriculum.domain.CoursePlanStatus;
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.domain.PlanChanges;
import org.qiao.curriculum.domain.PlanKind;
import org.qiao.curriculum.messaging.CurriculumEvents;
import org.qiao.curriculum.messaging.EventTypes;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.http.Versions;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;

/** Course plans and programmes: drafting, publishing versions, retiring, history and changes. */
@ApplicationScoped
public class CoursePlanService {

  private final CurriculumEvents events;
  private final Callers callers;
  private final EntityManager em;
  private final Clock clock;

  CoursePlanService(CurriculumEvents events, Callers callers, EntityManager em, Clock clock) {
    this.events = events;
    this.callers = callers;
    this.em = em;
    this.clock = clock;
  }

  /** Two versions of a line and what changed from the older to the newer. */
  public record Changes(CoursePlan from, CoursePlan to, List<PlanChanges.CourseChange> courses) {}

  @Transactional
  public CoursePlan draft(CoursePlan.Content content) {
    Institution owner = callers.institution();
    CoursePlan p = CoursePlan.draft(Ids.newId(clock), owner, content, clock.instant());
    p.persist();
    return p;
  }

  @Transactional
  public CoursePlan revise(UUID id) {
    CoursePlan p = owned(id).revise(Ids.newId(clock), clock.instant());
    p.persist();
    return p;
  }

  @Transactional
  public CoursePlan edit(
      UUID id, long expectedVersion, java.util.function.Supplier<CoursePlan.Content> content) {
    // The plan is found first: another institution's plan answers 404, whatever the content.
    CoursePlan p = owned(id);
    Versions.check(expectedVersion, p.version);
    p.edit(content.get(), clock.instant());
    return p;
  }

  /**
   * Publishes a draft as the next version of its line, superseding the published one. The
   * superseded row is written first: the database allows one published version per line, so two
   * concurrent publications cannot both win (the loser gets 409).
   */
  @Transactional
  public CoursePlan publish(UUID id, long expectedVersion) {
    CoursePlan p = owned(id);
    Versions.check(expectedVersion, p.version);
    p.requirePublishable();
    UUID line = p.kind == PlanKind.MAJOR ? lineOfMajor(p) : p.lineId;
    CoursePlan current =
        CoursePlan.<CoursePlan>find("lineId = ?1 and status = ?2", line, CoursePlanStatus.PUBLISHED)
            .firstResult();
    Integer highest =
        em.createQuery(
                "select max(c.planVersion) from CoursePlan c where c.lineId = ?1", Integer.class)
            .setParameter(1, line)
            .getSingleResult();
    Institution owner = callers.institution();
    if (current != null) {
      current.supersede(p.id, clock.instant());
      em.flush();
    }
    p.publish(line, current, highest == null ? 0 : highest, clock.instant());
    if (current != null) {
      events.coursePlan(EventTypes.COURSE_PLAN_SUPERSEDED, current, owner);
    }
    events.coursePlan(EventTypes.COURSE_PLAN_PUBLISHED, p, owner);
    return p;
  }

  @Transactional
  public CoursePlan retire(UUID id, long expectedVersion) {
    CoursePlan p = owned(id);
    Versions.check(expectedVersion, p.version);
    p.retire(clock.instant());
    events.coursePlan(EventTypes.COURSE_PLAN_RETIRED, p, callers.institution());
    return p;
  }

  /**
   * A plan the caller may see: its institution sees all of its own; enterprises, government and
   * admin see published versions; anyone else (another institution too) gets 404.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public CoursePlan get(UUID id) {
    CoursePlan p = CoursePlan.findById(id);
    if (p == null || !visible(p)) {
      throw ProblemException.notFound("course plan " + id);
    }
    return p;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<CoursePlan> list(
      CoursePlanStatus status, PlanKind kind, String majorCode, UUID cursor, int limit) {
    KeysetQuery q = KeysetQuery.from("course_plan");
    if (callers.isInstitution()) {
      q.and("institution_id = ?", callers.institution().id);
    } else if (callers.readsPublished()) {
      q.and("status <> 'DRAFT'");
    } else {
      q.and("false");
    }
    return q.andIfPresent("status = ?", status == null ? null : status.name())
        .andIfPresent("kind = ?", kind == null ? null : kind.name())
        .andIfPresent("major_code = ?", majorCode)
        .page(em, CoursePlan.class, cursor, limit, p -> p.id);
  }

  /** Every published version of the plan's line, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CoursePlan> versions(UUID id) {
    CoursePlan p = get(id);
    return CoursePlan.list(
        "lineId = ?1 and planVersion is not null order by planVersion", p.lineId);
  }

  /** What changed in the plan's line from version {@code since} to this plan's version. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Changes changes(UUID id, int since) {
    CoursePlan to = get(id);
    if (to.planVersion == null) {
      throw ProblemException.invalidField(
          "id", "is a draft; changes are between published versions");
    }
    if (since < 1 || since > to.planVersion) {
      throw ProblemException.invalidField(
          "since", "must be a version of this plan up to " + to.planVersion);
    }
    CoursePlan from =
        CoursePlan.<CoursePlan>find("lineId = ?1 and planVersion = ?2", to.lineId, since)
            .firstResult();
    return new Changes(from, to, PlanChanges.between(from.courses, to.courses));
  }

  /** The owning institution of a plan (for responses). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Institution ownerOf(CoursePlan p) {
    return Institution.findById(p.institutionId);
  }

  private UUID lineOfMajor(CoursePlan draft) {
    CoursePlan earlier =
        CoursePlan.<CoursePlan>find(
                "institutionId = ?1 and kind = ?2 and majorCode = ?3 and cohortYear = ?4"
                    + " and planVersion is not null order by planVersion desc",
                draft.institutionId,
                PlanKind.MAJOR,
                draft.majorCode,
                draft.cohortYear)
            .firstResult();
    return earlier == null ? draft.id : earlier.lineId;
  }

  private boolean visible(CoursePlan p) {
    if (callers.isInstitution()) {
      return Institution.byCode(callers.org()).map(i -> i.id.equals(p.institutionId)).orElse(false);
    }
    return callers.readsPublished() && p.isPublic();
  }

  private CoursePlan owned(UUID id) {
    CoursePlan p = CoursePlan.findById(id);
    if (p == null
        || !callers.isInstitution()
        || !p.institutionId.equals(callers.institution().id)) {
      throw ProblemException.notFound("course plan " + id);
    }
    return p;
  }
}
