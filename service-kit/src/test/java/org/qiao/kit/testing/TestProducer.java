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

  public static void sendRaw(String topic, String key, byte[] value) {
    try (KafkaProducer<String, byte[]> producer =
        KafkaClients.producer(
            QiaoTestInfrastructure.broker().bootstrapServers(), "test-producer")) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not produce to " + topic, e);
    }
  }
}
