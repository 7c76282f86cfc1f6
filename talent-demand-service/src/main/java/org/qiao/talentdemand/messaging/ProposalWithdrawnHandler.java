package org.qiao.talentdemand.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.inbox.EventHandler;
import org.qiao.talentdemand.service.TrainingOrderService;

/**
 * Marks a proposal withdrawn by its university (curriculum-service): it can no longer be awarded.
 */
@ApplicationScoped
public class ProposalWithdrawnHandler implements EventHandler {

  private final TrainingOrderService orders;

  ProposalWithdrawnHandler(TrainingOrderService orders) {
    this.orders = orders;
  }

  /** What this service reads of {@code qiao.proposal.withdrawn.v1}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProposalWithdrawn(UUID proposalId, Instant withdrawnAt) {}

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.PROPOSAL_WITHDRAWN);
  }

  @Override
  public void handle(CloudEvent event) {
    ProposalWithdrawn w = EventCodec.dataAs(event, ProposalWithdrawn.class);
    orders.withdrawProposal(w.proposalId(), w.withdrawnAt());
  }
}
