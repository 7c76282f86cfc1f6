package org.qiao.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy/qiao dlt list|replay} against a real broker. */
class DeadLettersTest {

  private static final String DLT = "some-service.dlt";
  private static final String SOURCE = "qiao.some.events";

  @TempDir Path dir;

  @Test
  void listsDeadLettersAndReplaysTheChosenOnesToTheirSourceTopic() throws Exception {
    try (KafkaNode kafka = KafkaNode.start(dir.resolve("kafka"), freePort(), freePort())) {
      String bootstrap = kafka.bootstrapServers();
      byte[] first = event("01-first", "student-1");
      byte[] second = event("02-second", "student-2");
      try (KafkaProducer<String, byte[]> p = producer(bootstrap)) {
        p.send(deadLetter("student-1", first, "cannot be applied: value too long")).get();
        p.send(deadLetter("student-2", second, "failed 60 times: boom")).get();
      }
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      DeadLetters tool =
          new DeadLetters(bootstrap, new PrintStream(printed, true, StandardCharsets.UTF_8));

      List<DeadLetters.Letter> letters = tool.list(DLT);
      String listing = printed.toString(StandardCharsets.UTF_8);
      assertEquals(2, letters.size(), listing);
      assertTrue(listing.contains("01-first"), listing);
      assertTrue(listing.contains("qiao.student.profile-published.v1"), listing);
      assertTrue(listing.contains("student-2"), listing);
      assertTrue(listing.contains("cannot be applied: value too long"), listing);
      assertTrue(listing.contains("failed 60 times: boom"), listing);

      assertEquals(0, tool.replay(DLT, List.of("02-second")));
      List<ConsumerRecord<String, byte[]>> replayed = tool.readAll(SOURCE);
      assertEquals(1, replayed.size());
      ConsumerRecord<String, byte[]> r = replayed.get(0);
      assertEquals("student-2", r.key());
      assertArrayEquals(second, r.value());
      assertNotNull(r.headers().lastHeader(DeadLetters.TYPE), "the type header travels along");
      assertNull(r.headers().lastHeader(DeadLetters.REASON), "dead-letter headers stay behind");
      assertNotNull(r.headers().lastHeader(DeadLetters.REPLAYED_FROM));

      assertEquals(1, tool.replay(DLT, List.of("no-such-event")), "an unknown id is an error");
      assertEquals(0, tool.replay(DLT, List.of()), "no ids: every dead letter");
      assertEquals(3, tool.readAll(SOURCE).size());
      assertEquals(2, tool.list(DLT).size(), "the dead-letter topic itself is left as it was");
    }
  }

  @Test
  void theTopicComesFromTheServicesConfiguration() {
    Path root = Path.of(System.getProperty("qiao.root", "../..")).toAbsolutePath().normalize();
    assertEquals("matching-service.dlt", DeadLetters.deadLetterTopic(root, "matching-service"));
    assertThrows(IllegalArgumentException.class, () -> DeadLetters.deadLetterTopic(root, "../etc"));
    assertThrows(
        IllegalArgumentException.class, () -> DeadLetters.deadLetterTopic(root, "no-service"));
  }

  @Test
  void readsTopLevelMembersOnly() {
    String json = "{\"data\":{\"id\":\"nested\",\"x\":[\"id\"]},\"id\":\"top\",\"subject\":\"s\"}";
    assertEquals("top", DeadLetters.TopLevel.string(json, "id"));
    assertEquals("s", DeadLetters.TopLevel.string(json, "subject"));
    assertNull(DeadLetters.TopLevel.string("not json", "id"));
  }

  private static byte[] event(String id, String subject) {
    return ("{\"specversion\":\"1.0\",\"data\":{\"id\":\"nested-"
            + id
            + "\"},\"id\":\""
            + id
            + "\",\"source\":\"curriculum-service\",\"type\":"
            + "\"qiao.student.profile-published.v1\",\"subject\":\""
            + subject
            + "\",\"time\":\"2026-12-01T10:00:00Z\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A record as the kit's inbox consumer dead-letters it. */
  private static ProducerRecord<String, byte[]> deadLetter(
      String key, byte[] value, String reason) {
    ProducerRecord<String, byte[]> r = new ProducerRecord<>(DLT, key, value);
    r.headers()
        .add(DeadLetters.TYPE, bytes("qiao.student.profile-published.v1"))
        .add(DeadLetters.REASON, bytes(reason))
        .add(DeadLetters.ORIGINAL_TOPIC, bytes(SOURCE))
        .add(DeadLetters.ORIGINAL_PARTITION, bytes("0"))
        .add(DeadLetters.ORIGINAL_OFFSET, bytes("7"))
        .add(DeadLetters.CONSUMER, bytes("some-service"));
    return r;
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
