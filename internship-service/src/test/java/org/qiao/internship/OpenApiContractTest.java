package org.qiao.internship;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.OpenApiContract;

@QuarkusTest
class OpenApiContractTest {
  @Test
  void runningServiceMatchesCommittedContract() throws Exception {
    OpenApiContract.assertRunningServiceMatchesCommitted();
  }

  @Test
  void committedContractIsValidAndBounded() throws Exception {
    OpenApiContract.assertCommittedDocumentIsValid();
  }
}
