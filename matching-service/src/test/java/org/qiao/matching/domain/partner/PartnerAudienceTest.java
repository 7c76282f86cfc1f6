package org.qiao.matching.domain.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qiao.kit.testing.ContractExamples;

class PartnerAudienceTest {

  private static final String ENTERPRISE = "91350200MA31E12PXF";
  private static final String UNIVERSITY = "4131010246";

  /** Every event type of the contracts is a decision: a new one fails here until classified. */
  @Test
  void everyContractTypeIsClassified() throws IOException {
    Path schemas = Path.of(System.getProperty("qiao.contracts.dir", "../contracts"), "schemas");
    Set<String> types = new TreeSet<>();
    try (Stream<Path> files = Files.list(schemas)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("qiao.") && n.endsWith(".json"))
          .forEach(n -> types.add(n.substring(0, n.length() - ".json".length())));
    }
    assertFalse(types.isEmpty());
    Set<String> unclassified = new TreeSet<>(types);
    unclassified.removeAll(PartnerAudience.RULES.keySet());
    assertEquals(Set.of(), unclassified, "event types without a partner audience");
  }

  @Test
  void everyPersonsEventReachesNobody() {
    for (String type :
        new String[] {
          "qiao.student.profile-published.v1",
          "qiao.student.forgotten.v1",
          "qiao.internship.completed.v1",
          "qiao.placement.recorded.v1",
          "qiao.contact-grant.revoked.v1",
          "qiao.demand-ranking.changed.v1"
        }) {
      assertTrue(of(type, ContractExamples.data(type)).isNobody(), type);
    }
    assertTrue(
        of("qiao.something.new.v1", ContractExamples.data("qiao.demand.published.v1")).isNobody());
  }

  @Test
  void publishedDemandsAreForEveryoneDraftsForTheirEnterprise() {
    assertTrue(of("qiao.demand.published.v1", data("qiao.demand.published.v1")).everyone());
    Audience draft = of("qiao.demand.drafted.v1", data("qiao.demand.drafted.v1"));
    assertEquals(Set.of(ENTERPRISE), draft.enterprises());
    assertTrue(draft.admits(PartnerRole.ENTERPRISE, ENTERPRISE));
    assertFalse(draft.admits(PartnerRole.ENTERPRISE, "91310000MA1FL0000X"));
    assertFalse(draft.admits(PartnerRole.UNIVERSITY, ENTERPRISE));
    assertFalse(draft.admits(PartnerRole.GOVERNMENT, ENTERPRISE));
  }

  @Test
  void anApplicationIsTheEnterprisesOnly() {
    Audience a = of("qiao.application.applied.v1", data("qiao.application.applied.v1"));
    assertEquals(Set.of(ENTERPRISE), a.enterprises());
    assertEquals(Set.of(), a.institutions());
    assertFalse(a.everyone());
  }

  @Test
  void aTrainingOrderOpenToAllIsPublicOneAddressedIsNot() {
    ObjectNode open = data("qiao.training-order.placed.v1");
    assertTrue(of("qiao.training-order.placed.v1", open).everyone());
    ObjectNode addressed = data("qiao.training-order.placed.v1");
    ((ArrayNode) addressed.get("targetUniversities")).add("4131010280");
    Audience a = of("qiao.training-order.placed.v1", addressed);
    assertEquals(Set.of(ENTERPRISE), a.enterprises());
    assertEquals(Set.of("4131010280"), a.institutions());
    assertFalse(a.admits(PartnerRole.UNIVERSITY, ENTERPRISE));
    assertTrue(a.admits(PartnerRole.UNIVERSITY, "4131010280"));
    assertFalse(a.admits(PartnerRole.UNIVERSITY, UNIVERSITY));
  }

  @Test
  void aProposalReachesTheUniversityAndTheOrdersEnterprise() {
    Audience known =
        PartnerAudience.of(
            "qiao.proposal.submitted.v1",
            data("qiao.proposal.submitted.v1"),
            id -> Optional.of(ENTERPRISE));
    assertEquals(Set.of(ENTERPRISE), known.enterprises());
    assertEquals(Set.of(UNIVERSITY), known.institutions());
    Audience unknownOrder =
        PartnerAudience.of(
            "qiao.proposal.submitted.v1",
            data("qiao.proposal.submitted.v1"),
            id -> Optional.empty());
    assertEquals(Set.of(), unknownOrder.enterprises());
    assertEquals(Set.of(UNIVERSITY), unknownOrder.institutions());
  }

  @Test
  void withoutDataNobody() {
    assertTrue(
        PartnerAudience.of("qiao.demand.published.v1", null, id -> Optional.empty()).isNobody());
  }

  private static ObjectNode data(String type) {
    return ContractExamples.data(type);
  }

  private static Audience of(String type, ObjectNode data) {
    return PartnerAudience.of(type, data, id -> Optional.empty());
  }
}
