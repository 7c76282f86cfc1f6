package org.qiao.matching.service.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.matching.domain.TrainingOrderView;
import org.qiao.matching.domain.partner.Audience;
import org.qiao.matching.domain.partner.PartnerAudience;

/** Who among partners may see an event, with what matching knows (a proposal's order). */
@ApplicationScoped
public class PartnerEvents {

  /** An event of the log as partners see it, or empty when it is no CloudEvent this reads. */
  public Optional<CloudEvent> decode(byte[] value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      CloudEvent e = EventCodec.decode(value);
      return e.id() == null || e.type() == null ? Optional.empty() : Optional.of(e);
    } catch (RuntimeException e) {
      // A record no consumer could read reaches no partner either; the consumers dead-letter it.
      return Optional.empty();
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Audience audienceOf(CloudEvent e) {
    return PartnerAudience.of(e.type(), e.data(), this::orderEnterprise);
  }

  /**
   * Whether the event's audience depends on a training order this service has not applied yet: a
   * proposal names only its order, whose enterprise comes from the order's own events.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean awaitsProjection(CloudEvent e) {
    if (PartnerAudience.ruleOf(e.type()) != PartnerAudience.Rule.PROPOSAL
        || e.data() == null
        || !e.data().path("trainingOrderId").isTextual()) {
      return false;
    }
    return orderEnterprise(e.data().path("trainingOrderId").asText()).isEmpty();
  }

  private Optional<String> orderEnterprise(String trainingOrderId) {
    UUID id;
    try {
      id = UUID.fromString(trainingOrderId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    TrainingOrderView order = TrainingOrderView.findById(id);
    return order == null ? Optional.empty() : Optional.of(order.enterpriseCode);
  }
}
