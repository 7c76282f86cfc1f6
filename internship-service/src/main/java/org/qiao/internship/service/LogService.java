package org.qiao.internship.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.qiao.internship.domain.Internship;
import org.qiao.internship.domain.InternshipLog;
import org.qiao.internship.domain.Party;
import org.qiao.internship.domain.Side;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.http.Versions;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;

/** Weekly logs: the student writes them, either mentor comments, every party reads them. */
@ApplicationScoped
public class LogService {

  private final Callers callers;
  private final InternshipService internships;
  private final EntityManager em;
  private final Clock clock;

  LogService(Callers callers, InternshipService internships, EntityManager em, Clock clock) {
    this.callers = callers;
    this.internships = internships;
    this.em = em;
    this.clock = clock;
  }

  @Transactional
  public InternshipLog submit(
      UUID internshipId, LocalDate weekOf, String text, BigDecimal hours, List<Integer> goals) {
    Internship i = internships.visibleLocked(internshipId);
    if (!callers.isStudent()) {
      throw Callers.forbidden("Weekly logs are written by the student");
    }
    if (InternshipLog.count("internshipId = ?1 and weekOf = ?2", i.id, weekOf) > 0) {
      throw ProblemException.conflict("The week of " + weekOf + " is logged already");
    }
    InternshipLog l =
        InternshipLog.submit(Ids.newId(clock), i, weekOf, text, hours, goals, clock.instant());
    l.persist();
    em.flush();
    return l;
  }

  @Transactional
  public InternshipLog comment(UUID internshipId, UUID logId, long expectedVersion, String text) {
    Internship i = internships.visible(internshipId);
    // The side is the mentor's place on this internship, checked against the token, never guessed.
    Party p = callers.require(i, "commented on", Party.INSTITUTION_MENTOR, Party.ENTERPRISE_MENTOR);
    Side side = p == Party.INSTITUTION_MENTOR ? Side.INSTITUTION : Side.ENTERPRISE;
    InternshipLog l = log(i, logId);
    Versions.check(expectedVersion, l.version);
    l.comment(i.mentorOf(side), side, text, clock.instant());
    em.flush();
    return l;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public InternshipLog get(UUID internshipId, UUID logId) {
    return log(internships.visible(internshipId), logId);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<InternshipLog> list(UUID internshipId, UUID cursor, int limit) {
    Internship i = internships.visible(internshipId);
    return KeysetQuery.from("internship_log")
        .and("internship_id = ?", i.id)
        .page(em, InternshipLog.class, cursor, limit, l -> l.id);
  }

  private static InternshipLog log(Internship i, UUID logId) {
    InternshipLog l = InternshipLog.findById(logId);
    if (l == null || !l.internshipId.equals(i.id)) {
      throw ProblemException.notFound("log " + logId);
    }
    return l;
  }
}
