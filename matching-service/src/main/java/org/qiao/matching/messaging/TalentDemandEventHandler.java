package org.qiao.matching.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.inbox.EventHandler;
import org.qiao.matching.service.DemandViews;

/** Keeps the demand read model in step with talent-demand-service's events. */
@ApplicationScoped
public class TalentDemandEventHandler implements EventHandler {

  private final DemandViews views;

  TalentDemandEventHandler(DemandViews views) {
    this.views = views;
  }

  @Override
  public Set<String> types() {
    return Set.of(DemandPublishedV1.TYPE);
  }

  @Override
  public void handle(CloudEvent event) {
    DemandPublishedV1 d = EventCodec.dataAs(event, DemandPublishedV1.class);
    views.apply(
        new DemandViews.DemandState(
            d.demandId(),
            d.enterpriseId(),
            d.title(),
            d.occupationCode(),
            d.majorCodes() == null ? java.util.List.of() : d.majorCodes(),
            d.skills() == null
                ? java.util.List.of()
                : d.skills().stream()
                    .map(
                        s ->
                            new org.qiao.matching.domain.DemandView.RequiredSkill(
                                s.name(), s.essential(), s.level()))
                    .toList(),
            d.headcount(),
            d.city(),
            d.validThrough(),
            d.status(),
            d.version(),
            d.publishedAt()));
  }
}
