package org.qiao.matching.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.qiao.kit.cluster.ClusterLocks;
import org.qiao.matching.config.IndexConfig;
import org.qiao.matching.domain.SkillVocabulary;
import org.qiao.matching.domain.ranking.Profile;
import org.qiao.matching.support.Events;

/**
 * ADR 0010's followers: a second instance's index, built beside this one's, follows what this
 * instance's consumer wrote to the tables, and misses no change whose transaction commits after a
 * later one.
 */
@QuarkusTest
class IndexFollowerTest {

  @Inject RankingIndexes indexes;
  @Inject DataSource dataSource;
  @Inject SkillVocabulary vocabulary;
  @Inject Clock clock;
  @Inject IndexConfig config;
  @Inject ClusterLocks locks;
  @Inject MeterRegistry registry;

  /** Another instance of the service: its own index over the same database. */
  private RankingIndexes secondInstance() {
    RankingIndexes other =
        new RankingIndexes(dataSource, vocabulary, clock, config, locks, registry);
    other.rebuild();
    return other;
  }

  @Test
  void aSecondInstanceRanksWhatTheFirstInstancesConsumerStored() {
    RankingIndexes other = secondInstance();
    try {
      ranksWhatTheFirstStored(other);
    } finally {
      other.forget();
    }
  }

  private void ranksWhatTheFirstStored(RankingIndexes other) {
    String city = Events.newCity();
    Events.Profile student = Events.profile().cities(city).skills("Java", "SQL");
    Events.Demand demand = Events.demand().essential("Java").optional("SQL");
    Events.deliver(Events.CURRICULUM, student.event());
    Events.deliver(Events.TALENT_DEMAND, demand.event());
    UUID demandId = UUID.fromString(demand.id);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                indexes.profiles().get(student.id).isPresent()
                    && indexes.openDemands().containsKey(demandId));

    other.follow();

    Profile seen = other.profiles().get(student.id).orElseThrow();
    assertEquals(indexes.profiles().get(student.id).orElseThrow(), seen);
    assertEquals(indexes.demands().top(seen, 50), other.demands().top(seen, 50));
    assertTrue(other.openDemands().containsKey(demandId));

    // Closed and forgotten on the first instance: gone from the second's answers too.
    Events.deliver(Events.TALENT_DEMAND, demand.status("CLOSED").version(2).event());
    Events.deliver(Events.CURRICULUM, Events.forgotten(student.id));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                indexes.profiles().get(student.id).isEmpty()
                    && !indexes.openDemands().containsKey(demandId));
    other.follow();
    assertTrue(other.profiles().get(student.id).isEmpty());
    assertFalse(other.openDemands().containsKey(demandId));
  }

  @Test
  void aChangeCommittedAfterALaterOneIsNotSkipped() throws SQLException {
    RankingIndexes other = secondInstance();
    String early = "follow" + UUID.randomUUID().toString().substring(0, 8);
    String late = "follow" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection slow = dataSource.getConnection()) {
      slow.setAutoCommit(false);
      insertProfile(slow, early); // its change log row takes the smaller sequence number
      try (Connection quick = dataSource.getConnection()) {
        insertProfile(quick, late); // autocommit: committed first
      }
      other.follow();
      assertTrue(other.profiles().get(late).isPresent());
      assertTrue(other.profiles().get(early).isEmpty(), "not committed yet");

      slow.commit();
      other.follow();
      assertTrue(other.profiles().get(early).isPresent(), "committed after a later row was read");
    } finally {
      deleteProfiles(early, late);
    }
    other.follow();
    assertTrue(other.profiles().get(early).isEmpty());
    assertTrue(other.profiles().get(late).isEmpty());
    other.forget();
  }

  @Test
  void anInstanceThatIsBuildingHoldsTheLogBackFromTrimming() throws SQLException {
    RankingIndexes other = secondInstance(); // recorded its position before its snapshot
    String id = "follow" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = dataSource.getConnection()) {
      insertProfile(c, id);
      // Every other follower has read past the row (this instance follows every 100 ms), and the
      // row is older than any wait: only the second instance's position keeps it.
      indexes.follow();
      try (PreparedStatement age =
          c.prepareStatement(
              "update read_model_change set changed_at = now() - interval '1 hour'"
                  + " where ref = ?")) {
        age.setString(1, id);
        age.executeUpdate();
      }
      indexes.trimLog(c);
      other.follow();
      assertTrue(other.profiles().get(id).isPresent(), "the row was trimmed before it was read");

      // Once every follower has read it, it goes: when no transaction that began before it is
      // still running anywhere in the database (the positions are snapshots' xmin).
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                other.follow();
                other.reportNow();
                indexes.follow();
                indexes.reportNow();
                indexes.trimLog(c);
                try (PreparedStatement left =
                    c.prepareStatement("select count(*) from read_model_change where ref = ?")) {
                  left.setString(1, id);
                  var r = left.executeQuery();
                  r.next();
                  return r.getInt(1) == 0;
                }
              });
    } finally {
      deleteProfiles(id);
      other.forget();
    }
  }

  @Test
  void theServedIndexFollowsWithinItsIntervalWithoutBeingAsked() throws SQLException {
    String id = "follow" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = dataSource.getConnection()) {
      insertProfile(c, id);
    }
    try {
      await().atMost(Duration.ofSeconds(2)).until(() -> indexes.profiles().get(id).isPresent());
    } finally {
      deleteProfiles(id);
    }
    await().atMost(Duration.ofSeconds(2)).until(() -> indexes.profiles().get(id).isEmpty());
  }

  /** Deletes the rows (each deletion noted in the change log, as any other change). */
  private void deleteProfiles(String... ids) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("delete from student_profile where student_id = any(?)")) {
      s.setArray(1, c.createArrayOf("varchar", ids));
      s.executeUpdate();
    }
  }

  /** A row as another instance's consumer would store it (a city no other test ranks). */
  private static void insertProfile(Connection c, String id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into student_profile (student_id, institution_id, institution_code,"
                + " major_code, degree, graduation_year, skills, preferred_cities,"
                + " source_version, updated_at) values (?, ?, '4131010246', '080901',"
                + " 'BACHELOR', 2027, '[{\"key\":\"~follower\",\"name\":\"follower\"}]'::jsonb,"
                + " '[\"659999\"]'::jsonb, 1, now())")) {
      s.setString(1, id);
      s.setObject(2, UUID.randomUUID());
      s.executeUpdate();
    }
  }
}
