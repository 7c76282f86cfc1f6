package org.qiao.curriculum.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.ContractExamples;

/**
 * Training-order events exactly as talent-demand-service publishes them (the contract's examples).
 */
public final class OrderEvents {

  public static final String TOPIC = "qiao.talent-demand.events";

  private OrderEvents() {}

  /** An order for 080710T, open to the given institutions (none: open to all). */
  public static CloudEvent placed(String orderId, int headcount, List<String> targets) {
    ObjectNode data = ContractExamples.data("qiao.training-order.placed.v1");
    data.put("trainingOrderId", orderId)
        .put("headcount", headcount)
        .put("proposalDeadline", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString())
        .put("version", 0)
        .put("updatedAt", Instant.now().toString());
    ArrayNode majors = data.putArray("majorCodes");
    majors.add("080710T");
    ArrayNode t = data.putArray("targetUniversities");
    targets.forEach(t::add);
    return ContractExamples.event(
        "talent-demand-service", "qiao.training-order.placed.v1", orderId, data);
  }

  /** The same order after an award of {@code capacity} to the proposal. */
  public static CloudEvent awarded(
      CloudEvent placed, String proposalId, String universityCode, int capacity) {
    ObjectNode data = ((ObjectNode) placed.data()).deepCopy();
    data.put("status", "CONTRACTED")
        .put("awardedCapacity", capacity)
        .put("version", 1)
        .put("updatedAt", Instant.now().toString());
    ArrayNode awards = data.putArray("awards");
    awards
        .addObject()
        .put("proposalId", proposalId)
        .put("universityCode", universityCode)
        .put("capacity", capacity)
        .put("awardedAt", Instant.now().toString());
    return ContractExamples.event(
        "talent-demand-service", "qiao.training-order.awarded.v1", placed.subject(), data);
  }
}
