package org.qiao.talentdemand.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.qiao.kit.outbox.Outbox;
import org.qiao.talentdemand.domain.Application;
import org.qiao.talentdemand.domain.Challenge;
import org.qiao.talentdemand.domain.Demand;
import org.qiao.talentdemand.domain.Enterprise;
import org.qiao.talentdemand.domain.Interest;
import org.qiao.talentdemand.domain.KnownStudent;
import org.qiao.talentdemand.domain.Proposal;
import org.qiao.talentdemand.domain.TrainingOrder;

/**
 * Records this service's events in the outbox, inside the change's transaction. It flushes first,
 * so the state and version an event carries are exactly what was written.
 */
@ApplicationScoped
public class TalentDemandEvents {

  private final Outbox outbox;
  private final EntityManager em;

  TalentDemandEvents(Outbox outbox, EntityManager em) {
    this.outbox = outbox;
    this.em = em;
  }

  public void enterprise(String type, Enterprise e) {
    em.flush();
    outbox.record("enterprise", e.id, type, EventData.EnterpriseState.of(e));
  }

  public void demand(String type, Demand d, Enterprise owner) {
    em.flush();
    outbox.record("demand", d.id, type, EventData.DemandState.of(d, owner));
  }

  public void trainingOrder(String type, TrainingOrder o, Enterprise owner) {
    em.flush();
    List<Proposal> awarded = Proposal.awardedIn(o.id);
    outbox.record("training-order", o.id, type, EventData.TrainingOrderState.of(o, owner, awarded));
  }

  public void challenge(String type, Challenge c, Enterprise owner, Interest about) {
    em.flush();
    outbox.record("challenge", c.id, type, EventData.ChallengeState.of(c, owner, about));
  }

  /** The application's stage as its event: {@code qiao.application.<stage>.v1}. */
  public void application(Application a, Enterprise owner) {
    em.flush();
    outbox.record(
        "application", a.id, a.status.eventType(), EventData.ApplicationState.of(a, owner));
  }

  /** A hire's placement, keyed by its id (the application's). */
  public void placement(Application a, Demand d, Enterprise owner, KnownStudent student) {
    outbox.record(
        "placement",
        a.id,
        EventTypes.PLACEMENT_RECORDED,
        EventData.Placement.of(a, d, owner, student));
  }
}
