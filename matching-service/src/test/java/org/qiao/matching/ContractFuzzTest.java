package org.qiao.matching;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.ContractFuzz;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;
import org.qiao.matching.support.Events;

/** Every operation of the committed contract refuses malformed input cleanly and stores nothing. */
@QuarkusTest
class ContractFuzzTest {

  @Test
  void everyOperationRefusesMalformedInput() throws Exception {
    // A published demand and order of one enterprise, and a student of one institution (from
    // events, as matching-service learns them), so each valid request reads something real.
    Events.Demand demand = Events.demand();
    String institution = TestCodes.newInstitutionCode();
    Events.Profile student = Events.profile().institution(institution);
    String order = ContractExamples.newId();
    Events.deliver(Events.TALENT_DEMAND, demand.event());
    Events.deliver(
        Events.TALENT_DEMAND,
        Events.trainingOrder(order, demand.enterpriseCode, List.of("080901"), 10, "Java"));
    Events.deliver(Events.CURRICULUM, student.event());
    // The read model is written by the event consumer in the background, never by requests.
    ContractFuzz.ofCommittedContract()
        .ignoringTables("inbox_event", "demand_view")
        .actingFor(demand.enterpriseCode)
        .actingAs("university", TestJwt.token("university", institution))
        .actingAs("student", TestJwt.token("student", institution, student.id))
        .owning("/api/v1/demands", demand.id)
        .owning("/api/v1/training-orders", order)
        .owning("/api/v1/institutions", institution)
        .owning("/api/v1/students", student.id)
        .assertEveryOperationRefusesMalformedInput();
  }
}
