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

/** Lists a university's proposal, announced by curriculum-service, under its training order. */
@ApplicationScoped
public class ProposalSubmittedHandler implements EventHandler {

  private final TrainingOrderService orders;

  ProposalSubmittedHandler(TrainingOrderService orders) {
    this.orders = orders;
  }

  /** What this service reads of {@code qiao.proposal.submitted.v1}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProposalSubmitted(
      UUID proposalId,
      UUID trainingOrderId,
      University university,
      UUID coursePlanId,
      String summary,
      int capacity,
      Instant submittedAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record University(String institutionCode, String name) {}

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.PROPOSAL_SUBMITTED);
  }

  @Override
  public void handle(CloudEvent event) {
    ProposalSubmitted p = EventCodec.dataAs(event, ProposalSubmitted.class);
    orders.receiveProposal(
        new TrainingOrderService.IncomingProposal(
            p.proposalId(),
            p.trainingOrderId(),
            p.university().institutionCode(),
            p.university().name(),
            p.coursePlanId(),
            p.summary(),
            p.capacity(),
            p.submittedAt()));
  }
}
