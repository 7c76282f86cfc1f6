package org.qiao.kit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.qiao.kit.config.KafkaClients;
import org.qiao.kit.testing.QiaoTestInfrastructure;

/** The retention decided in configuration (ADR 0011) is what the broker applies. */
@QuarkusTest
class TopicRetentionTest {

  @Test
  void theServicesTopicAndDeadLetterTopicAreDeletedAfterTheirRetention() throws Exception {
    Map<ConfigResource, Config> configs = describe("qiao.kit-test.events", "kit-test-service.dlt");
    Config events = configs.get(topic("qiao.kit-test.events"));
    Config deadLetters = configs.get(topic("kit-test-service.dlt"));
    assertEquals(Long.toString(Duration.ofDays(7).toMillis()), value(events, "retention.ms"));
    assertEquals(Long.toString(Duration.ofDays(1).toMillis()), value(events, "segment.ms"));
    assertEquals("delete", value(events, "cleanup.policy"));
    // Set on the topic, not the broker's default that happens to be a week as well.
    assertEquals(
        ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, events.get("retention.ms").source());
    assertEquals(Long.toString(Duration.ofDays(14).toMillis()), value(deadLetters, "retention.ms"));
    assertEquals("delete", value(deadLetters, "cleanup.policy"));
  }

  @Test
  void aTopicCreatedBeforeTheDecisionGetsItWhenItsServiceStarts() throws Exception {
    String topic = "qiao.retention-test." + System.nanoTime();
    String bootstrap = QiaoTestInfrastructure.broker().bootstrapServers();
    KafkaClients.ensureTopics(bootstrap, List.of(topic), 1, (short) 1);
    assertEquals(
        Long.toString(Duration.ofDays(7).toMillis()),
        value(describe(topic).get(topic(topic)), "retention.ms"),
        "the broker's default before");

    KafkaClients.ensureTopics(
        bootstrap,
        List.of(topic),
        1,
        (short) 1,
        KafkaClients.deletedAfter(Duration.ofDays(3), Duration.ofHours(6)),
        true);

    Config after = describe(topic).get(topic(topic));
    assertEquals(Long.toString(Duration.ofDays(3).toMillis()), value(after, "retention.ms"));
    assertEquals(Long.toString(Duration.ofHours(6).toMillis()), value(after, "segment.ms"));
  }

  private static Map<ConfigResource, Config> describe(String... topics) throws Exception {
    try (Admin admin = KafkaClients.admin(QiaoTestInfrastructure.broker().bootstrapServers())) {
      return admin
          .describeConfigs(List.of(topics).stream().map(TopicRetentionTest::topic).toList())
          .all()
          .get(10, TimeUnit.SECONDS);
    }
  }

  private static ConfigResource topic(String name) {
    return new ConfigResource(ConfigResource.Type.TOPIC, name);
  }

  private static String value(Config config, String name) {
    return config.get(name).value();
  }
}
