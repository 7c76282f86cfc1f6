package org.qiao.matching.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.matching.domain.ranking.Profile;
import org.qiao.matching.service.RankingIndexes;
import org.qiao.matching.support.Events;

/** The index a rebuild reads from the tables is the one the events built, student by student. */
@QuarkusTest
class IndexRebuildTest {

  @Inject RankingIndexes indexes;

  @Test
  void aRebuildKnowsEveryStudentAsTheirEventsLeftThem() {
    String city = Events.newCity();
    Events.Profile twoCities =
        Events.profile().cities(city, Events.newCity()).skills("Java", "SQL", "量子烹饪术");
    Events.Profile anyCity = Events.profile().cities().skills("Python");
    Events.Profile verified = Events.profile().cities(city).skills("Java");
    Events.Profile noSkills = Events.profile().cities(city);
    Events.deliver(
        Events.CURRICULUM, twoCities.event(), anyCity.event(), verified.event(), noSkills.event());
    Events.deliver(Events.INTERNSHIP, Events.internshipCompleted(verified.id, "Java开发"));
    List<String> ids = List.of(twoCities.id, anyCity.id, verified.id, noSkills.id);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                ids.stream().allMatch(id -> indexes.profiles().get(id).isPresent())
                    && !indexes
                        .profiles()
                        .get(verified.id)
                        .orElseThrow()
                        .verifiedSkills()
                        .isEmpty());
    Map<String, Profile> before = new HashMap<>();
    ids.forEach(id -> before.put(id, indexes.profiles().get(id).orElseThrow()));
    // What the rows hold beyond plain codes: two cities, none, a name the vocabulary lacks, no
    // skill at all.
    assertEquals(2, before.get(twoCities.id).cities().size());
    assertTrue(before.get(anyCity.id).cities().isEmpty());
    assertTrue(before.get(noSkills.id).skills().isEmpty());
    assertTrue(
        before.get(twoCities.id).skills().stream().anyMatch(k -> k.startsWith("~")),
        before::toString);

    try {
      indexes.rebuild();

      ids.forEach(id -> assertEquals(before.get(id), indexes.profiles().get(id).orElseThrow(), id));
    } finally {
      // A student without a preferred city passes every city: out of the other tests' rankings.
      Events.deliver(Events.CURRICULUM, Events.forgotten(anyCity.id));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> indexes.profiles().get(anyCity.id).isEmpty());
    }
  }
}
