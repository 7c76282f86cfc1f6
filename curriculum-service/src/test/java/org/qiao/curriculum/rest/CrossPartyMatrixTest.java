package org.qiao.curriculum.rest;

import static org.qiao.curriculum.support.Bodies.aMajorPlan;
import static org.qiao.curriculum.support.Bodies.aStudent;
import static org.qiao.curriculum.support.Bodies.newStudentNumber;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.curriculum.support.ApplicationEvents;
import org.qiao.curriculum.support.ApplicationEvents.Application;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.CrossPartyMatrix;
import org.qiao.kit.testing.TestCaller;

/**
 * Every id-bearing operation of the committed contract, called by each role for another institution
 * or as another person on one institution's objects: 404 or 403, and no table changes.
 */
@QuarkusTest
class CrossPartyMatrixTest {

  @Test
  void noOtherPartyReachesAnInstitutionsObjects() throws Exception {
    TestCaller owner = Api.university();
    String plan =
        CoursePlanResourceTest.publish(owner, owner.create("/api/v1/course-plans", aMajorPlan()));
    var student =
        owner
            .call()
            .body(aStudent(newStudentNumber()))
            .post("/api/v1/students")
            .then()
            .statusCode(201)
            .extract();
    // The student consents, applies to an enterprise (a contact grant) and is hired elsewhere (a
    // destination): the card is the enterprise's, the grant and the destination the student's.
    TestCaller self = Api.student(owner, student.path("pseudonymousId"));
    self.ifMatch("/api/v1/students/" + student.path("id"))
        .body(Map.of("textVersion", "2026-01"))
        .post("/api/v1/students/{id}/consent", student.path("id").toString())
        .then()
        .statusCode(200);
    TestCaller enterprise = Api.enterprise();
    Application application =
        Application.byStudent(student.path("pseudonymousId"), enterprise.code());
    ApplicationEvents.applied(application.event("applied", 0));
    ApplicationEvents.applied(
        ApplicationEvents.placement(
            student.path("pseudonymousId"),
            enterprise.code(),
            Instant.now(),
            LocalDate.parse("2030-07-01")));
    String grant =
        self.call()
            .get("/api/v1/students/me/contact-grants")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].id");
    enterprise.call().get("/api/v1/contact-cards/{id}", application.id()).then().statusCode(200);
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

    TestCaller otherInstitution = Api.university();
    String classmate =
        owner
            .call()
            .body(aStudent(newStudentNumber()))
            .post("/api/v1/students")
            .then()
            .statusCode(201)
            .extract()
            .path("pseudonymousId");
    CrossPartyMatrix.ofCommittedContract()
        .settledWhen("select count(*) from student_import where status in ('QUEUED', 'RUNNING')")
        .object("institutions", owner.id(), owner.token())
        .object("course-plans", plan, owner.token())
        .object("students", student.path("id"), owner.token())
        .object("student-imports", job, owner.token())
        .object("proposals", proposal, owner.token())
        .object("open-training-orders", order.subject(), owner.token())
        .object("contact-cards", application.id(), enterprise.token())
        .object("contact-grants", grant, self.token())
        .caller("another registered institution", "university", otherInstitution.token())
        .caller("a classmate", "student", Api.student(owner, classmate).token())
        .caller(
            "a student of another institution with the same pseudonymous id",
            "student",
            Api.student(otherInstitution, student.path("pseudonymousId")).token())
        // Published plans are read by enterprises and overseers (CoursePlanService.visible);
        // admins manage every institution's registration (InstitutionService). Not sent:
        .allowing("getCoursePlan", "enterprise", "enterprises read published plans")
        .allowing("getCoursePlan", "government", "overseers read published plans")
        .allowing("getCoursePlan", "admin", "overseers read published plans")
        .allowing("getCoursePlanChanges", "enterprise", "enterprises read published plans")
        .allowing("getCoursePlanChanges", "government", "overseers read published plans")
        .allowing("getCoursePlanChanges", "admin", "overseers read published plans")
        .allowing("listCoursePlanVersions", "enterprise", "enterprises read published plans")
        .allowing("listCoursePlanVersions", "government", "overseers read published plans")
        .allowing("listCoursePlanVersions", "admin", "overseers read published plans")
        .allowing("getInstitution", "admin", "admins manage every institution's registration")
        .allowing("updateInstitution", "admin", "admins manage every institution's registration")
        .assertNoOtherPartyReachesTheOwnersObjects();
  }
}
