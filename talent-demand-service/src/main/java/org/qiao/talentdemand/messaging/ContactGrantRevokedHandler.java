package org.qiao.talentdemand.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.inbox.EventHandler;
import org.qiao.talentdemand.service.ApplicationService;

/**
 * The student revoked the enterprise's contact grant in curriculum-service: their application ends
 * (withdrawn, reason CONTACT_REVOKED), since the enterprise can no longer reach them.
 */
@ApplicationScoped
public class ContactGrantRevokedHandler implements EventHandler {

  private final ApplicationService applications;

  ContactGrantRevokedHandler(ApplicationService applications) {
    this.applications = applications;
  }

  /** What this service reads of {@code qiao.contact-grant.revoked.v1}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ContactGrantRevoked(UUID applicationId, String studentId) {}

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.CONTACT_GRANT_REVOKED);
  }

  @Override
  public void handle(CloudEvent event) {
    ContactGrantRevoked r = EventCodec.dataAs(event, ContactGrantRevoked.class);
    applications.contactRevoked(r.applicationId(), r.studentId());
  }
}
