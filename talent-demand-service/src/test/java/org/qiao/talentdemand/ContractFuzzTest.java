package org.qiao.talentdemand;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.ContractFuzz;
import org.qiao.talentdemand.support.Api;

/** Every operation of the committed contract refuses malformed input cleanly and stores nothing. */
@QuarkusTest
class ContractFuzzTest {

  @Test
  void everyOperationRefusesMalformedInputAsAStranger() throws Exception {
    ContractFuzz.ofCommittedContract().assertEveryOperationRefusesMalformedInput();
  }

  @Test
  void everyOperationRefusesMalformedInputAsARegisteredEnterprise() throws Exception {
    // A registered enterprise gets past "register first", so the corpus reaches deeper checks.
    ContractFuzz.ofCommittedContract()
        .actingFor(Api.enterprise().code())
        .assertEveryOperationRefusesMalformedInput();
  }
}
