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
  void aDraftsChangesAreItsEnterprisesOnlyAPublishedDemandsAreEveryones() {
    // The API shows a draft to its enterprise alone, even when revised or closed as a draft.
    for (String type : new String[] {"qiao.demand.revised.v1", "qiao.demand.closed.v1"}) {
      ObjectNode draft = data(type);
      draft.putNull("publishedAt");
      Audience a = of(type, draft);
      assertTrue(a.admits(PartnerRole.ENTERPRISE, ENTERPRISE), type);
      assertFalse(a.admits(PartnerRole.ENTERPRISE, OTHER_ENTERPRISE), type);
      assertFalse(a.admits(PartnerRole.UNIVERSITY, UNIVERSITY), type);
      assertFalse(a.admits(PartnerRole.GOVERNMENT, "gov"), type);
      ObjectNode published = data(type);
      published.put("publishedAt", "2027-03-01T02:00:00Z");
      assertTrue(of(type, published).admits(PartnerRole.ENTERPRISE, OTHER_ENTERPRISE), type);
    }
  }

  @Test
  void aChallengeIsItsEnterprisesEveryUniversitysAndTheOverseersNotAnotherEnterprises() {
    for (String type : new String[] {"qiao.challenge.posted.v1", "qiao.challenge.closed.v1"}) {
      Audience a = of(type, data(type));
      assertTrue(a.admits(PartnerRole.ENTERPRISE, ENTERPRISE), type);
      assertFalse(a.admits(PartnerRole.ENTERPRISE, OTHER_ENTERPRISE), type);
      assertTrue(a.admits(PartnerRole.UNIVERSITY, "4131010999"), type);
      assertTrue(a.admits(PartnerRole.GOVERNMENT, "gov"), type);
      assertTrue(a.admits(PartnerRole.ADMIN, "ops"), type);
    }
  }

  @Test
  void aTrainingOrderIsShownAsTheApiShowsIt() {
    String placed = "qiao.training-order.placed.v1";
    // Open to all: every university may propose; never another enterprise.
    Audience open = of(placed, data(placed));
    assertTrue(open.admits(PartnerRole.ENTERPRISE, ENTERPRISE));
    assertFalse(open.admits(PartnerRole.ENTERPRISE, OTHER_ENTERPRISE));
    assertTrue(open.admits(PartnerRole.UNIVERSITY, "4131010999"));
    assertTrue(open.admits(PartnerRole.GOVERNMENT, "gov"));
    // Addressed: only the universities it names.
    ObjectNode addressed = data(placed);
    ((ArrayNode) addressed.get("targetUniversities")).add("4131010280");
    Audience a = of(placed, addressed);
    assertTrue(a.admits(PartnerRole.UNIVERSITY, "4131010280"));
    assertFalse(a.admits(PartnerRole.UNIVERSITY, UNIVERSITY));
    assertFalse(a.admits(PartnerRole.UNIVERSITY, ENTERPRISE));
    assertFalse(a.admits(PartnerRole.ENTERPRISE, OTHER_ENTERPRISE));
    // Once awarded: the universities awarded, not those only addressed, nor every university.
    String awarded = "qiao.training-order.awarded.v1";
    ObjectNode contracted = data(awarded);
    ((ArrayNode) contracted.get("targetUniversities")).add("4131010280");
    contracted.put("status", "CONTRACTED");
    ((ArrayNode) contracted.get("awards")).removeAll();
    ((ArrayNode) contracted.get("awards")).addObject().put("universityCode", "4131010281");
    Audience after = of(awarded, contracted);
    assertTrue(after.admits(PartnerRole.UNIVERSITY, "4131010281"));
    assertFalse(after.admits(PartnerRole.UNIVERSITY, "4131010280"));
    assertFalse(after.admits(PartnerRole.UNIVERSITY, "4131010999"));
    assertTrue(after.admits(PartnerRole.ENTERPRISE, ENTERPRISE));
    assertFalse(after.admits(PartnerRole.ENTERPRISE, OTHER_ENTERPRISE));
  }

  @Test
  void anAudienceSurvivesBeingStored() {
    ObjectNode addressed = data("qiao.training-order.placed.v1");
    Audience open = of("qiao.training-order.placed.v1", addressed);
    Audience back =
        Audience.fromStored(false, org.qiao.kit.events.EventCodec.toTree(open.stored()));
    assertEquals(open, back);
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

  private static final String OTHER_ENTERPRISE = "91310000MA1FL0000X";

  private static ObjectNode data(String type) {
    return ContractExamples.data(type);
  }

  private static Audience of(String type, ObjectNode data) {
    return PartnerAudience.of(type, data, id -> Optional.empty());
  }
}
