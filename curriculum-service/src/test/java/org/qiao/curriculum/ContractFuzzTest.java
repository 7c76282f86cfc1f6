package org.qiao.curriculum;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.kit.testing.ContractFuzz;
import org.qiao.kit.testing.TestCaller;

/** Every operation of the committed contract refuses malformed input cleanly and stores nothing. */
@QuarkusTest
class ContractFuzzTest {

  @Test
  void everyOperationRefusesMalformedInput() throws Exception {
    // Run as a registered institution, so ids and If-Match reach the owned records' checks; the
    // import job the valid request starts must finish before the data is digested.
    TestCaller institution = Api.university();
    ContractFuzz.ofCommittedContract()
        .actingFor(institution.code())
        .settledWhen("select count(*) from student_import where status in ('QUEUED', 'RUNNING')")
        .assertEveryOperationRefusesMalformedInput();
  }
}
