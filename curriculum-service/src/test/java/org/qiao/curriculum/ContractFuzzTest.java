package org.qiao.curriculum;

import static org.awaitility.Awaitility.await;
import static org.qiao.curriculum.support.Bodies.aMajorPlan;
import static org.qiao.curriculum.support.Bodies.aStudent;
import static org.qiao.curriculum.support.Bodies.newStudentNumber;
import static org.qiao.curriculum.support.Bodies.with;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.curriculum.support.ApplicationEvents;
import org.qiao.curriculum.support.ApplicationEvents.Application;
import org.qiao.curriculum.support.OrderEvents;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.ContractFuzz;
import org.qiao.kit.testing.TestCaller;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestProducer;

/** Every operation of the committed contract refuses malformed input cleanly and stores nothing. */
@QuarkusTest
class ContractFuzzTest {

  @Test
  void everyOperationRefusesMalformedInput() throws Exception {
    // Run as a registered institution with a student, two published plans and an order open to
    // it, so every valid request reaches an object of the caller's and can succeed.
    TestCaller institution = Api.university();
    String number = newStudentNumber();
    var student =
        institution
            .call()
            .body(aStudent(number))
            .post("/api/v1/students")
            .then()
            .statusCode(201)
            .extract();
    // Two lines (cohorts), or publishing the second would supersede the first.
    String proposed = published(institution, aMajorPlan());
    String another = published(institution, with(aMajorPlan(), "cohortYear", 2027));
    // The fuzz's own plans are drafts, which only their institution reads and which are edited
    // rather than revised or retired: the operations on published plans are given these.
    Consumer<ContractFuzz> onPublished =
        plan(published(institution, with(aMajorPlan(), "cohortYear", 2028)));
    Consumer<ContractFuzz> onRetiring =
        plan(published(institution, with(aMajorPlan(), "cohortYear", 2029)));
    String newcomer = TestCodes.newInstitutionCode();
    CloudEvent order = OrderEvents.placed(ContractExamples.newId(), 30, List.of());
    TestProducer.send(OrderEvents.TOPIC, order);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                institution
                        .call()
                        .get("/api/v1/open-training-orders/{id}", order.subject())
                        .statusCode()
                    == 200);
    String proposal =
        institution.create(
            "/api/v1/proposals",
            Map.of(
                "trainingOrderId",
                order.subject(),
                "coursePlanId",
                proposed,
                "capacity",
                3,
                "summary",
                "定制课程"));
    // A consenting student who applied to an enterprise twice (one grant to read, one to revoke)
    // and was hired (a destination to read, confirm and correct).
    var hired =
        institution
            .call()
            .body(aStudent(newStudentNumber()))
            .post("/api/v1/students")
            .then()
            .statusCode(201)
            .extract();
    String hiredId = hired.path("id");
    TestCaller hiredSelf = Api.student(institution, hired.path("pseudonymousId"));
    hiredSelf
        .ifMatch("/api/v1/students/" + hiredId)
        .body(Map.of("textVersion", "2026-01"))
        .post("/api/v1/students/{id}/consent", hiredId)
        .then()
        .statusCode(200);
    TestCaller enterprise = Api.enterprise();
    Application read = Application.byStudent(hired.path("pseudonymousId"), enterprise.code());
    Application revoked = Application.byStudent(hired.path("pseudonymousId"), enterprise.code());
    ApplicationEvents.applied(read.event("applied", 0));
    ApplicationEvents.applied(revoked.event("applied", 0));
    ApplicationEvents.applied(
        ApplicationEvents.placement(
            hired.path("pseudonymousId"),
            enterprise.code(),
            Instant.now(),
            LocalDate.parse("2030-07-01")));
    String revokedGrant =
        hiredSelf
            .call()
            .get("/api/v1/students/me/contact-grants?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("find { it.applicationId == '" + revoked.id() + "' }.id");
    ContractFuzz fuzz =
        ContractFuzz.ofCommittedContract()
            .actingFor(institution.code())
            .actingAs("student", Api.student(institution, student.path("pseudonymousId")).token())
            .owning("/api/v1/institutions", institution.id())
            .owning("/api/v1/students", student.path("id"))
            .owning("/api/v1/open-training-orders", order.subject())
            .owning("/api/v1/proposals", proposal)
            .omitting("programme")
            .withValue("studentNumber", number)
            .withValue("trainingOrderId", order.subject())
            .withValue("coursePlanId", another)
            // An organisation registers once, and a student number once: ones not used yet.
            .forOperation(
                "registerInstitution",
                f ->
                    f.actingFor(newcomer)
                        .withValue("institutionCode", newcomer)
                        .omitting("creditCode"))
            .forOperation("addStudent", f -> f.withValue("studentNumber", newStudentNumber()))
            .forOperation("getCoursePlan", onPublished)
            .forOperation("getCoursePlanChanges", onPublished)
            .forOperation("listCoursePlanVersions", onPublished)
            .forOperation("reviseCoursePlan", onPublished)
            .forOperation("retireCoursePlan", onRetiring)
            .forOperation(
                "getContactCard",
                f -> f.actingFor(enterprise.code()).owning("/api/v1/contact-cards", read.id()))
            .forOperation(
                "revokeContactGrant",
                f ->
                    f.actingAs("student", hiredSelf.token())
                        .owning("/api/v1/students/me/contact-grants", revokedGrant))
            .forOperation("getOwnDestination", f -> f.actingAs("student", hiredSelf.token()))
            .forOperation("resumeJobSeeking", f -> f.actingAs("student", hiredSelf.token()))
            .forOperation("getStudentDestination", f -> f.owning("/api/v1/students", hiredId))
            .forOperation("stateStudentDestination", f -> f.owning("/api/v1/students", hiredId))
            .forOperation("confirmStudentDestination", f -> f.owning("/api/v1/students", hiredId))
            .settledWhen(
                "select count(*) from student_import where status in ('QUEUED', 'RUNNING')");
    // A student record's rules between fields and its vocabulary, which a schema cannot state:
    for (String op : List.of("addStudent", "updateStudent")) {
      fuzz.expectingRefusedExtreme(op, "cohortYear maximum", "at most graduationYear")
          .expectingRefusedExtreme(op, "graduationYear minimum", "at least cohortYear")
          .expectingRefusedExtreme(
              op,
              "preferredCities[0] maxLength",
              "a GB/T 2260 code or a known city name, not any text of that length");
    }
    fuzz.assertEveryOperationRefusesMalformedInput();
  }

  private static Consumer<ContractFuzz> plan(String id) {
    return f -> f.owning("/api/v1/course-plans", id);
  }

  private static String published(TestCaller institution, Map<String, Object> plan) {
    String id = institution.create("/api/v1/course-plans", plan);
    institution
        .ifMatch("/api/v1/course-plans/" + id)
        .post("/api/v1/course-plans/" + id + "/publication")
        .then()
        .statusCode(200);
    return id;
  }
}
