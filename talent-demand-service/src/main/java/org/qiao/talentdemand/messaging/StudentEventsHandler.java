package org.qiao.talentdemand.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.inbox.EventHandler;
import org.qiao.kit.outbox.Outbox;
import org.qiao.talentdemand.domain.ApplicationStatus;
import org.qiao.talentdemand.domain.KnownStudent;
import org.qiao.talentdemand.service.StudentDirectory;

/**
 * Learns which students (pseudonymous ids) may be invited from curriculum-service's profile events,
 * and forgets a student on its forget event: tombstone, open applications withdrawn.
 */
@ApplicationScoped
public class StudentEventsHandler implements EventHandler {

  /**
   * Application and placement events name their student in the payload (their subject is the
   * application).
   */
  private static final Set<String> NAMING_THE_STUDENT =
      Stream.concat(
              Arrays.stream(ApplicationStatus.values()).map(ApplicationStatus::eventType),
              Stream.of(EventTypes.PLACEMENT_RECORDED))
          .collect(Collectors.toUnmodifiableSet());

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
    students.profilesPublished(events.stream().map(e -> published(e.data())).toList());
  }

  @Override
  public void handle(CloudEvent event) {
    JsonNode d = event.data();
    String id = d.get("pseudonymousId").asText();
    if (event.type().equals(EventTypes.STUDENT_FORGOTTEN)) {
      JsonNode at = d.path("forgottenAt");
      students.forget(
          id,
          KnownStudent.ForgetReason.of(d.path("reason").asText(null)),
          at.isTextual() ? Instant.parse(at.asText()) : event.time().toInstant());
      // Their published events' audit copies go too (ADR 0011).
      outbox.forgetSubject(id, NAMING_THE_STUDENT);
    } else {
      students.profilesPublished(List.of(published(d)));
    }
  }

  private static StudentDirectory.PublishedProfile published(JsonNode d) {
    return new StudentDirectory.PublishedProfile(
        d.get("pseudonymousId").asText(),
        new KnownStudent.Profile(
            d.get("version").asLong(),
            d.hasNonNull("consentGivenAt") ? Instant.parse(d.get("consentGivenAt").asText()) : null,
            d.path("institution").path("code").asText(null),
            d.path("majorCode").asText(null),
            d.path("degree").asText(null),
            d.hasNonNull("graduationYear") ? d.get("graduationYear").asInt() : null));
  }
}
