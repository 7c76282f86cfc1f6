package org.qiao.curriculum.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.qiao.curriculum.domain.ContactGrant;
import org.qiao.curriculum.domain.CoursePlan;
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.domain.Proposal;
import org.qiao.curriculum.domain.Student;
import org.qiao.kit.ids.Digests;
import org.qiao.kit.outbox.Outbox;

/**
 * Records this service's events in the outbox, inside the change's transaction (flushed first, so
 * an event carries the version that was written). Student events are keyed by pseudonymous id.
 */
@ApplicationScoped
public class CurriculumEvents {

  /** Why every other service must forget a student. */
  public enum ForgetReason {
    CONSENT_WITHDRAWN,
    ERASED
  }

  private final Outbox outbox;
  private final EntityManager em;

  CurriculumEvents(Outbox outbox, EntityManager em) {
    this.outbox = outbox;
    this.em = em;
  }

  public void institution(String type, Institution i) {
    em.flush();
    outbox.record("institution", i.id, type, EventData.InstitutionState.of(i));
  }

  public void coursePlan(String type, CoursePlan p, Institution owner) {
    em.flush();
    outbox.record("course-plan", p.id, type, EventData.CoursePlanState.of(p, owner));
  }

  public void proposalSubmitted(Proposal p, Institution i) {
    em.flush();
    outbox.record(
        "proposal", p.id, EventTypes.PROPOSAL_SUBMITTED, EventData.ProposalSubmitted.of(p, i));
  }

  public void proposalWithdrawn(Proposal p, Institution i) {
    em.flush();
    outbox.record(
        "proposal", p.id, EventTypes.PROPOSAL_WITHDRAWN, EventData.ProposalWithdrawn.of(p, i));
  }

  /**
   * The digest of what a profile event would carry now; equal digests publish nothing new. Built
   * from the fields directly (no JSON): an import computes it for every row.
   */
  public String fingerprint(Student s, Institution i) {
    EventData.ProfileContent c = EventData.ProfileContent.of(s, i);
    StringBuilder b = new StringBuilder(256);
    b.append(c.pseudonymousId()).append('\u001f').append(c.institution()).append('\u001f');
    b.append(c.majorCode()).append('\u001f').append(c.degree()).append('\u001f');
    b.append(c.graduationYear()).append('\u001f').append(c.cohortYear()).append('\u001f');
    b.append(c.skills()).append('\u001f').append(c.preferredCities()).append('\u001f');
    b.append(c.consentTextVersion());
    return Digests.sha256Hex(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A consented profile, as published (the caller has flushed, so the version is written). */
  public void profilePublished(Student s, Institution i) {
    profilesPublished(List.of(s), i);
  }

  /** Consented profiles of one institution, recorded together (an import chunk's thousands). */
  public void profilesPublished(List<Student> students, Institution i) {
    outbox.recordAll(
        students.stream()
            .map(
                s ->
                    new Outbox.Pending(
                        "student",
                        s.pseudonymousId,
                        EventTypes.STUDENT_PROFILE_PUBLISHED,
                        EventData.StudentProfileState.of(EventData.ProfileContent.of(s, i), s)))
            .toList());
  }

  /** The student revoked a contact grant (key: the grant's id). */
  public void contactGrantRevoked(ContactGrant g) {
    em.flush();
    outbox.record(
        "contact-grant",
        g.id,
        EventTypes.CONTACT_GRANT_REVOKED,
        EventData.ContactGrantRevoked.of(g));
  }

  /** A hired student seeks work again (key: the pseudonymous id). */
  public void jobSeekingResumed(String pseudonymousId, Instant at) {
    outbox.record(
        "student",
        pseudonymousId,
        EventTypes.STUDENT_JOB_SEEKING_RESUMED,
        new EventData.JobSeekingResumed(pseudonymousId, at));
  }

  public void forgotten(String pseudonymousId, Institution i, ForgetReason reason, Instant at) {
    // The published profile events' audit copies go (and revocations, whose data names the
    // student); this forget event is still to be sent.
    outbox.forgetSubject(pseudonymousId, List.of(EventTypes.CONTACT_GRANT_REVOKED));
    outbox.record(
        "student",
        pseudonymousId,
        EventTypes.STUDENT_FORGOTTEN,
        new EventData.StudentForgotten(pseudonymousId, i.code, reason.name(), at));
  }
}
