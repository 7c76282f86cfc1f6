package org.qiao.talentdemand.support;

import static org.qiao.talentdemand.support.Bodies.aDemand;

import io.restassured.response.ValidatableResponse;
import java.util.Map;

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
}
