package org.qiao.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.qiao.kit.codes.DivisionCodes;
import org.qiao.matching.domain.ForgottenStudent;
import org.qiao.matching.domain.Placement;
import org.qiao.matching.domain.PlacementCell;

/**
 * Hires and resumed job seeking (ADR 0016). A hired student is out of every ranking until they say
 * they seek work again after their latest hire; the two come on different topics, so they are
 * compared by time, never by arrival. Each change reaches the index after its transaction commits,
 * as a state read from the tables (so a rebuild, or another instance following the tables, reads
 * the same).
 */
@ApplicationScoped
public class Placements {

  /**
   * Students whose latest hire is later than their latest resumed job seeking (or who have none).
   */
  static final String HIRED_STUDENTS =
      "select distinct p.student_id from placement p"
          + " left join job_seeking_resumed r on r.student_id = p.student_id"
          + " where p.student_id is not null and (r.resumed_at is null or p.hired_at > r.resumed_at)";

  private final EntityManager em;

  Placements(EntityManager em) {
    this.em = em;
  }

  /** Stores a hire once (by placement id); a forgotten student's counts without them. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(Placement incoming) {
    if (Placement.findById(incoming.placementId) != null) {
      return;
    }
    if (ForgottenStudent.findById(incoming.studentId) != null) {
      incoming.studentId = null;
    }
    incoming.persist();
    if (incoming.studentId != null) {
      lockStudent(incoming.studentId);
    }
  }

  /** The student seeks work again as of {@code at}; the latest such time counts. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void resumed(String studentId, Instant at) {
    if (ForgottenStudent.findById(studentId) != null) {
      return;
    }
    lockStudent(studentId);
    em.createNativeQuery(
            "insert into job_seeking_resumed (student_id, resumed_at) values (?1, ?2)"
                + " on conflict (student_id) do update set resumed_at ="
                + " greatest(job_seeking_resumed.resumed_at, excluded.resumed_at)")
        .setParameter(1, studentId)
        .setParameter(2, at)
        .executeUpdate();
  }

  /**
   * Hires and resumptions arrive on two topics, consumed at once: one student's are taken one after
   * the other (until commit), so the second sees the first and its index change comes last.
   */
  private void lockStudent(String studentId) {
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "hired:" + studentId)
        .getSingleResult();
  }

  /** Whether the student's latest hire is later than their latest resumed job seeking. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean isHired(String studentId) {
    return (Boolean)
        em.createNativeQuery(
                "select exists (select 1 from placement p where p.student_id = ?1 and p.hired_at"
                    + " > coalesce((select resumed_at from job_seeking_resumed r"
                    + " where r.student_id = ?1), '-infinity'::timestamptz))")
            .setParameter(1, studentId)
            .getSingleResult();
  }

  /**
   * Forgetting: the student's placements stay as counts without anyone behind them, and their
   * resumed job seeking goes.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forget(String studentId) {
    em.createNativeQuery("update placement set student_id = null where student_id = ?1")
        .setParameter(1, studentId)
        .executeUpdate();
    em.createNativeQuery("delete from job_seeking_resumed where student_id = ?1")
        .setParameter(1, studentId)
        .executeUpdate();
  }

  /** The city-level code of where a job is (310115 → 310000); null for an unknown province. */
  static String place(String divisionCode) {
    return DivisionCodes.problemWith(divisionCode) == null
        ? DivisionCodes.city(divisionCode)
        : null;
  }

  /**
   * Placements of a graduation year (of one institution, or of all when null), a forgotten
   * student's under the placement's id: counted, naming nobody.
   */
  public List<PlacementCell.Row> rows(String institutionCode, int graduationYear) {
    var query =
        em.createNativeQuery(
            "select coalesce(student_id, placement_id::text), major_code, occupation_code,"
                + " division_code, days_to_offer from placement where graduation_year = ?1"
                + (institutionCode == null ? "" : " and institution_code = ?2"));
    query.setParameter(1, graduationYear);
    if (institutionCode != null) {
      query.setParameter(2, institutionCode);
    }
    List<PlacementCell.Row> rows = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] r = (Object[]) row;
      rows.add(
          new PlacementCell.Row(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              (String) r[3],
              ((Number) r[4]).intValue()));
    }
    return rows;
  }
}
