package org.qiao.internship.rest;

import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.internship.support.Api;
import org.qiao.internship.support.Internships;
import org.qiao.kit.testing.CrossPartyMatrix;

/**
 * Every id-bearing operation of the committed contract, called by each role for another
 * organisation or as another person (mentors and students of the same organisations included) on
 * one internship and its logs, incidents, mentors and hours: 404 or 403, and no table changes.
 */
@QuarkusTest
class CrossPartyMatrixTest {

  @Test
  void noOtherPartyReachesAnInternshipOrItsRecords() throws Exception {
    Internships x = new Internships().active();
    LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    String log =
        x.student.create(
            x.path() + "/logs",
            Map.of("weekOf", monday.toString(), "text", "第一周", "hours", 40, "goals", List.of(0)));
    String incident =
        x.enterprise.create(
            x.path() + "/incidents",
            Map.of(
                "type", "INJURY",
                "severity", "MINOR",
                "occurredOn", LocalDate.now().toString(),
                "description", "划伤"));
    String hours =
        x.enterpriseMentor.create(
            "/api/v1/mentor-hours",
            Map.of("day", LocalDate.now().toString(), "kind", "GUIDANCE", "hours", 1));
    var otherEnterprise = Api.enterprise();
    CrossPartyMatrix.ofCommittedContract()
        .object("internships", x.id, x.enterprise.token())
        .object("logs", log, x.enterprise.token())
        .object("incidents", incident, x.enterprise.token())
        .object("mentor-hours", hours, x.enterpriseMentor.token())
        .object("mentors", x.enterpriseMentor.id(), x.enterprise.token())
        .caller("another university", "university", Api.university().token())
        .caller("another enterprise", "enterprise", otherEnterprise.token())
        .caller("another mentor of the enterprise", "mentor", Api.mentor(x.enterprise, 2).token())
        .caller("another mentor of the institution", "mentor", Api.mentor(x.institution, 2).token())
        .caller("a mentor elsewhere", "mentor", Api.mentor(otherEnterprise, 2).token())
        .caller("a classmate", "student", Api.student(x.institution).token())
        .assertNoOtherPartyReachesTheOwnersObjects();
  }
}
