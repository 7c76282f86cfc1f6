package org.qiao.talentdemand.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qiao.talentdemand.support.Applications.aRound;
import static org.qiao.talentdemand.support.Applications.acceptOffer;
import static org.qiao.talentdemand.support.Applications.anOffer;
import static org.qiao.talentdemand.support.Applications.apply;
import static org.qiao.talentdemand.support.Applications.demand;
import static org.qiao.talentdemand.support.Applications.invite;
import static org.qiao.talentdemand.support.Applications.offer;
import static org.qiao.talentdemand.support.Applications.offered;
import static org.qiao.talentdemand.support.Applications.proposeRound;
import static org.qiao.talentdemand.support.Applications.status;
import static org.qiao.talentdemand.support.Applications.take;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.qiao.talentdemand.service.ExpiryJob;
import org.qiao.talentdemand.support.Api;
import org.qiao.talentdemand.support.Students;

/**
 * From acceptance to hire over HTTP: interview rounds and their calendar files, offers, the hire
 * counted against the headcount, the filled demand ending its other applications; and each refusal
 * (wrong party, stale If-Match, wrong stage, bad input).
 */
@QuarkusTest
class HireFlowTest {

  @Inject ExpiryJob expiry;

  @Test
  void anInvitationGoesThroughAnInterviewAndAnOfferToAHireThatFillsTheDemand() throws Exception {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    Api.Org other = Students.published();
    String demand = demand(owner, 1);
    String application = invite(owner, demand, student);
    String waiting = apply(other, demand);
    take(student, application, "acceptance").statusCode(200);

    String round = proposeRound(owner, application);
    assertEquals("INTERVIEWING", status(student, application));
    owner.call().get(round + "/calendar").then().statusCode(409);
    student
        .ifMatch(round)
        .body(Map.of("slot", 1))
        .post(round + "/choice")
        .then()
        .statusCode(200)
        .body("status", equalTo("SCHEDULED"))
        .body("chosenSlot", equalTo(1));
    String startsAt = student.call().get(round).then().extract().path("slots[1].startsAt");

    for (Api.Org party : List.of(owner, student)) {
      String ics =
          party
              .call()
              .accept("text/calendar")
              .get(round + "/calendar")
              .then()
              .statusCode(200)
              .contentType(containsString("text/calendar"))
              .extract()
              .asString();
      VEvent event = onlyEvent(ics);
      assertEquals(
          "PUBLISH",
          new CalendarBuilder()
              .build(new StringReader(ics))
              .getProperty("METHOD")
              .orElseThrow()
              .getValue());
      assertEquals(
          Instant.parse(startsAt), Instant.from(event.getDateTimeStart().orElseThrow().getDate()));
      assertEquals("CONFIRMED", event.getProperty("STATUS").orElseThrow().getValue());
      assertEquals(true, event.getProperty("LOCATION").orElseThrow().getValue().contains("310115"));
      assertEquals(
          true,
          event
              .getProperty("UID")
              .orElseThrow()
              .getValue()
              .startsWith(round.substring(round.lastIndexOf('/') + 1)));
    }

    offer(owner, application, anOffer())
        .statusCode(200)
        .body("status", equalTo("OFFERED"))
        .body("offer.salaryMin", equalTo(9000))
        .body("offer.divisionCode", equalTo("310115"));
    acceptOffer(student, application)
        .statusCode(200)
        .body("status", equalTo("HIRED"))
        .body("hiredAt", org.hamcrest.Matchers.notNullValue());

    owner
        .call()
        .get("/api/v1/demands/" + demand)
        .then()
        .statusCode(200)
        .body("status", equalTo("FILLED"))
        .body("filledCount", equalTo(1));
    other
        .call()
        .get("/api/v1/applications/" + waiting)
        .then()
        .body("status", equalTo("WITHDRAWN"))
        .body("endReason", equalTo("DEMAND_FILLED"));
  }

  @Test
  void aHireBelowTheHeadcountLeavesTheDemandOpen() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String demand = demand(owner, 2);
    acceptOffer(student, offered(owner, student, demand)).statusCode(200);
    owner
        .call()
        .get("/api/v1/demands/" + demand)
        .then()
        .body("status", equalTo("PUBLISHED"))
        .body("filledCount", equalTo(1));
  }

  @Test
  void onlyTheRightPartyMovesAnInterviewOnTheVersionItRead() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    Api.Org stranger = Api.enterprise();
    Api.Org otherStudent = Students.published();
    String application = apply(student, demand(owner, 1));
    String interviews = "/api/v1/applications/" + application + "/interviews";

    // Before acceptance there is no interview.
    owner.call().body(aRound()).post(interviews).then().statusCode(409);
    take(owner, application, "acceptance").statusCode(200);
    student.call().body(aRound()).post(interviews).then().statusCode(403);
    stranger.call().body(aRound()).post(interviews).then().statusCode(404);
    otherStudent.call().get(interviews).then().statusCode(404);

    String round = proposeRound(owner, application);
    owner.call().body(aRound()).post(interviews).then().statusCode(409); // one live round
    stranger.call().get(round).then().statusCode(404);
    stranger.call().get(round + "/calendar").then().statusCode(404);
    owner.ifMatch(round).body(Map.of("slot", 0)).post(round + "/choice").then().statusCode(403);
    otherStudent
        .call()
        .header("If-Match", "\"0\"")
        .body(Map.of("slot", 0))
        .post(round + "/choice")
        .then()
        .statusCode(404);
    student
        .call()
        .header("If-Match", "\"7\"")
        .body(Map.of("slot", 0))
        .post(round + "/choice")
        .then()
        .statusCode(412);
    student.call().body(Map.of("slot", 0)).post(round + "/choice").then().statusCode(428);
    student
        .ifMatch(round)
        .body(Map.of("slot", 2))
        .post(round + "/choice")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("slot"));

    // The student asks for other times; the enterprise proposes again.
    student
        .ifMatch(round)
        .body(Map.of("note", "下周二以后都可以"))
        .post(round + "/reschedule-request")
        .then()
        .statusCode(200)
        .body("status", equalTo("OTHERS_REQUESTED"));
    String second = proposeRound(owner, application);
    student.ifMatch(second).body(Map.of("slot", 0)).post(second + "/choice").then().statusCode(200);
    // Either side cancels; the calendar file then cancels the entry.
    student
        .ifMatch(second)
        .post(second + "/cancellation")
        .then()
        .statusCode(200)
        .body("cancelledBy", equalTo("STUDENT"));
    String ics = owner.call().get(second + "/calendar").then().statusCode(200).extract().asString();
    assertEquals(true, ics.contains("METHOD:CANCEL"), ics);
    assertEquals(true, ics.contains("STATUS:CANCELLED"), ics);
    owner.ifMatch(second).post(second + "/cancellation").then().statusCode(409);
    owner.call().get(interviews).then().statusCode(200).body("size()", equalTo(2));
  }

  @Test
  void aBadRoundIsRefusedNamingTheField() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String application = apply(student, demand(owner, 1));
    take(owner, application, "acceptance").statusCode(200);
    String interviews = "/api/v1/applications/" + application + "/interviews";
    String soon = Instant.now().plus(Duration.ofDays(2)).toString();
    Map<String, Object> slot = Map.of("startsAt", soon, "minutes", 30);

    refused(owner, interviews, with(aRound(), "divisionCode", null), "divisionCode");
    refused(owner, interviews, with(aRound(), "divisionCode", "990000"), "divisionCode");
    refused(
        owner,
        interviews,
        with(with(aRound(), "mode", "ONLINE"), "divisionCode", "310115"),
        "divisionCode");
    refused(owner, interviews, with(aRound(), "slots", List.of()), "slots");
    refused(owner, interviews, with(aRound(), "slots", List.of(slot, slot)), "slots");
    refused(
        owner,
        interviews,
        with(aRound(), "slots", List.of(Map.of("startsAt", "2020-01-01T00:00:00Z", "minutes", 30))),
        "slots.startsAt");
    refused(
        owner,
        interviews,
        with(aRound(), "slots", List.of(Map.of("startsAt", soon, "minutes", 5))),
        "slots[0].minutes");
    assertEquals("ACCEPTED", status(owner, application), "a refused round changes nothing");
  }

  @Test
  void anOfferComesOnlyAfterInterviewsFromTheEnterpriseAndIsAnsweredByTheStudent() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String demand = demand(owner, 3);
    String application = apply(student, demand);
    take(owner, application, "acceptance").statusCode(200);
    offer(owner, application, anOffer()).statusCode(409); // no interview yet
    proposeRound(owner, application);

    String path = "/api/v1/applications/" + application;
    student.ifMatch(path).body(anOffer()).post(path + "/offer").then().statusCode(403);
    owner
        .call()
        .header("If-Match", "\"0\"")
        .body(anOffer())
        .post(path + "/offer")
        .then()
        .statusCode(412);
    offer(owner, application, with(anOffer(), "salaryMax", 8000))
        .statusCode(400)
        .body("errors.field", hasItem("salaryMax"));
    offer(owner, application, with(anOffer(), "answerBy", "2099-01-01"))
        .statusCode(400)
        .body("errors.field", hasItem("answerBy"));
    offer(owner, application, with(anOffer(), "startDate", "2020-01-01"))
        .statusCode(400)
        .body("errors.field", hasItem("startDate"));
    offer(owner, application, with(anOffer(), "divisionCode", "31011"))
        .statusCode(400)
        .body("errors.field", hasItem("divisionCode"));
    offer(owner, application, anOffer()).statusCode(200);

    owner.ifMatch(path).post(path + "/offer/acceptance").then().statusCode(403);
    Students.published()
        .call()
        .header("If-Match", "\"0\"")
        .post(path + "/offer/acceptance")
        .then()
        .statusCode(404);
    take(student, application, "decline").statusCode(200).body("status", equalTo("DECLINED"));
    acceptOffer(student, application).statusCode(409);
  }

  @Test
  void anUnansweredOfferExpiresAfterItsAnswerByDay() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String application = offered(owner, student, demand(owner, 1));
    expiry.expireApplications(Instant.now().plus(Duration.ofDays(6)));
    assertEquals("OFFERED", status(student, application));
    expiry.expireApplications(Instant.now().plus(Duration.ofDays(9)));
    assertEquals("EXPIRED", status(student, application));
    acceptOffer(student, application).statusCode(409);
  }

  @Test
  void closingADemandEndsItsOpenApplicationsAndTheirLiveInterviews() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String demand = demand(owner, 1);
    String application = apply(student, demand);
    take(owner, application, "acceptance").statusCode(200);
    String round = proposeRound(owner, application);
    String path = "/api/v1/demands/" + demand;
    owner.ifMatch(path).post(path + "/closure").then().statusCode(200);
    student
        .call()
        .get("/api/v1/applications/" + application)
        .then()
        .body("status", equalTo("WITHDRAWN"))
        .body("endReason", equalTo("DEMAND_CLOSED"));
    student
        .call()
        .get(round)
        .then()
        .body("status", equalTo("CANCELLED"))
        .body("cancelledBy", nullValue());
  }

  @Test
  void aStudentListsReadsAndLiftsTheirBlocks() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String demand = demand(owner, 1);
    String blocks = "/api/v1/students/me/blocked-enterprises";
    student.call().get(blocks + "/" + owner.id()).then().statusCode(404);
    Api.create(student, blocks, Map.of("enterpriseId", owner.id()));
    student
        .call()
        .get(blocks)
        .then()
        .statusCode(200)
        .body("enterpriseId", equalTo(List.of(owner.id())));
    student
        .call()
        .get(blocks + "/" + owner.id())
        .then()
        .statusCode(200)
        .body("enterpriseId", equalTo(owner.id()));
    Students.published().call().get(blocks + "/" + owner.id()).then().statusCode(404);
    owner
        .call()
        .body(Map.of("studentId", student.id()))
        .post("/api/v1/demands/" + demand + "/invitations")
        .then()
        .statusCode(404);

    student.call().delete(blocks + "/" + owner.id()).then().statusCode(204);
    student.call().delete(blocks + "/" + owner.id()).then().statusCode(404);
    invite(owner, demand, student);
  }

  @Test
  void concurrentAcceptancesCountAgainstTheHeadcountOneAfterTheOther() throws Exception {
    // Headcount 2, two offers accepted at once: both hired, the demand filled by exactly two.
    Api.Org owner = Api.enterprise();
    String both = demand(owner, 2);
    List<Api.Org> students = List.of(Students.published(), Students.published());
    List<String> offers = students.stream().map(s -> offered(owner, s, both)).toList();
    List<Integer> codes = acceptTogether(students, offers);
    assertEquals(List.of(200, 200), codes);
    owner
        .call()
        .get("/api/v1/demands/" + both)
        .then()
        .body("status", equalTo("FILLED"))
        .body("filledCount", equalTo(2));

    // Headcount 1, two offers accepted at once: one hire; the other ends, told why.
    String one = demand(owner, 1);
    students = List.of(Students.published(), Students.published());
    List<String> racing =
        List.of(offered(owner, students.get(0), one), offered(owner, students.get(1), one));
    codes = acceptTogether(students, racing);
    assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
    List<String> ends = List.of(status(owner, racing.get(0)), status(owner, racing.get(1)));
    assertEquals(true, ends.contains("HIRED") && ends.contains("WITHDRAWN"), ends.toString());
    owner.call().get("/api/v1/demands/" + one).then().body("filledCount", equalTo(1));
  }

  private static List<Integer> acceptTogether(List<Api.Org> students, List<String> applications)
      throws Exception {
    // Each student reads their ETag first, then both send at the same moment.
    List<io.restassured.specification.RequestSpecification> accepts = new java.util.ArrayList<>();
    for (int i = 0; i < students.size(); i++) {
      accepts.add(students.get(i).ifMatch("/api/v1/applications/" + applications.get(i)));
    }
    java.util.concurrent.CyclicBarrier start =
        new java.util.concurrent.CyclicBarrier(students.size());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(students.size());
    try {
      List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
      for (int i = 0; i < students.size(); i++) {
        int k = i;
        sent.add(
            pool.submit(
                () -> {
                  start.await();
                  return accepts
                      .get(k)
                      .post("/api/v1/applications/" + applications.get(k) + "/offer/acceptance")
                      .statusCode();
                }));
      }
      List<Integer> codes = new java.util.ArrayList<>();
      for (var f : sent) {
        codes.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
      }
      return codes;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theEnterpriseMayRescindAnOfferUntilItIsAccepted() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String application = offered(owner, student, demand(owner, 1));
    take(student, application, "rejection").statusCode(403);
    take(owner, application, "rejection").statusCode(200).body("status", equalTo("REJECTED"));
    acceptOffer(student, application).statusCode(409);
  }

  @Test
  void anEndedApplicationTakesNoInterviewAndNoOffer() {
    Api.Org owner = Api.enterprise();
    Api.Org student = Students.published();
    String demand = demand(owner, 1);
    String application = apply(student, demand);
    take(owner, application, "acceptance").statusCode(200);
    proposeRound(owner, application);
    take(student, application, "withdrawal").statusCode(200);
    String interviews = "/api/v1/applications/" + application + "/interviews";
    owner.call().body(aRound()).post(interviews).then().statusCode(409);
    offer(owner, application, anOffer()).statusCode(409);

    // A demand closed mid-interview: its application ended with it, so no offer either.
    Api.Org other = Students.published();
    String open = apply(other, demand);
    take(owner, open, "acceptance").statusCode(200);
    proposeRound(owner, open);
    String path = "/api/v1/demands/" + demand;
    owner.ifMatch(path).post(path + "/closure").then().statusCode(200);
    offer(owner, open, anOffer()).statusCode(409);
  }

  private static VEvent onlyEvent(String ics) throws Exception {
    Calendar c = new CalendarBuilder().build(new StringReader(ics));
    c.validate();
    List<VEvent> events = c.getComponents("VEVENT");
    assertEquals(1, events.size(), ics);
    return events.get(0);
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> m = new HashMap<>(body);
    m.put(field, value);
    return m;
  }

  private static ValidatableResponse refused(
      Api.Org owner, String path, Map<String, Object> body, String field) {
    return owner
        .call()
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body)
        .post(path)
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("errors.field", hasItem(field))
        .body("status", equalTo(400))
        .body("type", org.hamcrest.Matchers.not(nullValue()));
  }
}
