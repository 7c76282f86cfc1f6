package org.qiao.curriculum.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qiao.curriculum.support.Bodies.aMajorPlan;
import static org.qiao.curriculum.support.Bodies.aStudent;
import static org.qiao.curriculum.support.Bodies.newStudentNumber;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.TestCaller;

/**
 * For every endpoint that takes an id: another institution, and a student of it, get 404 for the
 * first institution's plans, students, imports and proposals, and change nothing.
 */
@QuarkusTest
class OwnershipTest {

  record Call(String method, String path, Object body) {}

  @Test
  void noInstitutionReadsOrChangesAnothersRecordsAndNoStudentAnothersRecord() {
    TestCaller owner = Api.university();
    String plan =
        CoursePlanResourceTest.publish(owner, owner.create("/api/v1/course-plans", aMajorPlan()));
    String draft = owner.create("/api/v1/course-plans", aMajorPlan());
    var student =
        owner
            .call()
            .body(aStudent(newStudentNumber()))
            .post("/api/v1/students")
            .then()
            .statusCode(201)
            .extract();
    String studentId = student.path("id");
    String job =
        owner
            .call()
            .body(
                Map.of("rows", List.of(Map.of("name", "李雷", "studentNumber", newStudentNumber()))))
            .post("/api/v1/student-imports")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    CloudEvent order = ProposalResourceTest.placeOrder(owner, List.of(owner.code()));
    String proposal = ProposalResourceTest.submit(owner, order.subject(), plan, 3);

    List<Call> calls =
        List.of(
            new Call("GET", "/api/v1/institutions/" + owner.id(), null),
            new Call(
                "PUT",
                "/api/v1/institutions/" + owner.id(),
                Map.of("name", "x", "kind", "UNDERGRADUATE", "city", "x")),
            new Call("GET", "/api/v1/course-plans/" + plan, null),
            new Call("GET", "/api/v1/course-plans/" + draft, null),
            new Call("PUT", "/api/v1/course-plans/" + draft, aMajorPlan()),
            new Call("POST", "/api/v1/course-plans/" + draft + "/publication", null),
            new Call("POST", "/api/v1/course-plans/" + plan + "/retirement", null),
            new Call("POST", "/api/v1/course-plans/" + plan + "/revisions", null),
            new Call("GET", "/api/v1/course-plans/" + plan + "/versions", null),
            new Call("GET", "/api/v1/course-plans/" + plan + "/changes?since=1", null),
            new Call("GET", "/api/v1/students/" + studentId, null),
            new Call("PUT", "/api/v1/students/" + studentId, aStudent(newStudentNumber())),
            new Call("POST", "/api/v1/students/" + studentId + "/consent-withdrawal", null),
            new Call("DELETE", "/api/v1/students/" + studentId, null),
            new Call("GET", "/api/v1/student-imports/" + job, null),
            new Call("GET", "/api/v1/student-imports/" + job + "/errors", null),
            new Call("GET", "/api/v1/proposals/" + proposal, null),
            new Call("POST", "/api/v1/proposals/" + proposal + "/withdrawal", null),
            new Call("GET", "/api/v1/open-training-orders/" + order.subject(), null));

    TestCaller stranger = Api.university();
    List<String> answered = new ArrayList<>();
    for (Call c : calls) {
      Response r = send(stranger, c);
      if (r.statusCode() != 404) {
        answered.add(c.method() + " " + c.path() + " -> " + r.statusCode());
      }
    }
    assertEquals(List.of(), answered, "another institution must get 404 everywhere");

    // A student of the stranger (claiming the same pseudonymous id), and another student of the
    // owner, reach no one else's record.
    TestCaller otherStudent = Api.student(stranger, (String) student.path("pseudonymousId"));
    String classmateId =
        owner
            .call()
            .body(aStudent(newStudentNumber()))
            .post("/api/v1/students")
            .then()
            .statusCode(201)
            .extract()
            .path("pseudonymousId");
    TestCaller classmate = Api.student(owner, classmateId);
    List<Call> studentCalls =
        List.of(
            new Call("GET", "/api/v1/students/" + studentId, null),
            new Call(
                "POST", "/api/v1/students/" + studentId + "/consent", Map.of("textVersion", "v1")),
            new Call("POST", "/api/v1/students/" + studentId + "/consent-withdrawal", null),
            new Call("DELETE", "/api/v1/students/" + studentId, null));
    for (TestCaller someoneElse : List.of(otherStudent, classmate)) {
      for (Call c : studentCalls) {
        assertEquals(404, send(someoneElse, c).statusCode(), c.toString());
      }
    }

    // Nothing changed.
    owner
        .call()
        .get("/api/v1/course-plans/" + plan)
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("PUBLISHED"));
    owner
        .call()
        .get("/api/v1/course-plans/" + draft)
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("DRAFT"));
    owner
        .call()
        .get("/api/v1/students/" + studentId)
        .then()
        .statusCode(200)
        .body("version", org.hamcrest.Matchers.equalTo(0));
    owner
        .call()
        .get("/api/v1/proposals/" + proposal)
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("SUBMITTED"));
    owner
        .call()
        .get("/api/v1/institutions/" + owner.id())
        .then()
        .statusCode(200)
        .body("version", org.hamcrest.Matchers.equalTo(0));
  }

  private static Response send(TestCaller caller, Call c) {
    var spec = caller.call().header("If-Match", "\"0\"");
    if (c.body() != null) {
      spec = spec.body(c.body());
    }
    return spec.request(c.method(), c.path());
  }
}
