package org.qiao.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Event backbone settings every service shares: broker, its own topic, relay and consumer. */
@ConfigMapping(prefix = "qiao.messaging")
public interface MessagingConfig {

  /** Kafka bootstrap servers, e.g. {@code 127.0.0.1:9092}. */
  String bootstrapServers();

  /** CloudEvents {@code source} of this service's events: the service name. */
  String source();

  /** The one topic this service publishes to, e.g. {@code qiao.talent-demand.events}. */
  String topic();

  /** Partitions for topics this service creates at start-up. */
  @WithDefault("3")
  int partitions();

  /** Replication factor for topics this service creates (1 locally, 3 on a real cluster). */
  @WithDefault("1")
  short replicationFactor();

  Relay relay();

  Consumer consumer();

  Supervision supervision();

  Retention retention();

  /**
   * How long records stay on the topics this service creates (ADR 0011): they carry pseudonymous
   * ids, so they are deleted after a fixed time, never compacted and kept. Set as the topics'
   * {@code retention.ms} (with {@code cleanup.policy=delete}) when the service creates them, and on
   * its own topic and dead-letter topic when they already exist.
   */
  interface Retention {
    /** Event topics: longer than any consumer outage the platform rides out without a replay. */
    @WithDefault("P7D")
    Duration events();

    /** Dead-letter topics: long enough for an operator to look and replay. */
    @WithDefault("P14D")
    Duration deadLetters();

    /**
     * Segment roll time ({@code segment.ms}): retention deletes whole closed segments, so a record
     * lives at most retention + segment.
     */
    @WithDefault("P1D")
    Duration segment();
  }

  /**
   * How the relay and consumer threads are kept running: a loop that dies of anything (an Error
   * included) is started again after {@code restart-delay}; when it died {@code max-deaths} times
   * within {@code window}, liveness reports DOWN so the orchestrator restarts the process.
   */
  interface Supervision {
    @WithDefault("1s")
    Duration restartDelay();

    @WithDefault("5")
    int maxDeaths();

    @WithDefault("10m")
    Duration window();
  }

  interface Relay {
    @WithDefault("true")
    boolean enabled();

    /**
     * How often the relay looks for new outbox rows when it found none. Events this instance
     * commits wake it at once; the poll finds those committed by other instances.
     */
    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("500")
    int batchSize();

    /** Longest wait between attempts while Kafka is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();
  }

  interface Consumer {
    @WithDefault("true")
    boolean enabled();

    /** Consumer group, and the inbox's consumer name. */
    String groupId();

    /** Topics to subscribe to; none means no consumer runs. */
    Optional<List<String>> topics();

    /** Where unprocessable records go; defaults to {@code <group-id>.dlt}. */
    Optional<String> deadLetterTopic();

    @WithDefault("500ms")
    Duration pollTimeout();

    @WithDefault("5s")
    Duration maxBackoff();

    default String deadLetterTopicName() {
      return deadLetterTopic().orElse(groupId() + ".dlt");
    }
  }
}
