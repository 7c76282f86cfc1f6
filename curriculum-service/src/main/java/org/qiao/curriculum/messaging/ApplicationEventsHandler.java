package org.qiao.curriculum.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.qiao.curriculum.service.ContactGrantService;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.inbox.EventHandler;

/**
 * Contact grants from talent-demand-service's application events (each carries the application's
 * whole state): granted when the student applies or accepts, ended when the application ends.
 */
@ApplicationScoped
public class ApplicationEventsHandler implements EventHandler {

  private final ContactGrantService grants;

  ApplicationEventsHandler(ContactGrantService grants) {
    this.grants = grants;
  }

  @Override
  public Set<String> types() {
    return EventTypes.APPLICATION_STAGES;
  }

  @Override
  public void handle(CloudEvent event) {
    grants.apply(EventCodec.dataAs(event, ContactGrantService.ApplicationChange.class));
  }
}
