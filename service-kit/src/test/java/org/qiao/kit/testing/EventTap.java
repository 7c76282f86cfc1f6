package org.qiao.kit.testing;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.qiao.kit.config.KafkaClients;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;

/**
 * Reads what reaches a topic from the moment it is opened, as an outside consumer would: no group,
 * no commits, so it never disturbs the services' own consumers.
 */
public final class EventTap implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

  private EventTap(String topic) {
    var props =
        KafkaClients.consumer(
            QiaoTestInfrastructure.broker().bootstrapServers(), "tap-" + UUID.randomUUID());
    consumer = new KafkaConsumer<>(props);
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  /**
   * Every record on every topic of the broker, from the beginning to the current end (for checks
   * such as "no event anywhere carries personal data").
   */
  public static List<ConsumerRecord<String, byte[]>> everyRecordOnEveryTopic() {
    var props =
        KafkaClients.consumer(
            QiaoTestInfrastructure.broker().bootstrapServers(), "tap-" + UUID.randomUUID());
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = new ArrayList<>();
      c.listTopics(Duration.ofSeconds(10))
          .forEach(
              (topic, infos) ->
                  infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
      c.assign(partitions);
      c.seekToBeginning(partitions);
      var end = c.endOffsets(partitions);
      List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read every topic to its end in 30 s");
        }
        c.poll(Duration.ofMillis(200)).forEach(all::add);
      }
      return all;
    }
  }

  /** Starts reading the topic at its current end. */
  public static EventTap open(String topic) {
    return new EventTap(topic);
  }

  /** Waits until at least {@code count} records match, then returns all matching records. */
  public List<ConsumerRecord<String, byte[]>> awaitRecords(
      Predicate<ConsumerRecord<String, byte[]>> match, int count, Duration timeout) {
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> matching(match).size() >= count);
    return matching(match);
  }

  /** Waits for {@code count} CloudEvents that match and returns them in topic order. */
  public List<CloudEvent> awaitEvents(Predicate<CloudEvent> match, int count, Duration timeout) {
    return awaitRecords(r -> isEvent(r) && match.test(EventCodec.decode(r.value())), count, timeout)
        .stream()
        .map(r -> EventCodec.decode(r.value()))
        .toList();
  }

  /** Everything read so far after one more poll. */
  public List<ConsumerRecord<String, byte[]>> drain(Duration wait) {
    consumer.poll(wait).forEach(seen::add);
    return List.copyOf(seen);
  }

  private List<ConsumerRecord<String, byte[]>> matching(
      Predicate<ConsumerRecord<String, byte[]>> match) {
    consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    return seen.stream().filter(match).toList();
  }

  private static boolean isEvent(ConsumerRecord<String, byte[]> r) {
    try {
      EventCodec.decode(r.value());
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  public static String header(ConsumerRecord<String, byte[]> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
