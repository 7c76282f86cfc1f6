package org.qiao.talentdemand.support;

import static org.qiao.talentdemand.support.Bodies.aDemand;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.qiao.kit.time.ChinaTime;

/** Invitations, applications and their transitions, as the parties make them over HTTP. */
public final class Applications {

  private Applications() {}

  /** A published demand of the enterprise with the given headcount; its id. */
  public static String demand(Api.Org owner, int headcount) {
    return Api.create(owner, "/api/v1/demands", aDemand().with("headcount", headcount).build());
  }

  /** The enterprise invites the student to its demand (201 expected); the application's id. */
  public static String invite(Api.Org owner, String demand, Api.Org student) {
    return Api.create(
        owner, "/api/v1/demands/" + demand + "/invitations", Map.of("studentId", student.id()));
  }

  /** The student applies to the demand (201 expected); the application's id. */
  public static String apply(Api.Org student, String demand) {
    return Api.create(student, "/api/v1/applications", Map.of("demandId", demand));
  }

  /**
   * {@code party} takes a transition ({@code acceptance}, {@code decline}, ...) on what it read.
   */
  public static ValidatableResponse take(Api.Org party, String application, String transition) {
    String path = "/api/v1/applications/" + application;
    return party.ifMatch(path).post(path + "/" + transition).then();
  }

  /** The application's stage as {@code party} reads it. */
  public static String status(Api.Org party, String application) {
    return party
        .call()
        .get("/api/v1/applications/" + application)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  /** An interview round the enterprise proposes: on site in Shanghai Pudong, two slots ahead. */
  public static Map<String, Object> aRound() {
    Instant day = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    return Map.of(
        "slots",
        List.of(
            Map.of("startsAt", day.toString(), "minutes", 45),
            Map.of("startsAt", day.plus(Duration.ofDays(1)).toString(), "minutes", 60)),
        "mode",
        "ON_SITE",
        "divisionCode",
        "310115",
        "note",
        "张江高科技园区 3 号楼 5 层前台");
  }

  /** The enterprise proposes a round on the application (201 expected); the interview's path. */
  public static String proposeRound(Api.Org owner, String application) {
    String path = "/api/v1/applications/" + application + "/interviews";
    String id = Api.create(owner, path, aRound());
    return path + "/" + id;
  }

  /** An offer: 9,000–12,000 CNY a month, answer within a week, start in a month, in Pudong. */
  public static Map<String, Object> anOffer() {
    LocalDate today = ChinaTime.today(java.time.Clock.systemUTC());
    return Map.of(
        "salaryMin",
        9000,
        "salaryMax",
        12000,
        "answerBy",
        today.plusDays(7).toString(),
        "startDate",
        today.plusDays(30).toString(),
        "divisionCode",
        "310115");
  }

  /** The enterprise makes an offer on what it read. */
  public static ValidatableResponse offer(Api.Org owner, String application, Object body) {
    String path = "/api/v1/applications/" + application;
    return owner.ifMatch(path).body(body).post(path + "/offer").then();
  }

  /**
   * Walks an application the student applied to up to an offer: accepted, one round scheduled, an
   * offer made. Returns the application's id.
   */
  public static String offered(Api.Org owner, Api.Org student, String demand) {
    String application = apply(student, demand);
    take(owner, application, "acceptance").statusCode(200);
    String round = proposeRound(owner, application);
    student.ifMatch(round).body(Map.of("slot", 0)).post(round + "/choice").then().statusCode(200);
    offer(owner, application, anOffer()).statusCode(200);
    return application;
  }

  /** The student accepts the offer on what they read. */
  public static ValidatableResponse acceptOffer(Api.Org student, String application) {
    return take(student, application, "offer/acceptance");
  }
}
