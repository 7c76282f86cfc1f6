package org.qiao.matching.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.inbox.EventHandler;
import org.qiao.matching.domain.DemandView;
import org.qiao.matching.service.DemandViews;

/** Keeps the demand read model in step with talent-demand-service's demand events. */
@ApplicationScoped
public class TalentDemandEventHandler implements EventHandler {

  private static final Set<String> DEMAND_EVENTS =
      Set.of(
          "qiao.demand.drafted.v1",
          "qiao.demand.revised.v1",
          "qiao.demand.published.v1",
          "qiao.demand.hires-recorded.v1",
          "qiao.demand.filled.v1",
          "qiao.demand.closed.v1",
          "qiao.demand.expired.v1");

  private final DemandViews views;

  TalentDemandEventHandler(DemandViews views) {
    this.views = views;
  }

  @Override
  public Set<String> types() {
    return DEMAND_EVENTS;
  }

  @Override
  public void handle(CloudEvent event) {
    DemandStateV1 d = EventCodec.dataAs(event, DemandStateV1.class);
    views.apply(
        DemandView.of(
            d.demandId(),
            d.enterprise().id(),
            d.enterprise().name(),
            d.title(),
            d.occupationCode(),
            d.majorCodes() == null ? List.of() : d.majorCodes(),
            d.skills() == null
                ? List.of()
                : d.skills().stream()
                    .map(s -> new DemandView.RequiredSkill(s.name(), s.essential(), s.level()))
                    .toList(),
            d.headcount(),
            d.filledCount(),
            d.city(),
            d.validThrough(),
            d.status(),
            d.version(),
            d.publishedAt()));
  }
}
