package org.qiao.internship;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.ContractFuzz;

/** Every operation of the committed contract refuses malformed input cleanly and stores nothing. */
@QuarkusTest
class ContractFuzzTest {

  @Test
  void everyOperationRefusesMalformedInput() throws Exception {
    ContractFuzz.ofCommittedContract().assertEveryOperationRefusesMalformedInput();
  }
}
