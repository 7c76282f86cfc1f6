package org.qiao.internship;

import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.qiao.internship.support.Internships;
import org.qiao.kit.testing.ContractFuzz;
import org.qiao.kit.testing.TestCaller;

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
    // The lifecycle's steps each need an internship just before them, with its own parties.
    Internships proposed = new Internships().proposedByTheInstitution();
    Internships confirmed = new Internships().confirmed();
    // The contract's example evaluation rates one skill: a plan of that one skill.
    Internships toEvaluate = new Internships().planning("UVM验证").active();
    Internships evaluated =
        new Internships().active().evaluated(new int[] {4, 4, 4}, new int[] {3, 4, 5});
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
        .runningLast("terminateInternship")
        .forOperation("acceptInternship", on(proposed, "enterprise", proposed.enterprise))
        .forOperation("startInternship", on(confirmed, "enterprise", confirmed.enterprise))
        .forOperation("evaluateInternship", on(toEvaluate, "mentor", toEvaluate.enterpriseMentor))
        .forOperation("completeInternship", on(evaluated, "university", evaluated.institution))
        .expectingRefusedExtreme(
            "evaluateInternship",
            "ratings maxItems",
            "one rating for each skill of the plan, and no other skill")
        .assertEveryOperationRefusesMalformedInput();
  }

  /** The operation's requests act on this internship, made by one of its parties in the role. */
  private static Consumer<ContractFuzz> on(Internships x, String role, TestCaller party) {
    return f -> f.owning("/api/v1/internships", x.id).actingAs(role, party.token());
  }
}
