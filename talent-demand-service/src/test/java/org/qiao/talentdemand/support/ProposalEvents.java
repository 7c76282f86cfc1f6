package org.qiao.talentdemand.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.ContractExamples;

/** Proposal events exactly as curriculum-service will publish them (the contract's example). */
public final class ProposalEvents {

  public static final String TOPIC = "qiao.curriculum.events";
  public static final String TYPE = "qiao.proposal.submitted.v1";

  private ProposalEvents() {}

  public static final String WITHDRAWN = "qiao.proposal.withdrawn.v1";

  /** The university withdraws the proposal {@code submitted} announced (same key). */
  public static CloudEvent withdrawal(CloudEvent submitted) {
    ObjectNode data = ContractExamples.data(WITHDRAWN);
    data.put("proposalId", submitted.subject())
        .put("trainingOrderId", submitted.data().get("trainingOrderId").asText())
        .put("withdrawnAt", Instant.now().toString());
    data.set("university", submitted.data().get("university").deepCopy());
    return ContractExamples.event("curriculum-service", WITHDRAWN, submitted.subject(), data);
  }

  public static CloudEvent proposal(String orderId, Api.Org university, int capacity) {
    ObjectNode data = ContractExamples.data(TYPE);
    data.put("proposalId", ContractExamples.newId())
        .put("trainingOrderId", orderId)
        .put("capacity", capacity)
        .put("submittedAt", Instant.now().toString());
    ((ObjectNode) data.get("university")).put("institutionCode", university.code());
    return ContractExamples.event(
        "curriculum-service", TYPE, data.get("proposalId").asText(), data);
  }
}
