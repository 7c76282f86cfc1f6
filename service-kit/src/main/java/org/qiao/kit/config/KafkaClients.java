package org.qiao.kit.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/** Plain kafka-clients settings shared by the relay, the consumer and the health check. */
public final class KafkaClients {

  private static final Logger LOG = Logger.getLogger(KafkaClients.class);

  private KafkaClients() {}

  /** Idempotent, acks=all, bounded waits so an unreachable broker fails fast into the backoff. */
  public static KafkaProducer<String, byte[]> producer(String bootstrap, String clientId) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // JSON events shrink several times: less for the broker to write and every consumer to fetch.
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  /** Manual offset commits: offsets move only after the inbox transaction committed. */
  public static Properties consumer(String bootstrap, String groupId) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
    // Several instances share a group: when one dies without leaving (killed, its node lost), its
    // partitions move to the others after this, not after the default 45 s.
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }

  public static Admin admin(String bootstrap) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    return Admin.create(p);
  }

  /**
   * Creates missing topics so the first event is not slowed by auto-creation. Returns false when
   * the broker could not be reached; callers go on, and the broker's auto-creation or a later call
   * covers it.
   */
  public static boolean ensureTopics(
      String bootstrap, Collection<String> topics, int partitions, short replicationFactor) {
    return ensureTopics(bootstrap, topics, partitions, replicationFactor, Map.of(), false);
  }

  /**
   * Creates missing topics with the given topic configs ({@code retention.ms}, ...); with {@code
   * applyToExisting} also sets those configs on topics that already exist (a service's own topics:
   * the retention decided in configuration holds for topics created before it was decided).
   */
  public static boolean ensureTopics(
      String bootstrap,
      Collection<String> topics,
      int partitions,
      short replicationFactor,
      Map<String, String> configs,
      boolean applyToExisting) {
    try (Admin admin = admin(bootstrap)) {
      List<NewTopic> wanted =
          topics.stream()
              .map(t -> new NewTopic(t, partitions, replicationFactor).configs(configs))
              .toList();
      List<String> existing = new ArrayList<>();
      for (var entry : admin.createTopics(wanted).values().entrySet()) {
        try {
          entry.getValue().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
          existing.add(entry.getKey());
        }
      }
      if (applyToExisting && !existing.isEmpty() && !configs.isEmpty()) {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (String topic : existing) {
          changes.put(
              new ConfigResource(ConfigResource.Type.TOPIC, topic),
              configs.entrySet().stream()
                  .map(
                      c ->
                          new AlterConfigOp(
                              new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET))
                  .toList());
        }
        admin.incrementalAlterConfigs(changes).all().get(5, TimeUnit.SECONDS);
      }
      return true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warnf("Could not ensure topics %s: %s", topics, e.toString());
      return false;
    }
  }

  /**
   * Topic configs for records holding pseudonymous ids: deleted after {@code retention} (never
   * compacted), in segments of at most {@code segment} so nothing outlives retention by much.
   */
  public static Map<String, String> deletedAfter(Duration retention, Duration segment) {
    long retentionMs = retention.toMillis();
    return Map.of(
        "cleanup.policy", "delete",
        "retention.ms", Long.toString(retentionMs),
        "segment.ms", Long.toString(Math.min(segment.toMillis(), retentionMs)));
  }
}
