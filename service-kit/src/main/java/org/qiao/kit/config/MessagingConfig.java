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
