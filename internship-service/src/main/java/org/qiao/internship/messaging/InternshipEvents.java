package org.qiao.internship.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.qiao.internship.domain.Internship;
import org.qiao.kit.outbox.Outbox;

/**
 * Records internship events in the outbox inside the change's transaction (flushed first, so the
 * event carries the version that was written). Keyed by internship id.
 */
@ApplicationScoped
public class InternshipEvents {

  private final Outbox outbox;
  private final EntityManager em;

  InternshipEvents(Outbox outbox, EntityManager em) {
    this.outbox = outbox;
    this.em = em;
  }

  public void proposed(Internship i) {
    record(EventTypes.INTERNSHIP_PROPOSED, i);
  }

  public void confirmed(Internship i) {
    record(EventTypes.INTERNSHIP_CONFIRMED, i);
  }

  public void started(Internship i) {
    record(EventTypes.INTERNSHIP_STARTED, i);
  }

  /** Carries the mentor-verified skills with both mentors' ratings. */
  public void completed(Internship i) {
    record(EventTypes.INTERNSHIP_COMPLETED, i);
  }

  public void terminated(Internship i) {
    record(EventTypes.INTERNSHIP_TERMINATED, i);
  }

  private void record(String type, Internship i) {
    em.flush();
    outbox.record("internship", i.id, type, InternshipState.of(i));
  }
}
