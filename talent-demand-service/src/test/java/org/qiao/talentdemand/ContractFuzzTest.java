package org.qiao.talentdemand;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.ContractFuzz;
import org.qiao.talentdemand.support.Api;

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
    fuzz()
        .actingFor(enterprise.code())
        .owning("/api/v1/enterprises", enterprise.id())
        .expectingRefusedBaseline(
            "registerEnterprise", "an organisation registers once, and this one has")
        .expectingRefusedBaseline(
            "awardTrainingOrder", "needs a proposal, which arrives from curriculum-service")
        .expectingRefusedBaseline(
            "fulfilTrainingOrder",
            "needs an awarded proposal, which arrives from curriculum-service")
        .expectingRefusedBaseline(
            "selectChallengeInterest", "needs the interest's id, which the fuzz cannot know")
        .expectingRefusedBaseline(
            "publishDemand", "the example demand is published when it is created (publish: true)")
        .expectingRefusedBaseline(
            "putDemandTemplate",
            "would overwrite a template other tests read; DemandResourceTest covers it")
        // Rules between two fields, or with the object's state, which a schema cannot state:
        .expectingRefusedExtreme("postChallenge", "budgetMin maximum", "at most budgetMax")
        .expectingRefusedExtreme("postChallenge", "budgetMax minimum", "at least budgetMin")
        .expectingRefusedExtreme("createDemand", "salaryMin maximum", "at most salaryMax")
        .expectingRefusedExtreme("createDemand", "salaryMax minimum", "at least salaryMin")
        .expectingRefusedExtreme("reviseDemand", "salaryMin maximum", "at most salaryMax")
        .expectingRefusedExtreme("reviseDemand", "salaryMax minimum", "at least salaryMin")
        .assertEveryOperationRefusesMalformedInput();
  }
}
