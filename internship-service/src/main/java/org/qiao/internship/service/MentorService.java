package org.qiao.internship.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import org.qiao.internship.domain.Mentor;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.http.Versions;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;

/** An organisation's mentors, and the places they have for mentees. */
@ApplicationScoped
public class MentorService {

  private final Callers callers;
  private final EntityManager em;
  private final Clock clock;

  MentorService(Callers callers, EntityManager em, Clock clock) {
    this.callers = callers;
    this.em = em;
    this.clock = clock;
  }

  @Transactional
  public Mentor register(Mentor.Profile profile) {
    Mentor m =
        Mentor.register(
            Ids.newId(clock), callers.org(), callers.organisationSide(), profile, clock.instant());
    m.persist();
    return m;
  }

  @Transactional
  public Mentor describe(UUID id, long expectedVersion, Mentor.Profile profile) {
    Mentor m = owned(id);
    Versions.check(expectedVersion, m.version);
    m.describe(profile, clock.instant());
    em.flush();
    return m;
  }

  /** The organisation reads its mentors; a mentor reads themself. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Mentor get(UUID id) {
    if (callers.isMentor()) {
      Mentor self = callers.mentor();
      if (!self.id.equals(id)) {
        throw ProblemException.notFound("mentor " + id);
      }
      return self;
    }
    return owned(id);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Mentor> list(UUID cursor, int limit) {
    callers.organisationSide();
    return KeysetQuery.from("mentor")
        .and("org_code = ?", callers.org())
        .page(em, Mentor.class, cursor, limit, m -> m.id);
  }

  /**
   * Takes a place with the mentor for a new internship. One conditional update: of concurrent
   * requests for the last place exactly one succeeds, the others get 409.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void assign(UUID mentorId) {
    int taken =
        em.createNativeQuery(
                "update mentor set assigned = assigned + 1, version = version + 1"
                    + " where id = ?1 and assigned < capacity")
            .setParameter(1, mentorId)
            .executeUpdate();
    if (taken == 0) {
      throw new ProblemException(
          409,
          "mentor-at-capacity",
          "Conflict",
          "Mentor " + mentorId + " already mentors as many internships as their capacity allows",
          java.util.List.of());
    }
  }

  /** Gives back the places of an internship that ended. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void release(Collection<UUID> mentorIds) {
    em.createNativeQuery(
            "update mentor set assigned = assigned - 1, version = version + 1 where id in (?1)")
        .setParameter(1, mentorIds)
        .executeUpdate();
  }

  private Mentor owned(UUID id) {
    callers.organisationSide();
    Mentor m = Mentor.findById(id);
    if (m == null || !m.orgCode.equals(callers.org())) {
      throw ProblemException.notFound("mentor " + id);
    }
    return m;
  }
}
