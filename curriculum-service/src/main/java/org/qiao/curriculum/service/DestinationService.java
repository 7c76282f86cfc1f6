package org.qiao.curriculum.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.qiao.curriculum.domain.ConsentDecision;
import org.qiao.curriculum.domain.Destination;
import org.qiao.curriculum.domain.GraduateDestination;
import org.qiao.curriculum.domain.Student;
import org.qiao.kit.events.InvalidEventException;
import org.qiao.kit.http.Versions;
import org.qiao.kit.problem.ProblemException;

/**
 * Graduate destinations (毕业去向), part of the student's record (its ETag is the record's version):
 * pre-filled from talent-demand-service's placements, read, confirmed and corrected by the student
 * and by their institution; nobody else sees them.
 */
@ApplicationScoped
public class DestinationService {

  private static final Logger LOG = Logger.getLogger(DestinationService.class);

  private final StudentService students;
  private final Callers callers;
  private final EntityManager em;
  private final Clock clock;

  DestinationService(StudentService students, Callers callers, EntityManager em, Clock clock) {
    this.students = students;
    this.callers = callers;
    this.em = em;
    this.clock = clock;
  }

  /** The data of qiao.placement.recorded.v1 this service uses (unknown fields ignored). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PlacementRecorded(
      UUID placementId,
      String studentId,
      String occupationCode,
      Employer enterprise,
      String divisionCode,
      LocalDate startDate,
      Instant hiredAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Employer(String creditCode, String name) {}

  /** A student's record and its destination (null while there is none). */
  public record View(Student student, GraduateDestination destination) {}

  /**
   * Pre-fills the destination from a hire, unless a person confirmed one or a newer placement is
   * already there. A student unknown here, or forgotten, gets nothing.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void prefill(PlacementRecorded p) {
    Student s = Student.byPseudonym(p.studentId()).orElse(null);
    if (s == null || !s.consentGiven) {
      LOG.debugf("Placement %s: student not known here or forgotten", p.placementId());
      return;
    }
    Destination details;
    try {
      details =
          new Destination(
              p.enterprise().creditCode(),
              p.enterprise().name(),
              p.occupationCode(),
              p.divisionCode(),
              p.startDate());
    } catch (ProblemException e) {
      throw new InvalidEventException("placement " + p.placementId() + ": " + e.getMessage(), e);
    }
    Instant now = clock.instant();
    GraduateDestination d = GraduateDestination.findById(s.id);
    boolean isNew = d == null;
    if (isNew) {
      d = GraduateDestination.of(s.id, now);
    }
    if (d.prefill(details, p.placementId(), p.hiredAt(), now)) {
      if (isNew) {
        d.persist();
      }
      changed(s);
    }
  }

  /** The acting student's destination; 404 while there is none. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public View own() {
    Student s = students.me();
    return new View(s, existing(s));
  }

  /** A student's destination, for their institution or the student; 404 while there is none. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public View get(UUID studentId) {
    Student s = students.get(studentId);
    return new View(s, existing(s));
  }

  /** The student or their institution states the destination (a correction is confirmed). */
  @Transactional
  public View state(UUID studentId, long expectedVersion, Destination details) {
    Student s = students.get(studentId);
    Versions.check(expectedVersion, s.version);
    Instant now = clock.instant();
    GraduateDestination d = GraduateDestination.findById(s.id);
    if (d == null) {
      d = GraduateDestination.of(s.id, now);
      d.state(details, party(), now);
      d.persist();
    } else {
      d.state(details, party(), now);
    }
    changed(s);
    return new View(s, d);
  }

  /** The student or their institution confirms the destination as it is. */
  @Transactional
  public View confirm(UUID studentId, long expectedVersion) {
    Student s = students.get(studentId);
    Versions.check(expectedVersion, s.version);
    GraduateDestination d = existing(s);
    if (d.confirm(party(), clock.instant())) {
      changed(s);
    }
    return new View(s, d);
  }

  private ConsentDecision.Party party() {
    return callers.isStudent() ? ConsentDecision.Party.STUDENT : ConsentDecision.Party.INSTITUTION;
  }

  private static GraduateDestination existing(Student s) {
    GraduateDestination d = GraduateDestination.findById(s.id);
    if (d == null) {
      throw ProblemException.notFound("destination of student " + s.id);
    }
    return d;
  }

  /** The destination is part of the record: its change is a new version of the record. */
  private void changed(Student s) {
    em.flush();
    em.lock(s, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
  }
}
