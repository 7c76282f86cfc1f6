package org.qiao.kit.testing;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.qiao.kit.config.KafkaClients;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;

/** Puts records on a topic exactly as another service (or a broken one) would. */
public final class TestProducer {

  private TestProducer() {}

  public static void send(String topic, CloudEvent event) {
    sendRaw(topic, event.subject(), EventCodec.encode(event).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends the event to one partition with its {@code ce_type} header, as the outbox relay sends it,
   * so a test can place events on chosen partitions.
   */
  public static void sendToPartition(String topic, int partition, CloudEvent event) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            topic,
            partition,
            event.subject(),
            EventCodec.encode(event).getBytes(StandardCharsets.UTF_8));
    record.headers().add(CloudEvent.TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
    send(topic, record);
  }

  /** Sends the events in their order with one producer, so they reach consumers in few polls. */
  public static void sendAll(String topic, java.util.List<CloudEvent> events) {
    try (KafkaProducer<String, byte[]> producer =
        KafkaClients.producer(
            QiaoTestInfrastructure.broker().bootstrapServers(), "test-producer")) {
      for (CloudEvent event : events) {
        producer.send(
            new ProducerRecord<>(
                topic, event.subject(), EventCodec.encode(event).getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
  }

  public static void sendRaw(String topic, String key, byte[] value) {
    send(topic, new ProducerRecord<>(topic, key, value));
  }

  private static void send(String topic, ProducerRecord<String, byte[]> record) {
    try (KafkaProducer<String, byte[]> producer =
        KafkaClients.producer(
            QiaoTestInfrastructure.broker().bootstrapServers(), "test-producer")) {
      producer.send(record).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not produce to " + topic, e);
    }
  }
}
