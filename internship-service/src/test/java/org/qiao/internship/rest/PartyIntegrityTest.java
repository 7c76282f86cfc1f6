package org.qiao.internship.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qiao.internship.support.Api;
import org.qiao.internship.support.Internships;
import org.qiao.kit.testing.TestCaller;
import org.qiao.kit.testing.TestJwt;

/**
 * Each side of an internship is its own party: one organisation or one mentor cannot stand on both
 * sides, a mentor stands only on their own side, and a comment's side is the commenting mentor's
 * place on the internship, checked, never guessed.
 */
@QuarkusTest
class PartyIntegrityTest {

  private static int assigned(TestCaller org, TestCaller mentor) {
    return org.call().get("/api/v1/mentors/" + mentor.id()).then().extract().path("assigned");
  }

  /** An institution and a token that acts as an enterprise under the institution's own code. */
  private record SameCode(TestCaller institution, TestCaller asEnterprise, TestCaller student) {
    SameCode() {
      this(Api.university());
    }

    SameCode(TestCaller institution) {
      this(
          institution,
          new TestCaller(institution.code(), null, TestJwt.token("enterprise", institution.code())),
          Api.student(institution));
    }

    Map<String, Object> proposal(TestCaller institutionMentor, TestCaller enterpriseMentor) {
      Map<String, Object> p = new HashMap<>(new Internships().proposal());
      p.putAll(
          Map.of(
              "studentId", student.id(),
              "institutionCode", institution.code(),
              "enterpriseCode", institution.code(),
              "institutionMentorId", institutionMentor.id(),
              "enterpriseMentorId", enterpriseMentor.id()));
      return p;
    }
  }

  @Test
  void oneMentorOnBothSidesIsRefusedAndTakesNoPlace() {
    SameCode u = new SameCode();
    TestCaller mentor = Api.mentor(u.institution(), 3);
    u.institution()
        .call()
        .body(u.proposal(mentor, mentor))
        .post("/api/v1/internships")
        .then()
        .statusCode(400)
        .body("status", equalTo(400));
    assertEquals(0, assigned(u.institution(), mentor));
  }

  @Test
  void oneOrganisationOnBothSidesIsRefused() {
    SameCode u = new SameCode();
    TestCaller mentorA = Api.mentor(u.institution(), 3);
    TestCaller mentorB = Api.mentor(u.asEnterprise(), 3);
    u.institution()
        .call()
        .body(u.proposal(mentorA, mentorB))
        .post("/api/v1/internships")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("enterpriseCode"));
    assertEquals(0, assigned(u.institution(), mentorA));
  }

  @Test
  void aMentorOfTheOtherSideCannotBeNamedForThisSide() {
    Internships x = new Internships();
    // A mentor registered under the institution's code, but on the enterprise side.
    TestCaller asEnterprise =
        new TestCaller(
            x.institution.code(), null, TestJwt.token("enterprise", x.institution.code()));
    TestCaller wrongSide = Api.mentor(asEnterprise, 2);
    Map<String, Object> proposal = new HashMap<>(x.proposal());
    proposal.put("institutionMentorId", wrongSide.id());
    x.institution
        .call()
        .body(proposal)
        .post("/api/v1/internships")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("institutionMentorId"));
    assertEquals(0, assigned(asEnterprise, wrongSide));
  }

  @Test
  void aCommentsSideIsTheCommentingMentorsPlaceNeverAGuess() {
    Internships x = new Internships().active();
    LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    String log =
        x.student.create(
            x.path() + "/logs",
            Map.of("weekOf", monday.toString(), "text", "第一周", "hours", 40, "goals", List.of(0)));
    String logPath = x.path() + "/logs/" + log;

    // A token that is the institution (so it sees the internship) and a mentor of the institution
    // who is not on this internship: it would have been taken for the enterprise's mentor.
    TestCaller otherMentor = Api.mentor(x.institution, 2);
    TestCaller both =
        new TestCaller(
            x.institution.code(),
            otherMentor.id(),
            TestJwt.token(
                Set.of("university", "mentor"),
                x.institution.code(),
                otherMentor.id(),
                TestJwt.AUDIENCE));
    both.ifMatch(logPath)
        .body(Map.of("text", "冒充"))
        .post(logPath + "/comments")
        .then()
        .statusCode(403);

    x.enterpriseMentor
        .ifMatch(logPath)
        .body(Map.of("text", "很好"))
        .post(logPath + "/comments")
        .then()
        .statusCode(200)
        .body("comments.size()", equalTo(1))
        .body("comments[0].side", equalTo("ENTERPRISE"))
        .body("comments[0].mentorId", equalTo(x.enterpriseMentor.id()));
    x.institutionMentor
        .ifMatch(logPath)
        .body(Map.of("text", "继续"))
        .post(logPath + "/comments")
        .then()
        .statusCode(200)
        .body("comments[1].side", equalTo("INSTITUTION"))
        .body("comments[1].mentorId", equalTo(x.institutionMentor.id()));
  }
}
