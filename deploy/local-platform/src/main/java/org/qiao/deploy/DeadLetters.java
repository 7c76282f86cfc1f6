package org.qiao.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code deploy/qiao dlt list SERVICE} and {@code deploy/qiao dlt replay SERVICE [EVENT_ID ...]}:
 * what a service's inbox consumer dead-lettered ({@code <group-id>.dlt}, reason in the kit's {@code
 * qiao-dlt-*} headers), and putting it back. A replay re-publishes the record, key, value and
 * headers as they were, to the topic it came from (header {@code qiao-dlt-original-topic}); every
 * consumer of that topic sees it again and its inbox skips an event it already applied, so a replay
 * (or a second one) has effect only where the event was not applied yet. Fix the cause first (a
 * code fix deployed, missing data present): a record that fails again is dead-lettered again.
 * Replayed events arrive after later events of the same aggregate; the handlers' version checks
 * keep a stale state from winning. The dead-letter topic is read, never changed, so {@code list}
 * keeps showing replayed records; each replayed copy carries {@code qiao-dlt-replayed-from}.
 */
final class DeadLetters {

  // The kit's header names (org.qiao.kit.inbox.InboxConsumer); the launcher does not link the kit.
  static final String REASON = "qiao-dlt-reason";
  static final String ORIGINAL_TOPIC = "qiao-dlt-original-topic";
  static final String ORIGINAL_PARTITION = "qiao-dlt-original-partition";
  static final String ORIGINAL_OFFSET = "qiao-dlt-original-offset";
  static final String CONSUMER = "qiao-dlt-consumer";
  static final String TYPE = "ce_type";

  /** Marks a replayed record on the source topic: which dead letter it came from. */
  static final String REPLAYED_FROM = "qiao-dlt-replayed-from";

  /** One dead letter as {@code list} shows it. */
  record Letter(
      long offset,
      int partition,
      Instant time,
      String eventId,
      String type,
      String subject,
      String sourceTopic,
      String reason,
      ConsumerRecord<String, byte[]> record) {}

  private final String bootstrap;
  private final PrintStream out;

  DeadLetters(String bootstrap, PrintStream out) {
    this.bootstrap = bootstrap;
    this.out = out;
  }

  /**
   * The launcher's entry: {@code dlt list|replay SERVICE [EVENT_ID ...]}; returns the exit code.
   */
  static int run(Path root, String[] args) {
    if (args.length < 3 || !(args[1].equals("list") || args[1].equals("replay"))) {
      System.err.println("usage: deploy/qiao dlt list SERVICE | dlt replay SERVICE [EVENT_ID ...]");
      return 2;
    }
    String service = args[2];
    String topic;
    try {
      topic = deadLetterTopic(root, service);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    Map<String, String> env = System.getenv();
    String bootstrap =
        env.getOrDefault(
            "QIAO_KAFKA_BOOTSTRAP_SERVERS",
            "127.0.0.1:" + env.getOrDefault("QIAO_KAFKA_PORT", "19092"));
    DeadLetters tool = new DeadLetters(bootstrap, System.out);
    if (args[1].equals("list")) {
      tool.list(topic);
      return 0;
    }
    List<String> ids = List.of(args).subList(3, args.length);
    return tool.replay(topic, ids);
  }

  /**
   * The service's dead-letter topic from its configuration: {@code
   * qiao.messaging.consumer.dead-letter-topic}, else {@code <group-id>.dlt}.
   */
  static String deadLetterTopic(Path root, String service) {
    Path file = root.resolve(service).resolve("src/main/resources/application.properties");
    if (!service.matches("[a-z-]+") || !Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "unknown service '"
              + service
              + "' (one of: "
              + LocalPlatform.SERVICES.stream().map(LocalPlatform.Service::name).toList()
              + ")");
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    String explicit = p.getProperty("qiao.messaging.consumer.dead-letter-topic");
    if (explicit != null) {
      return explicit.trim();
    }
    return p.getProperty("qiao.messaging.consumer.group-id", service).trim() + ".dlt";
  }

  /** Prints every dead letter of the topic, oldest first per partition. */
  List<Letter> list(String topic) {
    List<Letter> letters = read(topic);
    out.printf(
        "%d dead letter(s) in %s%n%-24s  %-36s  %-36s  %-36s  %s%n",
        letters.size(), topic, "time", "event id", "type", "subject", "reason");
    for (Letter l : letters) {
      out.printf(
          "%-24s  %-36s  %-36s  %-36s  %s%n",
          l.time(), l.eventId(), l.type(), l.subject(), l.reason());
    }
    return letters;
  }

  /**
   * Re-publishes the dead letters with the given event ids (all of them when none is given) to
   * their source topics; returns 0, or 1 when an id was not found.
   */
  int replay(String topic, List<String> eventIds) {
    List<Letter> letters = read(topic);
    Set<String> wanted = new LinkedHashSet<>(eventIds);
    List<Letter> chosen =
        letters.stream().filter(l -> wanted.isEmpty() || wanted.contains(l.eventId())).toList();
    Set<String> missing = new LinkedHashSet<>(wanted);
    chosen.forEach(l -> missing.remove(l.eventId()));
    try (KafkaProducer<String, byte[]> producer = producer()) {
      List<Future<RecordMetadata>> acks = new ArrayList<>();
      for (Letter l : chosen) {
        if (l.sourceTopic() == null) {
          out.printf("skipped %s: no %s header%n", l.eventId(), ORIGINAL_TOPIC);
          continue;
        }
        ProducerRecord<String, byte[]> again =
            new ProducerRecord<>(l.sourceTopic(), l.record().key(), l.record().value());
        for (Header h : l.record().headers()) {
          if (!h.key().startsWith("qiao-dlt-")) {
            again.headers().add(h);
          }
        }
        again.headers().add(REPLAYED_FROM, bytes(position(topic, l)));
        acks.add(producer.send(again));
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get(30, TimeUnit.SECONDS);
      }
      out.printf("replayed %d dead letter(s) from %s%n", acks.size(), topic);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("replay failed: " + e, e);
    }
    if (!missing.isEmpty()) {
      out.printf("not found in %s: %s%n", topic, String.join(", ", missing));
      return 1;
    }
    return 0;
  }

  private static String position(String topic, Letter l) {
    return topic + "-" + l.partition() + "@" + l.offset();
  }

  private List<Letter> read(String topic) {
    List<Letter> letters = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : readAll(topic)) {
      String json = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
      String type = header(r, TYPE);
      letters.add(
          new Letter(
              r.offset(),
              r.partition(),
              Instant.ofEpochMilli(r.timestamp()),
              orDash(TopLevel.string(json, "id")),
              orDash(type != null ? type : TopLevel.string(json, "type")),
              orDash(TopLevel.string(json, "subject")),
              header(r, ORIGINAL_TOPIC),
              orDash(header(r, REASON)),
              r));
    }
    return letters;
  }

  /** Every record of the topic from its beginning to its current end; none when it is missing. */
  List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "qiao-dlt-tool-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
      var infos = c.partitionsFor(topic, Duration.ofSeconds(10));
      if (infos == null || infos.isEmpty()) {
        return List.of();
      }
      List<TopicPartition> partitions =
          infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      c.assign(partitions);
      c.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end in 60 s");
        }
        c.poll(Duration.ofMillis(200)).forEach(all::add);
      }
      return all;
    }
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Reads one top-level string member of a JSON object without a JSON library. */
  static final class TopLevel {
    private TopLevel() {}

    static String string(String json, String name) {
      int depth = 0;
      for (int i = 0; i < json.length(); i++) {
        char c = json.charAt(i);
        if (c == '"') {
          int end = endOfString(json, i);
          if (end < 0) {
            return null;
          }
          if (depth == 1) {
            String key = unescape(json.substring(i + 1, end));
            int j = skipSpace(json, end + 1);
            if (j < json.length() && json.charAt(j) == ':') {
              j = skipSpace(json, j + 1);
              if (key.equals(name)) {
                if (j < json.length() && json.charAt(j) == '"') {
                  int valueEnd = endOfString(json, j);
                  return valueEnd < 0 ? null : unescape(json.substring(j + 1, valueEnd));
                }
                return null;
              }
              i = j - 1;
              continue;
            }
          }
          i = end;
        } else if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          depth--;
        }
      }
      return null;
    }

    private static int endOfString(String json, int start) {
      for (int i = start + 1; i < json.length(); i++) {
        char c = json.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          return i;
        }
      }
      return -1;
    }

    private static int skipSpace(String json, int i) {
      while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
        i++;
      }
      return i;
    }

    private static String unescape(String s) {
      // Ids, types and subjects are plain ASCII; an escape is kept as written.
      return s;
    }
  }
}
