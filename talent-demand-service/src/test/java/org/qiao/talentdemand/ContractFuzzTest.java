package org.qiao.talentdemand;

import static org.qiao.talentdemand.support.Bodies.aChallenge;
import static org.qiao.talentdemand.support.Bodies.aDemand;
import static org.qiao.talentdemand.support.Bodies.aTrainingOrder;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.ContractFuzz;
import org.qiao.kit.time.ChinaTime;
import org.qiao.talentdemand.support.Api;
import org.qiao.talentdemand.support.Applications;
import org.qiao.talentdemand.support.ProposalEvents;
import org.qiao.talentdemand.support.Students;

/** Every operation of the committed contract refuses malformed input cleanly and stores nothing. */
@QuarkusTest
class ContractFuzzTest {

  /** Proposals (and their inbox rows) arrive from curriculum-service's events in the background. */
  private static ContractFuzz fuzz() throws java.io.IOException {
    return ContractFuzz.ofCommittedContract().ignoringTables("inbox_event", "proposal");
  }

  @Test
  void everyOperationRefusesMalformedInputAsAStranger() throws Exception {
    fuzz()
        .baselinesMayBeRefused("an enterprise that has not registered: its writes are refused")
        .assertEveryOperationRefusesMalformedInput();
  }

  @Test
  void everyOperationRefusesMalformedInputAsARegisteredEnterprise() throws Exception {
    // A registered enterprise gets past "register first", so the corpus reaches deeper checks.
    Api.Org enterprise = Api.enterprise();
    String newcomer = Api.newCreditCode();
    String draft =
        Api.create(enterprise, "/api/v1/demands", aDemand().with("publish", false).build());
    String challenge = Api.create(enterprise, "/api/v1/challenges", aChallenge().build());
    String interest = Api.interestIn(challenge);
    // As large as the contract lets an award be: its extremes then meet the order's state (409),
    // never a bound of this order or proposal.
    String toAward =
        Api.create(
            enterprise,
            "/api/v1/training-orders",
            aTrainingOrder().with("headcount", 5000).build());
    String proposal = ProposalEvents.delivered(enterprise, toAward, 5000);
    String toFulfil = contracted(enterprise);
    // Applications, each with its own student, in the stage its operation moves from.
    String open = Applications.demand(enterprise, 5);
    Api.Org invitee = Students.published();
    Api.Org applicant = Students.published();
    Api.Org reader = Students.published();
    Api.Org toAccept = Students.published();
    Api.Org toDecline = Students.published();
    Api.Org toWithdraw = Students.published();
    Api.Org toReject = Students.published();
    String rejectable = Applications.apply(toReject, open);
    Applications.take(enterprise, rejectable, "acceptance").statusCode(200);
    // Interviews and offers, each on its own application in the stage its operation moves from.
    Api.Org toInterview = Students.published();
    String interviewable = Applications.apply(toInterview, open);
    Applications.take(enterprise, interviewable, "acceptance").statusCode(200);
    Round toChoose = round(enterprise, open, false);
    Round toReschedule = round(enterprise, open, false);
    Round toCancel = round(enterprise, open, false);
    Round scheduled = round(enterprise, open, true);
    Round toOffer = round(enterprise, open, false);
    Api.Org hired = Students.published();
    String offered = Applications.offered(enterprise, hired, open);
    Api.Org blocker = Students.published();
    String blocked = Api.enterprise().id();
    Api.create(blocker, "/api/v1/students/me/blocked-enterprises", Map.of("enterpriseId", blocked));
    LocalDate today = ChinaTime.today(Clock.systemUTC());
    String slotStart =
        Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS).toString();
    fuzz()
        .actingFor(enterprise.code())
        .actingAs("student", Students.published().token())
        .owning("/api/v1/enterprises", enterprise.id())
        .forOperation(
            "registerEnterprise", f -> f.actingFor(newcomer).withValue("creditCode", newcomer))
        .forOperation("publishDemand", f -> f.owning("/api/v1/demands", draft))
        .forOperation(
            "selectChallengeInterest",
            f -> f.owning("/api/v1/challenges", challenge).withValue("interestId", interest))
        .forOperation(
            "awardTrainingOrder",
            f -> f.owning("/api/v1/training-orders", toAward).withValue("proposalId", proposal))
        .forOperation("fulfilTrainingOrder", f -> f.owning("/api/v1/training-orders", toFulfil))
        .forOperation(
            "inviteStudent",
            f -> f.owning("/api/v1/demands", open).withValue("studentId", invitee.id()))
        .forOperation(
            "applyToDemand",
            f -> f.actingAs("student", applicant.token()).withValue("demandId", open))
        .forOperation("getApplication", invited(enterprise, open, reader))
        .forOperation("acceptApplication", invited(enterprise, open, toAccept))
        .forOperation("declineApplication", invited(enterprise, open, toDecline))
        .forOperation("withdrawApplication", invited(enterprise, open, toWithdraw))
        .forOperation("rejectApplication", f -> f.owning("/api/v1/applications", rejectable))
        .forOperation("blockEnterprise", f -> f.withValue("enterpriseId", Api.enterprise().id()))
        .forOperation(
            "proposeInterview",
            f ->
                f.owning("/api/v1/applications", interviewable)
                    .withValue("startsAt", slotStart)
                    .omitting("divisionCode")
                    .withValue("mode", "ONLINE"))
        .forOperation("listInterviews", scheduled::actOn)
        .forOperation("getInterview", scheduled::actOn)
        .forOperation("getInterviewCalendar", scheduled::actOn)
        .forOperation("chooseInterviewSlot", toChoose::actOn)
        .forOperation("askForOtherInterviewSlots", toReschedule::actOn)
        .forOperation("cancelInterview", toCancel::actOn)
        .forOperation(
            "makeOffer",
            f ->
                f.owning("/api/v1/applications", toOffer.application())
                    .withValue("answerBy", today.plusDays(7).toString())
                    .withValue("startDate", today.plusDays(30).toString()))
        .forOperation(
            "acceptOffer",
            f -> f.owning("/api/v1/applications", offered).actingAs("student", hired.token()))
        .forOperation(
            "getMyBlock",
            f ->
                f.owning("/api/v1/students/me/blocked-enterprises", blocked)
                    .actingAs("student", blocker.token()))
        .forOperation(
            "unblockEnterprise",
            f ->
                f.owning("/api/v1/students/me/blocked-enterprises", blocked)
                    .actingAs("student", blocker.token()))
        .expectingRefusedExtreme("makeOffer", "salaryMin maximum", "at most salaryMax")

        // The example's occupation is one other tests read; this one no test reads.
        .forOperation(
            "putDemandTemplate", f -> f.owning("/api/v1/demand-templates", newOccupationCode()))
        // Rules between two fields, or with the object's state, which a schema cannot state:
        .expectingRefusedExtreme("postChallenge", "budgetMin maximum", "at most budgetMax")
        .expectingRefusedExtreme("postChallenge", "budgetMax minimum", "at least budgetMin")
        .expectingRefusedExtreme("createDemand", "salaryMin maximum", "at most salaryMax")
        .expectingRefusedExtreme("createDemand", "salaryMax minimum", "at least salaryMin")
        .expectingRefusedExtreme("reviseDemand", "salaryMin maximum", "at most salaryMax")
        .expectingRefusedExtreme("reviseDemand", "salaryMax minimum", "at least salaryMin")
        .assertEveryOperationRefusesMalformedInput();
  }

  /** An order of the enterprise with one proposal awarded: CONTRACTED, ready to be fulfilled. */
  private static String contracted(Api.Org enterprise) {
    String order = Api.create(enterprise, "/api/v1/training-orders", aTrainingOrder().build());
    String proposal = ProposalEvents.delivered(enterprise, order, 5);
    String path = "/api/v1/training-orders/" + order;
    enterprise
        .ifMatch(path)
        .body(Map.of("proposalId", proposal, "capacity", 5))
        .post(path + "/awards")
        .then()
        .statusCode(200);
    return order;
  }

  /** The student's invitation to the demand, acted on as the student. */
  private static Consumer<ContractFuzz> invited(
      Api.Org enterprise, String demand, Api.Org student) {
    String invitation = Applications.invite(enterprise, demand, student);
    return f -> f.owning("/api/v1/applications", invitation).actingAs("student", student.token());
  }

  /** An application in interviews with one round proposed (or scheduled), and its student. */
  private record Round(String application, String interview, Api.Org student) {
    void actOn(ContractFuzz f) {
      f.owning("/api/v1/applications", application)
          .owning("/api/v1/applications/{id}/interviews", interview)
          .actingAs("student", student.token());
    }
  }

  private static Round round(Api.Org enterprise, String demand, boolean scheduled) {
    Api.Org student = Students.published();
    String application = Applications.apply(student, demand);
    Applications.take(enterprise, application, "acceptance").statusCode(200);
    String path = Applications.proposeRound(enterprise, application);
    if (scheduled) {
      student.ifMatch(path).body(Map.of("slot", 0)).post(path + "/choice").then().statusCode(200);
    }
    return new Round(application, path.substring(path.lastIndexOf('/') + 1), student);
  }

  /** A code of the form the service takes (major group 1–8) that no demand or test uses. */
  private static String newOccupationCode() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format("8-00-%02d-%02d", r.nextInt(100), r.nextInt(100));
  }
}
