package org.qiao.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qiao.client.curriculum.api.CoursePlansApi;
import org.qiao.client.curriculum.api.InstitutionsApi;
import org.qiao.client.curriculum.api.ProposalsApi;
import org.qiao.client.curriculum.model.CoursePlan;
import org.qiao.client.curriculum.model.InstitutionKind;
import org.qiao.client.curriculum.model.InstitutionProfile;
import org.qiao.client.curriculum.model.InstitutionRegistration;
import org.qiao.client.curriculum.model.ProposalSubmission;
import org.qiao.client.talentdemand.api.TrainingOrdersApi;
import org.qiao.client.talentdemand.model.Award;
import org.qiao.client.talentdemand.model.Skill;
import org.qiao.client.talentdemand.model.TrainingOrder;
import org.qiao.client.talentdemand.model.TrainingOrderRequest;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;

/**
 * Order-style training across two services and the real broker, through the generated clients only:
 * an enterprise places an order in talent-demand-service; a university sees it in
 * curriculum-service and proposes two plans; the award of one reaches curriculum-service (the
 * proposal is awarded, its plan contracted for the order); the other is withdrawn, shows as
 * withdrawn in talent-demand-service and can no longer be awarded.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class ProposalFlowAcrossServicesTest {

  private static final String TALENT_DEMAND = "talent-demand-service";
  private static final String CURRICULUM = "curriculum-service";
  private static final Duration ARRIVAL = Duration.ofSeconds(30);

  @RegisterExtension
  static final RunningServices SERVICES =
      new RunningServices(
          new RunningServices.Service(TALENT_DEMAND, "talent_demand"),
          new RunningServices.Service(CURRICULUM, "curriculum"));

  @Test
  void submitAwardContractAndSubmitWithdrawNotAwardable() throws Exception {
    var talentDemand = Clients.registeredEnterprise(SERVICES, "上海芯联微电子有限公司").client();
    TrainingOrdersApi orders = new TrainingOrdersApi(talentDemand);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    TrainingOrder order =
        orders.placeTrainingOrder(
            new TrainingOrderRequest()
                .title("2030届集成电路订单班")
                .majorCodes(List.of("080710T"))
                .headcount(30)
                .cohortYear(today.getYear() + 1)
                .skills(List.of(new Skill().name("Verilog").essential(true).level(3)))
                .proposalDeadline(today.plusDays(30)),
            UUID.randomUUID().toString());

    String institutionCode = TestCodes.newInstitutionCode();
    var curriculum = new org.qiao.client.curriculum.ApiClient();
    curriculum.updateBaseUri(SERVICES.baseUri(CURRICULUM));
    String universityToken = TestJwt.token("university", institutionCode);
    curriculum.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + universityToken));
    new InstitutionsApi(curriculum)
        .registerInstitution(
            new InstitutionRegistration()
                .institutionCode(institutionCode)
                .profile(
                    new InstitutionProfile()
                        .name("上海某理工大学")
                        .kind(InstitutionKind.UNDERGRADUATE)
                        .city("上海")),
            UUID.randomUUID().toString());
    CoursePlansApi plans = new CoursePlansApi(curriculum);
    CoursePlan awardedPlan = Clients.publishedCoursePlan(plans, today.getYear() + 1);
    CoursePlan withdrawnPlan = Clients.publishedCoursePlan(plans, today.getYear() + 2);

    // The order reaches curriculum-service by event.
    var open = new org.qiao.client.curriculum.api.TrainingOrdersApi(curriculum);
    await(
        () -> open.listOpenTrainingOrders(null, null, 100, "080710T", "verilog"),
        l -> l.stream().anyMatch(o -> o.getId().equals(order.getId())));

    ProposalsApi proposals = new ProposalsApi(curriculum);
    var toAward =
        proposals.submitProposal(submission(order, awardedPlan, 20), UUID.randomUUID().toString());
    var toWithdraw =
        proposals.submitProposal(
            submission(order, withdrawnPlan, 10), UUID.randomUUID().toString());
    // Both proposals reach talent-demand-service under the order.
    await(
        () -> orders.listTrainingOrderProposals(order.getId()),
        l ->
            l.size() == 2 && l.stream().allMatch(p -> "RECEIVED".equals(p.getStatus().getValue())));

    proposals.withdrawProposal(toWithdraw.getId(), "\"" + toWithdraw.getVersion() + "\"");
    await(
        () -> orders.listTrainingOrderProposals(order.getId()),
        l ->
            l.stream()
                .anyMatch(
                    p ->
                        p.getId().equals(toWithdraw.getId())
                            && "WITHDRAWN".equals(p.getStatus().getValue())));

    TrainingOrder current = orders.getTrainingOrder(order.getId());
    var refused =
        assertThrows(
            org.qiao.client.talentdemand.ApiException.class,
            () ->
                orders.awardTrainingOrder(
                    order.getId(),
                    "\"" + current.getVersion() + "\"",
                    new Award().proposalId(toWithdraw.getId()).capacity(10),
                    null));
    assertEquals(409, refused.getCode());

    orders.awardTrainingOrder(
        order.getId(),
        "\"" + current.getVersion() + "\"",
        new Award().proposalId(toAward.getId()).capacity(20),
        UUID.randomUUID().toString());

    // The award reaches curriculum-service: the proposal is awarded, its plan contracted.
    await(
        () -> proposals.getProposal(toAward.getId()),
        p -> "AWARDED".equals(p.getStatus().getValue()) && p.getAwardedCapacity() == 20);
    CoursePlan contracted = plans.getCoursePlan(awardedPlan.getId());
    assertEquals(1, contracted.getContracts().size());
    assertEquals(order.getId(), contracted.getContracts().get(0).getTrainingOrderId());
    assertEquals(20, contracted.getContracts().get(0).getCapacity());
    assertEquals("WITHDRAWN", proposals.getProposal(toWithdraw.getId()).getStatus().getValue());
    assertEquals(List.of(), plans.getCoursePlan(withdrawnPlan.getId()).getContracts());
  }

  private static ProposalSubmission submission(TrainingOrder order, CoursePlan plan, int capacity) {
    return new ProposalSubmission()
        .trainingOrderId(order.getId())
        .coursePlanId(plan.getId())
        .capacity(capacity)
        .summary("微电子学院定制课程");
  }

  private static <T> T await(Callable<T> read, Predicate<T> done) {
    return Awaitility.await()
        .atMost(ARRIVAL)
        .pollInterval(Duration.ofMillis(200))
        .until(read, done);
  }
}
