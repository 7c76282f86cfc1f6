package org.qiao.curriculum.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.qiao.curriculum.domain.ContactGrant;
import org.qiao.curriculum.domain.Disclosure;
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.domain.KnownApplication;
import org.qiao.curriculum.domain.Student;
import org.qiao.curriculum.messaging.CurriculumEvents;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;

/**
 * Contact grants (ADR 0015): released by the student's own step in an application (applying, or
 * accepting an invitation), ended with the application (plus {@link ContactGrant#AFTER_END}), by
 * the student's revocation, or by forgetting. Only the granted enterprise reads the contact card,
 * and every read is recorded; anyone else gets the same 404.
 */
@ApplicationScoped
public class ContactGrantService {

  private static final Logger LOG = Logger.getLogger(ContactGrantService.class);

  private final Callers callers;
  private final CurriculumEvents events;
  private final EntityManager em;
  private final Clock clock;

  ContactGrantService(Callers callers, CurriculumEvents events, EntityManager em, Clock clock) {
    this.callers = callers;
    this.events = events;
    this.em = em;
    this.clock = clock;
  }

  /**
   * An application's whole state as talent-demand-service publishes it (unknown fields ignored).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ApplicationChange(
      UUID applicationId,
      Enterprise enterprise,
      String studentId,
      String startedBy,
      String status,
      long version,
      Instant updatedAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Enterprise(UUID id, String creditCode, String name) {}

  /** A contact card as read: the grant, the student, and where they study. */
  public record Card(ContactGrant grant, Student student, Institution institution) {}

  /**
   * Follows an application: remembers its newest state (older versions change nothing), grants
   * contact once the student has taken a step, and ends the grant when the application ends. A
   * student unknown here, or forgotten, gets nothing recorded.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(ApplicationChange c) {
    Student s = Student.byPseudonym(c.studentId()).orElse(null);
    if (s == null || !s.consentGiven) {
      LOG.debugf("Application %s: student not known here or forgotten", c.applicationId());
      return;
    }
    KnownApplication a = KnownApplication.findById(c.applicationId());
    boolean isNew = a == null;
    if (isNew) {
      a = KnownApplication.of(c.applicationId(), c.studentId());
    }
    if (!a.follow(c.startedBy(), c.status(), c.version(), c.updatedAt())) {
      LOG.debugf("Application %s: version %d already applied", a.id, c.version());
      return;
    }
    if (isNew) {
      a.persist();
    }
    ContactGrant g = ContactGrant.ofApplication(a.id).orElse(null);
    if (g == null && a.showsStudentConsent()) {
      g =
          ContactGrant.grant(
              Ids.newId(clock),
              a.id,
              a.studentId,
              c.enterprise().id(),
              c.enterprise().creditCode(),
              c.enterprise().name(),
              clock.instant());
      g.persist();
    }
    if (g != null && a.isEnded()) {
      g.applicationEnded(c.updatedAt());
    }
  }

  /**
   * The contact card of an application, for the enterprise its grant names while the grant is
   * active and the student not forgotten; the read is recorded. Everyone else: 404.
   */
  @Transactional
  public Card card(UUID applicationId) {
    Instant now = clock.instant();
    ContactGrant g = ContactGrant.ofApplication(applicationId).orElse(null);
    Student s = g == null ? null : Student.byPseudonym(g.studentId).orElse(null);
    if (g == null
        || s == null
        || !s.consentGiven
        || !callers.isEnterprise()
        || !g.enterpriseCreditCode.equals(callers.org())
        || !g.isActive(now)) {
      throw ProblemException.notFound("contact card " + applicationId);
    }
    Disclosure.of(Ids.newId(clock), g, now).persist();
    return new Card(g, s, Institution.findById(s.institutionId));
  }

  /** The acting student's grants, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ContactGrant> grants(UUID cursor, int limit) {
    return KeysetQuery.from("contact_grant")
        .and("student_id = ?", me().pseudonymousId)
        .page(em, ContactGrant.class, cursor, limit, g -> g.id);
  }

  /** Who read the acting student's contact card and when, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Disclosure> disclosures(UUID cursor, int limit) {
    return KeysetQuery.from("disclosure")
        .and("student_id = ?", me().pseudonymousId)
        .page(em, Disclosure.class, cursor, limit, d -> d.id);
  }

  /**
   * The student revokes a grant of theirs: the card is 404 at once, and talent-demand-service is
   * told (it withdraws the application). Revoking again answers the same and sends nothing.
   */
  @Transactional
  public ContactGrant revoke(UUID grantId) {
    Student s = me();
    ContactGrant g = ContactGrant.findById(grantId);
    if (g == null || !g.studentId.equals(s.pseudonymousId)) {
      throw ProblemException.notFound("contact grant " + grantId);
    }
    if (g.revoke(clock.instant())) {
      events.contactGrantRevoked(g);
    }
    return g;
  }

  /**
   * A student is forgotten (consent withdrawn or erased), in the forgetting's transaction: every
   * grant ends now. Erasure also deletes what was recorded about them here — disclosures, grants
   * and the applications known — since it leaves no copy (ADR 0009); a withdrawal keeps the ended
   * grants and the disclosures, which the student may still read.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forget(String pseudonymousId, boolean erased, Instant at) {
    if (erased) {
      em.createQuery("delete from Disclosure where studentId = ?1")
          .setParameter(1, pseudonymousId)
          .executeUpdate();
      em.createQuery("delete from ContactGrant where studentId = ?1")
          .setParameter(1, pseudonymousId)
          .executeUpdate();
      em.createQuery("delete from KnownApplication where studentId = ?1")
          .setParameter(1, pseudonymousId)
          .executeUpdate();
      return;
    }
    ContactGrant.<ContactGrant>list("studentId", pseudonymousId).forEach(g -> g.endBy(at));
  }

  private Student me() {
    return callers
        .student()
        .orElseThrow(() -> ProblemException.notFound("student " + callers.subject()));
  }
}
