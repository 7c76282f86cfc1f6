package org.qiao.curriculum.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.qiao.curriculum.service.DestinationService;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.inbox.EventHandler;

/** Pre-fills graduate destinations from talent-demand-service's placements (hires). */
@ApplicationScoped
public class PlacementEventsHandler implements EventHandler {

  private final DestinationService destinations;

  PlacementEventsHandler(DestinationService destinations) {
    this.destinations = destinations;
  }

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.PLACEMENT_RECORDED);
  }

  @Override
  public void handle(CloudEvent event) {
    destinations.prefill(EventCodec.dataAs(event, DestinationService.PlacementRecorded.class));
  }
}
