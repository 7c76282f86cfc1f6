package org.qiao.internship;

import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.internship.support.Internships;
import org.qiao.kit.testing.ContractFuzz;

/** Every operation of the committed contract refuses malformed input cleanly and stores nothing. */
@QuarkusTest
class ContractFuzzTest {

  @Test
  void everyOperationRefusesMalformedInput() throws Exception {
    // An active internship and its four parties, so each valid request is made by the person it
    // names, on a record in a state that lets it succeed.
    Internships x = new Internships().active();
    LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    String log =
        x.student.create(
            x.path() + "/logs",
            Map.of("weekOf", monday.toString(), "text", "第一周", "hours", 40, "goals", List.of(0)));
    ContractFuzz.ofCommittedContract()
        .actingFor(x.enterprise.code())
        .actingAs("enterprise", x.enterprise.token())
        .actingAs("university", x.institution.token())
        .actingAs("mentor", x.enterpriseMentor.token())
        .actingAs("student", x.student.token())
        .owning("/api/v1/internships", x.id)
        .owning("/api/v1/internships/{id}/logs", log)
        .withValue("studentId", x.student.id())
        .withValue("enterpriseCode", x.enterprise.code())
        .withValue("institutionCode", x.institution.code())
        .withValue("enterpriseMentorId", x.enterpriseMentor.id())
        .withValue("institutionMentorId", x.institutionMentor.id())
        .withValue("internshipId", x.id)
        .withValue("weekOf", monday.minusWeeks(1).toString())
        .withValue("occurredOn", LocalDate.now().toString())
        .withValue("day", LocalDate.now().toString())
        .withValue("skill", "UVM验证")
        .runningLast("completeInternship", "terminateInternship")
        .expectingRefusedBaseline(
            "acceptInternship", "the given internship is active: every party accepted it")
        .expectingRefusedBaseline("startInternship", "the given internship is already active")
        .expectingRefusedBaseline(
            "evaluateInternship",
            "a mentor rates every planned skill at once; the example rates one")
        .expectingRefusedBaseline(
            "completeInternship", "needs both mentors' evaluations, which the fuzz cannot give")
        .assertEveryOperationRefusesMalformedInput();
  }
}
