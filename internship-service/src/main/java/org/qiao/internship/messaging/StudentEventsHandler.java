package org.qiao.internship.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.qiao.internship.domain.ForgottenStudent;
import org.qiao.internship.service.StudentDirectory;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.inbox.EventHandler;
import org.qiao.kit.outbox.Outbox;

/**
 * Learns which students (pseudonymous ids) exist and where they study from curriculum-service's
 * profile events, and forgets a student everywhere in this service on its forget event.
 */
@ApplicationScoped
public class StudentEventsHandler implements EventHandler {

  /** Internship events name their student in the payload (their subject is the internship). */
  private static final Set<String> NAMING_THE_STUDENT =
      Set.of(
          EventTypes.INTERNSHIP_PROPOSED,
          EventTypes.INTERNSHIP_CONFIRMED,
          EventTypes.INTERNSHIP_STARTED,
          EventTypes.INTERNSHIP_COMPLETED,
          EventTypes.INTERNSHIP_TERMINATED);

  private final StudentDirectory students;
  private final Outbox outbox;

  StudentEventsHandler(StudentDirectory students, Outbox outbox) {
    this.students = students;
    this.outbox = outbox;
  }

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.STUDENT_PROFILE_PUBLISHED, EventTypes.STUDENT_FORGOTTEN);
  }

  /** A student forgotten everywhere but here is a breach: retried until applied, never dropped. */
  @Override
  public Set<String> neverDeadLettered() {
    return Set.of(EventTypes.STUDENT_FORGOTTEN);
  }

  /** Profile events in a row are taken in together (a cohort import); forgetting one by one. */
  @Override
  public void handleAll(List<CloudEvent> events) {
    if (!events.get(0).type().equals(EventTypes.STUDENT_PROFILE_PUBLISHED)) {
      EventHandler.super.handleAll(events);
      return;
    }
    students.allKnown(events.stream().map(e -> published(e.data())).toList());
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
      // Their published events' audit copies go too (ADR 0011).
      outbox.forgetSubject(id, NAMING_THE_STUDENT);
    } else {
      students.allKnown(List.of(published(d)));
    }
  }

  private static StudentDirectory.PublishedProfile published(JsonNode d) {
    return new StudentDirectory.PublishedProfile(
        d.get("pseudonymousId").asText(),
        d.get("institution").get("code").asText(),
        d.get("version").asLong(),
        d.hasNonNull("consentGivenAt") ? Instant.parse(d.get("consentGivenAt").asText()) : null);
  }

  private static Instant instant(JsonNode at, CloudEvent event) {
    return at.isTextual() ? Instant.parse(at.asText()) : event.time().toInstant();
  }
}
