package org.qiao.matching;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.ContractFuzz;

/** Every operation of the committed contract refuses malformed input cleanly and stores nothing. */
@QuarkusTest
class ContractFuzzTest {

  @Test
  void everyOperationRefusesMalformedInput() throws Exception {
    // The read model is written by the event consumer in the background, never by requests.
    ContractFuzz.ofCommittedContract()
        .ignoringTables("inbox_event", "demand_view")
        .assertEveryOperationRefusesMalformedInput();
  }
}
