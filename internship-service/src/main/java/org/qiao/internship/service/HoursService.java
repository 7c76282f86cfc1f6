package org.qiao.internship.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.qiao.internship.domain.HoursKind;
import org.qiao.internship.domain.Internship;
import org.qiao.internship.domain.Mentor;
import org.qiao.internship.domain.MentorHours;
import org.qiao.internship.domain.Period;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.problem.Rules;
import org.qiao.kit.time.ChinaTime;

/** Mentors record the hours they guide and teach; organisations read a report per period. */
@ApplicationScoped
public class HoursService {

  private final Callers callers;
  private final EntityManager em;
  private final Clock clock;

  HoursService(Callers callers, EntityManager em, Clock clock) {
    this.callers = callers;
    this.em = em;
    this.clock = clock;
  }

  @Transactional
  public MentorHours record(UUID internshipId, LocalDate day, HoursKind kind, BigDecimal hours) {
    Mentor m = callers.mentor();
    if (internshipId != null) {
      Internship i = Internship.findById(internshipId);
      if (i == null || !m.id.equals(i.institutionMentorId) && !m.id.equals(i.enterpriseMentorId)) {
        throw Rules.invalid("internshipId", "is not an internship you mentor");
      }
    }
    MentorHours h =
        MentorHours.record(
            Ids.newId(clock),
            m,
            internshipId,
            day,
            kind,
            hours,
            ChinaTime.today(clock),
            clock.instant());
    h.persist();
    return h;
  }

  /** An entry: its mentor reads it, and the mentor's organisation. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public MentorHours get(UUID id) {
    MentorHours h = MentorHours.findById(id);
    boolean mine =
        h != null
            && (callers.isMentor()
                ? h.mentorId.equals(callers.mentor().id)
                : callers.isOrganisation() && h.orgCode.equals(callers.org()));
    if (!mine) {
      throw ProblemException.notFound("mentor hours " + id);
    }
    return h;
  }

  /** One mentor's hours in a period. */
  public record MentorTotal(
      UUID mentorId, String name, BigDecimal guidanceHours, BigDecimal teachingHours) {
    public BigDecimal totalHours() {
      return guidanceHours.add(teachingHours);
    }
  }

  /** The organisation's mentors' hours from {@code from} to {@code to}, both days included. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<MentorTotal> report(Period period) {
    callers.organisationSide();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select m.id, m.name, h.kind, sum(h.hours) from mentor_hours h"
                    + " join mentor m on m.id = h.mentor_id"
                    + " where h.org_code = ?1 and h.day between ?2 and ?3"
                    + " group by m.id, m.name, h.kind order by m.name, m.id")
            .setParameter(1, callers.org())
            .setParameter(2, period.from())
            .setParameter(3, period.to())
            .getResultList();
    Map<UUID, MentorTotal> totals = new LinkedHashMap<>();
    for (Object[] r : rows) {
      UUID id = (UUID) r[0];
      BigDecimal sum = (BigDecimal) r[3];
      MentorTotal t =
          totals.getOrDefault(
              id, new MentorTotal(id, (String) r[1], BigDecimal.ZERO, BigDecimal.ZERO));
      totals.put(
          id,
          HoursKind.valueOf((String) r[2]) == HoursKind.GUIDANCE
              ? new MentorTotal(id, t.name(), t.guidanceHours().add(sum), t.teachingHours())
              : new MentorTotal(id, t.name(), t.guidanceHours(), t.teachingHours().add(sum)));
    }
    return new ArrayList<>(totals.values());
  }
}
