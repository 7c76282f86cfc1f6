package org.qiao.contracttests;

import java.util.UUID;
import org.qiao.client.talentdemand.api.EnterprisesApi;
import org.qiao.client.talentdemand.model.Enterprise;
import org.qiao.client.talentdemand.model.EnterpriseProfile;
import org.qiao.client.talentdemand.model.EnterpriseRegistration;
import org.qiao.client.talentdemand.model.SizeClass;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;

/** Generated clients pointed at a running service and acting through a test token. */
public final class Clients {

  private Clients() {}

  /** A talent-demand client acting for a new enterprise, registered through the client. */
  public record RegisteredEnterprise(
      org.qiao.client.talentdemand.ApiClient client, Enterprise enterprise) {}

  public static RegisteredEnterprise registeredEnterprise(RunningServices services, String name)
      throws Exception {
    return registeredEnterprise(services, name, TestCodes.newCreditCode());
  }

  /** The same, for a given credit code. */
  public static RegisteredEnterprise registeredEnterprise(
      RunningServices services, String name, String creditCode) throws Exception {
    var client = new org.qiao.client.talentdemand.ApiClient();
    client.updateBaseUri(services.baseUri("talent-demand-service"));
    String token = TestJwt.token("enterprise", creditCode);
    client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    Enterprise enterprise =
        new EnterprisesApi(client)
            .registerEnterprise(
                new EnterpriseRegistration()
                    .creditCode(creditCode)
                    .profile(
                        new EnterpriseProfile()
                            .name(name)
                            .sizeClass(SizeClass.SMALL)
                            .industry("集成电路")
                            .contactName("王经理")),
                UUID.randomUUID().toString());
    return new RegisteredEnterprise(client, enterprise);
  }

  /** A course plan of major 080710T teaching Verilog, drafted and published by the university. */
  static org.qiao.client.curriculum.model.CoursePlan publishedCoursePlan(
      org.qiao.client.curriculum.api.CoursePlansApi plans, int cohort) throws Exception {
    org.qiao.client.curriculum.model.CoursePlan draft =
        plans.draftCoursePlan(
            new org.qiao.client.curriculum.model.CoursePlanContent()
                .kind(org.qiao.client.curriculum.model.PlanKind.MAJOR)
                .title("集成电路设计与集成系统 " + cohort + " 级培养方案")
                .catalogue(org.qiao.client.curriculum.model.MajorCatalogue.UNDERGRADUATE_2024)
                .majorCode("080710T")
                .cohortYear(cohort)
                .courses(
                    java.util.List.of(
                        new org.qiao.client.curriculum.model.CourseContent()
                            .code("MIC3012")
                            .name("数字集成电路设计")
                            .credits(new java.math.BigDecimal("3.5"))
                            .hours(56)
                            .term(5)
                            .kind(org.qiao.client.curriculum.model.CourseKind.THEORY)
                            .skills(
                                java.util.List.of(
                                    new org.qiao.client.curriculum.model.SkillLevelContent()
                                        .name("Verilog")
                                        .level(3))))),
            java.util.UUID.randomUUID().toString());
    return plans.publishCoursePlan(draft.getId(), "\"" + draft.getVersion() + "\"");
  }
}
