package org.qiao.talentdemand.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.TestProducer;

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

  /**
   * A university's proposal to the order, sent as curriculum-service would and waited for until the
   * order lists it; its id.
   */
  public static String delivered(Api.Org owner, String orderId, int capacity) {
    CloudEvent event = proposal(orderId, Api.university(), capacity);
    TestProducer.send(TOPIC, event);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                listed(owner, orderId).stream().anyMatch(p -> event.subject().equals(p.get("id"))));
    return event.subject();
  }

  /** The order's proposals, once it lists at least {@code count}. */
  public static List<Map<String, Object>> awaitProposals(Api.Org owner, String orderId, int count) {
    await().atMost(Duration.ofSeconds(15)).until(() -> listed(owner, orderId).size() >= count);
    return listed(owner, orderId);
  }

  /** The proposals the order lists now. */
  public static List<Map<String, Object>> listed(Api.Org owner, String orderId) {
    return owner
        .call()
        .get("/api/v1/training-orders/{id}/proposals", orderId)
        .then()
        .extract()
        .jsonPath()
        .getList("$");
  }
}
