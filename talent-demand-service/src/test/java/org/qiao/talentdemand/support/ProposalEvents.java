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
