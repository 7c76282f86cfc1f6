package org.qiao.talentdemand.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.qiao.kit.outbox.Outbox;
import org.qiao.talentdemand.domain.Demand;

/** Turns demand changes into events in the outbox, inside the change's transaction. */
@ApplicationScoped
public class DemandEvents {

  private static final String AGGREGATE = "demand";

  private final Outbox outbox;

  DemandEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  public void published(Demand demand) {
    outbox.record(AGGREGATE, demand.id, DemandPublishedV1.TYPE, DemandPublishedV1.of(demand));
  }
}
