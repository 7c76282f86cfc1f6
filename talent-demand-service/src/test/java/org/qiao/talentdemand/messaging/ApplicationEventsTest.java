package org.qiao.talentdemand.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qiao.talentdemand.support.Applications.apply;
import static org.qiao.talentdemand.support.Applications.demand;
import static org.qiao.talentdemand.support.Applications.invite;
import static org.qiao.talentdemand.support.Applications.take;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventSchemas;
import org.qiao.kit.testing.EventTap;
import org.qiao.talentdemand.domain.ApplicationStatus;
import org.qiao.talentdemand.service.ExpiryJob;
import org.qiao.talentdemand.support.Api;
import org.qiao.talentdemand.support.Applications;
import org.qiao.talentdemand.support.Students;

/**
 * Each stage an application reaches in this service is one event {@code
 * qiao.application.<stage>.v1}, valid against its schema, keyed by the application, in order.
 */
@QuarkusTest
class ApplicationEventsTest {

  private static final String TOPIC = "qiao.talent-demand.events";

  @Inject ExpiryJob expiry;

  @Test
  void everyStageReachedIsAValidEvent() throws Exception {
    try (EventTap tap = EventTap.open(TOPIC)) {
      Api.Org owner = Api.enterprise();
      Api.Org student = Students.published();
      String demand = demand(owner, 1);
      String rejected = invite(owner, demand, student);
      take(student, rejected, "acceptance").statusCode(200);
      take(owner, rejected, "rejection").statusCode(200);
      String declined = apply(student, demand);
      take(owner, declined, "decline").statusCode(200);
      String withdrawn = apply(student, demand);
      take(student, withdrawn, "withdrawal").statusCode(200);
      String expired = apply(student, demand);
      expiry.expireApplications(Instant.now().plus(Duration.ofDays(15)));
      String hired = Applications.offered(owner, student, demand);
      Applications.acceptOffer(student, hired).statusCode(200);

      Set<String> subjects = Set.of(rejected, declined, withdrawn, expired, hired);
      List<CloudEvent> events =
          tap.awaitEvents(
              e -> subjects.contains(e.subject()), 3 + 2 + 2 + 2 + 6, Duration.ofSeconds(20));
      for (CloudEvent e : events) {
        assertEquals(List.of(), EventSchemas.violations(e), e.type() + " must match its schema");
        assertEquals(student.id(), e.data().get("studentId").asText());
      }
      assertEquals(
          List.of(
              "qiao.application.invited.v1",
              "qiao.application.accepted.v1",
              "qiao.application.rejected.v1"),
          events.stream().filter(e -> e.subject().equals(rejected)).map(CloudEvent::type).toList());
      assertEquals(
          List.of(
              "qiao.application.applied.v1",
              "qiao.application.accepted.v1",
              "qiao.application.interviewing.v1",
              "qiao.application.offered.v1",
              "qiao.application.hired.v1",
              "qiao.placement.recorded.v1"),
          events.stream().filter(e -> e.subject().equals(hired)).map(CloudEvent::type).toList());
      Set<String> reached = new TreeSet<>();
      Arrays.stream(ApplicationStatus.values()).forEach(s -> reached.add(s.eventType()));
      reached.add("qiao.placement.recorded.v1");
      Set<String> emitted = new TreeSet<>();
      events.forEach(e -> emitted.add(e.type()));
      assertEquals(reached, emitted);
      JsonNode placement =
          events.stream()
              .filter(e -> e.type().equals("qiao.placement.recorded.v1"))
              .findFirst()
              .orElseThrow()
              .data();
      // The profile's pseudonymous attributes, the demand's occupation, a band: no figure.
      assertEquals(student.code(), placement.get("institutionCode").asText());
      assertEquals("FROM_8000_TO_11999", placement.get("salaryBand").asText());
      assertEquals("310115", placement.get("divisionCode").asText());
      placement
          .fields()
          .forEachRemaining(
              f ->
                  assertEquals(
                      false,
                      f.getValue().isNumber() && Set.of(9000, 12000).contains(f.getValue().asInt()),
                      f.getKey() + " must not be the salary figure"));
    }
  }
}
