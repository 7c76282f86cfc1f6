package org.qiao.curriculum.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.qiao.curriculum.service.TrainingOrderService;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.inbox.EventHandler;

/**
 * Keeps this service's copy of training orders, and through it the state of the proposals made to
 * them, from talent-demand-service's events (each carries the order's whole state).
 */
@ApplicationScoped
public class TrainingOrderEventsHandler implements EventHandler {

  private final TrainingOrderService orders;

  TrainingOrderEventsHandler(TrainingOrderService orders) {
    this.orders = orders;
  }

  @Override
  public Set<String> types() {
    return Set.of(
        EventTypes.TRAINING_ORDER_PLACED,
        EventTypes.TRAINING_ORDER_AWARDED,
        EventTypes.TRAINING_ORDER_FULFILLED,
        EventTypes.TRAINING_ORDER_CANCELLED);
  }

  @Override
  public void handle(CloudEvent event) {
    orders.apply(EventCodec.dataAs(event, TrainingOrderService.OrderChange.class));
  }
}
