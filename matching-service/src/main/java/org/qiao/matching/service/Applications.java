package org.qiao.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.qiao.matching.domain.ApplicationView;
import org.qiao.matching.domain.ForgottenStudent;

/**
 * Applications as talent-demand-service publishes them (ADR 0014), kept so that a ranking can say
 * whom the enterprise already invited or who applied. Applied from events in the event's
 * transaction; an older state than the stored one changes nothing.
 */
@ApplicationScoped
public class Applications {

  private final EntityManager em;

  Applications(EntityManager em) {
    this.em = em;
  }

  /** Inserts or replaces an application; a forgotten student's is kept without the student. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(ApplicationView incoming) {
    if (incoming.studentId != null && ForgottenStudent.findById(incoming.studentId) != null) {
      incoming.studentId = null;
    }
    ReadModels.upsert(incoming, ApplicationView.findById(incoming.applicationId));
  }

  /**
   * The status of the latest application of each of these students for the demand (absent: none).
   * One query by demand id, whatever the number of students.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, String> statusesOn(UUID demandId, Collection<String> studentIds) {
    Map<String, String> statuses = new HashMap<>();
    if (studentIds.isEmpty()) {
      return statuses;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select student_id, status from application_view"
                    + " where demand_id = ?1 and student_id in (?2)"
                    + " order by updated_at, source_version")
            .setParameter(1, demandId)
            .setParameter(2, studentIds)
            .getResultList();
    for (Object[] r : rows) {
      statuses.put((String) r[0], (String) r[1]);
    }
    return statuses;
  }

  /** Forgetting: the student's applications name nobody any more. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forget(String studentId) {
    em.createNativeQuery("update application_view set student_id = null where student_id = ?1")
        .setParameter(1, studentId)
        .executeUpdate();
  }
}
