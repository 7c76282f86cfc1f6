package org.qiao.internship.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.internship.support.Internships;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventSchemas;
import org.qiao.kit.testing.EventTap;

/** An internship from proposal to completion over HTTP, with its events on the real topic. */
@QuarkusTest
class InternshipFlowTest {

  private static final String TOPIC = "qiao.internship.events";

  @Test
  void fromProposalToCompletionEachStepEmitsItsEventAndCompletionCarriesVerifiedSkills() {
    try (EventTap tap = EventTap.open(TOPIC)) {
      Internships x = new Internships().proposed();
      x.institution.ifMatch(x.path()).post(x.path() + "/acceptances").then().statusCode(200);
      x.institutionMentor.ifMatch(x.path()).post(x.path() + "/acceptances").then().statusCode(200);
      x.enterpriseMentor
          .ifMatch(x.path())
          .post(x.path() + "/acceptances")
          .then()
          .statusCode(200)
          .body("status", equalTo("CONFIRMED"))
          .body("pendingAcceptances", equalTo(List.of()));
      x.enterpriseMentor.ifMatch(x.path()).post(x.path() + "/commencement").then().statusCode(200);
      x.evaluated(new int[] {4, 2, 3}, new int[] {3, 5, 3});
      x.institution
          .ifMatch(x.path())
          .post(x.path() + "/completion")
          .then()
          .statusCode(200)
          .body("status", equalTo("COMPLETED"))
          .body("verifiedSkills.skill", contains("UVM验证", "Python"));

      List<CloudEvent> events =
          tap.awaitEvents(e -> e.subject().equals(x.id), 4, Duration.ofSeconds(20));
      assertEquals(
          List.of(
              "qiao.internship.proposed.v1",
              "qiao.internship.confirmed.v1",
              "qiao.internship.started.v1",
              "qiao.internship.completed.v1"),
          events.stream().map(CloudEvent::type).toList());
      for (CloudEvent e : events) {
        assertEquals(List.of(), EventSchemas.violations(e), e.type() + " is valid");
      }
      CloudEvent completed = events.get(3);
      assertEquals(
          List.of(
              Map.of("skill", "UVM验证", "institutionMentorRating", 4, "enterpriseMentorRating", 3),
              Map.of("skill", "Python", "institutionMentorRating", 3, "enterpriseMentorRating", 3)),
          org.qiao.kit.events.EventCodec.mapper()
              .convertValue(completed.data().get("verifiedSkills"), List.class));
      assertEquals(x.student.id(), completed.data().get("studentId").asText());
      assertTrue(
          !completed.data().has("place") && !completed.data().has("evaluations"),
          "no place and no evidence text in events");
    }
  }

  @Test
  void eachPartyActsOnlyInItsOwnSteps() {
    Internships x = new Internships().proposed();
    // The student reads but takes no step; the institution does not start; mentors do not end.
    x.student.ifMatch(x.path()).post(x.path() + "/acceptances").then().statusCode(403);
    x.acceptedByTheOthers();
    x.institution.ifMatch(x.path()).post(x.path() + "/commencement").then().statusCode(403);
    x.institutionMentor.ifMatch(x.path()).post(x.path() + "/commencement").then().statusCode(403);
    x.enterpriseMentor
        .ifMatch(x.path())
        .body(Map.of("reason", "OTHER"))
        .post(x.path() + "/termination")
        .then()
        .statusCode(403);
    x.enterprise.ifMatch(x.path()).post(x.path() + "/commencement").then().statusCode(200);
    x.enterprise.ifMatch(x.path()).post(x.path() + "/completion").then().statusCode(403);
    // Completing before both evaluations is an illegal transition.
    x.institution
        .ifMatch(x.path())
        .post(x.path() + "/completion")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void terminationFreesTheMentorsPlacesAndCarriesOnlyAReasonCode() {
    try (EventTap tap = EventTap.open(TOPIC)) {
      Internships x = new Internships().proposed();
      String mentorPath = "/api/v1/mentors/" + x.enterpriseMentor.id();
      String otherPath = "/api/v1/mentors/" + x.institutionMentor.id();
      x.institutionMentor.ifMatch(x.path()).post(x.path() + "/acceptances").then().statusCode(200);
      x.enterprise.call().get(mentorPath).then().body("assigned", equalTo(1));
      x.institution.call().get(otherPath).then().body("assigned", equalTo(1));
      x.institution
          .ifMatch(x.path())
          .body(Map.of("reason", "NOT_CONFIRMED"))
          .post(x.path() + "/termination")
          .then()
          .statusCode(200)
          .body("status", equalTo("TERMINATED"));
      x.enterprise.call().get(mentorPath).then().body("assigned", equalTo(0));
      x.institution.call().get(otherPath).then().body("assigned", equalTo(0));
      x.institution.ifMatch(x.path()).post(x.path() + "/acceptances").then().statusCode(409);
      CloudEvent t =
          tap.awaitEvents(
                  e -> e.subject().equals(x.id) && e.type().endsWith("terminated.v1"),
                  1,
                  Duration.ofSeconds(20))
              .get(0);
      assertEquals("NOT_CONFIRMED", t.data().get("terminationReason").asText());
    }
  }

  @Test
  void forbiddenTransitionsOverHttpAreConflictsAndChangesNeedIfMatch() {
    Internships x = new Internships().proposed();
    x.enterprise.ifMatch(x.path()).post(x.path() + "/commencement").then().statusCode(409);
    x.enterprise.ifMatch(x.path()).post(x.path() + "/acceptances").then().statusCode(409);
    x.institution.call().post(x.path() + "/acceptances").then().statusCode(428);
    x.institution
        .call()
        .header("If-Match", "\"99\"")
        .post(x.path() + "/acceptances")
        .then()
        .statusCode(412);
    x.acceptedByTheOthers();
    x.evaluate409(x.institutionMentor);
    x.enterprise.ifMatch(x.path()).post(x.path() + "/commencement").then().statusCode(200);
    x.evaluated(new int[] {3, 3, 3}, new int[] {3, 3, 3});
    x.institution.ifMatch(x.path()).post(x.path() + "/completion").then().statusCode(200);
    x.institution.ifMatch(x.path()).post(x.path() + "/completion").then().statusCode(409);
    x.enterprise
        .ifMatch(x.path())
        .body(Map.of("reason", "OTHER"))
        .post(x.path() + "/termination")
        .then()
        .statusCode(409);
    x.enterprise.ifMatch(x.path()).post(x.path() + "/commencement").then().statusCode(409);

    Internships y = new Internships().proposed();
    for (int expected : new int[] {200, 409}) {
      y.institution
          .ifMatch(y.path())
          .body(Map.of("reason", "OTHER"))
          .post(y.path() + "/termination")
          .then()
          .statusCode(expected);
    }
  }

  @Test
  void anApprenticeshipProposedByTheInstitutionSideRunsThroughTheSameSteps() {
    Internships x = new Internships();
    Map<String, Object> body = new java.util.HashMap<>(x.proposal());
    body.put("kind", "APPRENTICESHIP");
    x.id = x.institution.create("/api/v1/internships", body);
    x.enterprise.ifMatch(x.path()).post(x.path() + "/acceptances").then().statusCode(200);
    x.institutionMentor.ifMatch(x.path()).post(x.path() + "/acceptances").then().statusCode(200);
    x.enterpriseMentor
        .ifMatch(x.path())
        .post(x.path() + "/acceptances")
        .then()
        .statusCode(200)
        .body("kind", equalTo("APPRENTICESHIP"))
        .body("status", equalTo("CONFIRMED"));
  }

  @Test
  void listsShowEachCallerTheInternshipsItTakesPartIn() {
    Internships x = new Internships().proposed();
    for (var c :
        List.of(x.institution, x.enterprise, x.institutionMentor, x.enterpriseMentor, x.student)) {
      c.call()
          .get("/api/v1/internships")
          .then()
          .statusCode(200)
          .body("id", containsInAnyOrder(x.id));
    }
    Internships other = new Internships();
    for (var c :
        List.of(
            other.institution,
            other.enterprise,
            other.institutionMentor,
            other.enterpriseMentor,
            other.student)) {
      c.call()
          .get("/api/v1/internships")
          .then()
          .statusCode(200)
          .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(x.id)));
    }
  }
}
