package org.qiao.internship.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.qiao.internship.domain.Incident;
import org.qiao.internship.domain.IncidentType;
import org.qiao.internship.domain.Internship;
import org.qiao.internship.domain.Party;
import org.qiao.internship.domain.Severity;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.time.ChinaTime;

/**
 * Incidents for the risk compensation scheme: the institution or the enterprise reports them, the
 * parties read them, government reads counts only ({@link IncidentStatistics}).
 */
@ApplicationScoped
public class IncidentService {

  private final Callers callers;
  private final InternshipService internships;
  private final EntityManager em;
  private final Clock clock;

  IncidentService(Callers callers, InternshipService internships, EntityManager em, Clock clock) {
    this.callers = callers;
    this.internships = internships;
    this.em = em;
    this.clock = clock;
  }

  @Transactional
  public Incident report(
      UUID internshipId,
      IncidentType type,
      Severity severity,
      LocalDate occurredOn,
      String description,
      String actions) {
    Internship i = internships.visibleLocked(internshipId);
    callers.require(i, "reported on", Party.INSTITUTION, Party.ENTERPRISE);
    Incident x =
        Incident.report(
            Ids.newId(clock),
            i,
            type,
            severity,
            occurredOn,
            description,
            actions,
            callers.org(),
            ChinaTime.today(clock),
            clock.instant());
    x.persist();
    return x;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Incident get(UUID internshipId, UUID incidentId) {
    Internship i = internships.visible(internshipId);
    readable(i);
    Incident x = Incident.findById(incidentId);
    if (x == null || !x.internshipId.equals(i.id)) {
      throw ProblemException.notFound("incident " + incidentId);
    }
    return x;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Incident> list(UUID internshipId, UUID cursor, int limit) {
    Internship i = internships.visible(internshipId);
    readable(i);
    return KeysetQuery.from("incident")
        .and("internship_id = ?", i.id)
        .page(em, Incident.class, cursor, limit, x -> x.id);
  }

  /** Students do not read incident reports (free text written by the organisations). */
  private void readable(Internship i) {
    if (callers.isStudent()) {
      throw ProblemException.notFound("incidents of internship " + i.id);
    }
  }
}
