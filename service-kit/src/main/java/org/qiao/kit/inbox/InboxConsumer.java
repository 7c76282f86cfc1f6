package org.qiao.kit.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.qiao.kit.config.KafkaClients;
import org.qiao.kit.config.MessagingConfig;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.events.EventSchemas;
import org.qiao.kit.events.InvalidEventException;
import org.qiao.kit.problem.Causes;

/**
 * Consumes the subscribed topics with plain kafka-clients. Events are applied by their {@link
 * EventHandler} in the transaction that records them in the inbox (all events of a poll together
 * when they are all valid, else one by one); offsets are committed only after that. A record that
 * can never be applied goes to the dead-letter topic with the reason in headers, and consumption
 * carries on. A transient failure (database or broker unreachable) rewinds and retries with backoff
 * for as long as it lasts; a failure of unknown kind is retried {@value #MAX_ATTEMPTS_UNKNOWN}
 * times, then dead-lettered, so one bad record cannot stop a partition.
 */
@ApplicationScoped
public class InboxConsumer {

  public static final String DLT_REASON = "qiao-dlt-reason";
  public static final String DLT_TOPIC = "qiao-dlt-original-topic";
  public static final String DLT_PARTITION = "qiao-dlt-original-partition";
  public static final String DLT_OFFSET = "qiao-dlt-original-offset";
  public static final String DLT_CONSUMER = "qiao-dlt-consumer";

  private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

  /**
   * How often a failure of unknown kind is retried before the record is dead-lettered: with the
   * backoff capped at a few seconds, minutes of retrying, enough to ride out a passing fault.
   */
  static final int MAX_ATTEMPTS_UNKNOWN = 60;

  private final Map<String, Integer> attempts = new HashMap<>();

  private final MessagingConfig config;
  private final Inbox inbox;
  private final Map<String, EventHandler> handlers = new HashMap<>();
  private final Counter applied;
  private final Counter deadLettered;

  private volatile boolean running;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private Thread thread;
  private KafkaProducer<String, byte[]> deadLetterProducer;

  InboxConsumer(
      MessagingConfig config,
      Inbox inbox,
      @Any Instance<EventHandler> handlerBeans,
      MeterRegistry registry) {
    this.config = config;
    this.inbox = inbox;
    for (EventHandler handler : handlerBeans) {
      for (String type : handler.types()) {
        EventHandler previous = handlers.put(type, handler);
        if (previous != null) {
          throw new IllegalStateException("two handlers for " + type);
        }
      }
    }
    this.applied = registry.counter("qiao.inbox.applied");
    this.deadLettered = registry.counter("qiao.inbox.dead-lettered");
  }

  void onStart(@Observes StartupEvent event) {
    MessagingConfig.Consumer c = config.consumer();
    List<String> topics = c.topics().orElse(List.of());
    if (!c.enabled() || topics.isEmpty()) {
      return;
    }
    for (String topic : topics) {
      // A typo here would silently subscribe to nothing useful: refuse to start instead.
      if (!topic.matches("[A-Za-z0-9._-]{1,249}")) {
        throw new IllegalStateException(
            "qiao.messaging.consumer.topics: '" + topic + "' is not a Kafka topic name");
      }
    }
    List<String> all = new ArrayList<>(topics);
    all.add(c.deadLetterTopicName());
    KafkaClients.ensureTopics(
        config.bootstrapServers(), all, config.partitions(), config.replicationFactor());
    consumer = new KafkaConsumer<>(KafkaClients.consumer(config.bootstrapServers(), c.groupId()));
    consumer.subscribe(topics);
    running = true;
    thread = new Thread(this::loop, "inbox-consumer");
    thread.setDaemon(true);
    thread.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (deadLetterProducer != null) {
      deadLetterProducer.close(Duration.ofSeconds(2));
    }
  }

  /** Whether the consumer is doing its job: not configured, or its thread is alive. */
  public boolean isAlive() {
    return thread == null || thread.isAlive();
  }

  private void loop() {
    long backoffMs = 0;
    try {
      while (running) {
        try {
          backoffMs = pollAndApply(backoffMs);
        } catch (WakeupException e) {
          if (running) {
            LOG.warn("Unexpected wake-up of the inbox consumer; continuing");
          }
        } catch (RuntimeException e) {
          // Commit failures, rebalances, broker trouble: whatever was not committed is delivered
          // again and the inbox makes that harmless. The thread must not die of it.
          backoffMs = backoff(backoffMs);
          LOG.warnf("Kafka trouble in the inbox consumer, retrying in %d ms: %s", backoffMs, e);
          sleep(backoffMs);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private long pollAndApply(long backoffMs) throws InterruptedException {
    ConsumerRecords<String, byte[]> records = consumer.poll(config.consumer().pollTimeout());
    if (records.isEmpty()) {
      return backoffMs;
    }
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    if (applyTogether(records)) {
      records.forEach(r -> markDone(done, r));
      consumer.commitSync(done);
      return 0;
    }
    try {
      for (ConsumerRecord<String, byte[]> record : records) {
        process(record);
        attempts.remove(position(record));
        done.put(
            new TopicPartition(record.topic(), record.partition()),
            new OffsetAndMetadata(record.offset() + 1));
      }
      return 0;
    } catch (RuntimeException e) {
      for (TopicPartition tp : records.partitions()) {
        OffsetAndMetadata next = done.get(tp);
        consumer.seek(tp, next != null ? next.offset() : records.records(tp).get(0).offset());
      }
      long wait = backoff(backoffMs);
      LOG.warnf(e, "Event processing failed, retrying in %d ms", wait);
      sleep(wait);
      return wait;
    } finally {
      if (!done.isEmpty()) {
        consumer.commitSync(done);
      }
    }
  }

  private static void markDone(
      Map<TopicPartition, OffsetAndMetadata> done, ConsumerRecord<String, byte[]> record) {
    done.put(
        new TopicPartition(record.topic(), record.partition()),
        new OffsetAndMetadata(record.offset() + 1));
  }

  /**
   * The fast path: when every record of a poll is a valid event, applies them all in one
   * transaction (one commit instead of one per event). Returns false, having changed nothing, when
   * a record is invalid or anything fails; the caller then takes the records one by one, which
   * dead-letters or retries each as it deserves.
   */
  private boolean applyTogether(ConsumerRecords<String, byte[]> records) {
    List<CloudEvent> events = new ArrayList<>(records.count());
    try {
      for (ConsumerRecord<String, byte[]> record : records) {
        if (forOthers(record)) {
          continue;
        }
        CloudEvent event = EventCodec.decode(record.value());
        if (!EventSchemas.isKnown(event.type())) {
          return false;
        }
        if (!handlers.containsKey(event.type())) {
          continue; // another service's concern: no need to check data this service never reads
        }
        if (!EventSchemas.violations(event).isEmpty()) {
          return false;
        }
        events.add(event);
      }
      if (events.isEmpty()) {
        return true; // nothing here for this service: no transaction to open
      }
      int count =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    int appliedNow = 0;
                    for (CloudEvent event : events) {
                      EventHandler handler = handlers.get(event.type());
                      if (handler != null
                          && inbox.firstDelivery(config.consumer().groupId(), event)) {
                        handler.handle(event);
                        appliedNow++;
                      }
                    }
                    return appliedNow;
                  });
      applied.increment(count);
      return true;
    } catch (RuntimeException e) {
      LOG.debugf(
          "Applying %d records together failed, taking them one by one: %s", records.count(), e);
      return false;
    }
  }

  private long backoff(long previousMs) {
    return Math.min(config.consumer().maxBackoff().toMillis(), Math.max(100, previousMs * 2));
  }

  /**
   * A record whose ce_type header names a known type no handler here applies: passed over unparsed
   * (a 258,000-row import publishes as many profile events, most services read none of them).
   */
  private boolean forOthers(ConsumerRecord<String, byte[]> record) {
    var header = record.headers().lastHeader(CloudEvent.TYPE_HEADER);
    if (header == null) {
      return false;
    }
    String type = new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    return EventSchemas.isKnown(type) && !handlers.containsKey(type);
  }

  private void process(ConsumerRecord<String, byte[]> record) {
    if (forOthers(record)) {
      return;
    }
    CloudEvent event;
    try {
      event = EventCodec.decode(record.value());
      if (!EventSchemas.isKnown(event.type())) {
        throw new InvalidEventException("unknown event type " + event.type());
      }
      if (!handlers.containsKey(event.type())) {
        return;
      }
      EventSchemas.requireValid(event);
    } catch (InvalidEventException e) {
      deadLetter(record, e.getMessage());
      return;
    }
    EventHandler handler = handlers.get(event.type());
    try {
      boolean first =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    if (!inbox.firstDelivery(config.consumer().groupId(), event)) {
                      return false;
                    }
                    handler.handle(event);
                    return true;
                  });
      if (first) {
        applied.increment();
      } else {
        LOG.debugf("Event %s (%s) already processed, skipped", event.id(), event.type());
      }
    } catch (InvalidEventException e) {
      deadLetter(record, e.getMessage());
    } catch (RuntimeException e) {
      switch (Failures.classify(e)) {
        case TRANSIENT -> throw e;
        case PERMANENT -> deadLetter(record, "cannot be applied: " + Causes.describeRoot(e));
        case UNKNOWN -> {
          int attempt = attempts.merge(position(record), 1, Integer::sum);
          if (attempt < MAX_ATTEMPTS_UNKNOWN) {
            throw e;
          }
          attempts.remove(position(record));
          deadLetter(record, "failed " + attempt + " times: " + Causes.describeRoot(e));
        }
      }
    }
  }

  private static String position(ConsumerRecord<?, ?> r) {
    return r.topic() + "-" + r.partition() + "@" + r.offset();
  }

  private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
    LOG.warnf(
        "Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
    ProducerRecord<String, byte[]> out =
        new ProducerRecord<>(config.consumer().deadLetterTopicName(), record.key(), record.value());
    record.headers().forEach(h -> out.headers().add(h));
    out.headers()
        .add(DLT_REASON, bytes(reason))
        .add(DLT_TOPIC, bytes(record.topic()))
        .add(DLT_PARTITION, bytes(Integer.toString(record.partition())))
        .add(DLT_OFFSET, bytes(Long.toString(record.offset())))
        .add(DLT_CONSUMER, bytes(config.consumer().groupId()));
    try {
      deadLetterProducer().send(out).get(15, TimeUnit.SECONDS);
      deadLettered.increment();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while dead-lettering", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("dead-letter topic unreachable", e);
    }
  }

  private synchronized KafkaProducer<String, byte[]> deadLetterProducer() {
    if (deadLetterProducer == null) {
      deadLetterProducer =
          KafkaClients.producer(config.bootstrapServers(), config.consumer().groupId() + "-dlt");
    }
    return deadLetterProducer;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void sleep(long ms) throws InterruptedException {
    Thread.sleep(ms);
  }
}
