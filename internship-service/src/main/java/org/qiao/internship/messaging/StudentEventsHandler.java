package org.qiao.internship.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import org.qiao.internship.domain.ForgottenStudent;
import org.qiao.internship.service.StudentDirectory;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.inbox.EventHandler;

/**
 * Learns which students (pseudonymous ids) exist and where they study from curriculum-service's
 * profile events, and forgets a student everywhere in this service on its forget event.
 */
@ApplicationScoped
public class StudentEventsHandler implements EventHandler {

  private final StudentDirectory students;

  StudentEventsHandler(StudentDirectory students) {
    this.students = students;
  }

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.STUDENT_PROFILE_PUBLISHED, EventTypes.STUDENT_FORGOTTEN);
  }

  @Override
  public void handle(CloudEvent event) {
    JsonNode d = event.data();
    String id = d.get("pseudonymousId").asText();
    if (event.type().equals(EventTypes.STUDENT_FORGOTTEN)) {
      students.forget(
          id,
          ForgottenStudent.Reason.of(d.path("reason").asText(null)),
          instant(d.path("forgottenAt"), event));
    } else {
      students.known(
          id,
          d.get("institution").get("code").asText(),
          d.get("version").asLong(),
          d.hasNonNull("consentGivenAt") ? Instant.parse(d.get("consentGivenAt").asText()) : null);
    }
  }

  private static Instant instant(JsonNode at, CloudEvent event) {
    return at.isTextual() ? Instant.parse(at.asText()) : event.time().toInstant();
  }
}
