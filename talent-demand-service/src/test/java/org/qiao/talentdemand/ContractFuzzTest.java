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
    fuzz().assertEveryOperationRefusesMalformedInput();
  }

  @Test
  void everyOperationRefusesMalformedInputAsARegisteredEnterprise() throws Exception {
    // A registered enterprise gets past "register first", so the corpus reaches deeper checks.
    fuzz().actingFor(Api.enterprise().code()).assertEveryOperationRefusesMalformedInput();
  }
}
