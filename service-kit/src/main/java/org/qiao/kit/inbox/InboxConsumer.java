package org.qiao.kit.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.qiao.kit.config.FatalErrors;
import org.qiao.kit.config.KafkaClients;
import org.qiao.kit.config.MessagingConfig;
import org.qiao.kit.config.SupervisedLoop;
import org.qiao.kit.db.Failures;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.events.EventSchemas;
import org.qiao.kit.events.InvalidEventException;
import org.qiao.kit.problem.Causes;
import org.qiao.kit.tracing.EventTracing;

/**
 * Consumes the subscribed topics with plain kafka-clients. Events are applied by their {@link
 * EventHandler} in the transaction that records them in the inbox (all events of a poll together
 * when they are all valid, else one by one); offsets are committed only after that. A record that
 * can never be applied goes to the dead-letter topic with the reason in headers, and consumption
 * carries on. A transient failure (database or broker unreachable) rewinds and retries with backoff
 * for as long as it lasts; a failure of unknown kind is retried {@value #MAX_ATTEMPTS_UNKNOWN}
 * times, then dead-lettered, so one bad record cannot stop a partition.
 *
 * <p>Except for the types a handler declares {@linkplain EventHandler#neverDeadLettered() never
 * dead-lettered} (a forget event): such a record is retried, with backoff, until it applies. While
 * it fails its partition is paused (the later events of the partition wait behind it, in order;
 * other partitions flow) and {@link #stalledPartitions()} names it for the readiness check.
 */
@ApplicationScoped
public class InboxConsumer {

  public static final String DLT_REASON = "qiao-dlt-reason";
  public static final String DLT_TOPIC = "qiao-dlt-original-topic";
  public static final String DLT_PARTITION = "qiao-dlt-original-partition";
  public static final String DLT_OFFSET = "qiao-dlt-original-offset";
  public static final String DLT_CONSUMER = "qiao-dlt-consumer";

  private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

  /** Dead letters per source topic (qiao_inbox_dead_letters_total{topic=…}). */
  static final String DEAD_LETTERS = "qiao.inbox.dead.letters";

  /**
   * How often a failure of unknown kind is retried before the record is dead-lettered: with the
   * backoff capped at a few seconds, minutes of retrying, enough to ride out a passing fault.
   */
  static final int MAX_ATTEMPTS_UNKNOWN = 60;

  private final Map<String, Integer> attempts = new HashMap<>();

  private final MessagingConfig config;
  private final Inbox inbox;
  private final Map<String, EventHandler> handlers = new HashMap<>();
  private final Set<String> neverDeadLettered = new HashSet<>();

  /** Partitions paused behind an event that must be applied and failed; read by health checks. */
  private final Map<TopicPartition, StalledPartition> stalls = new ConcurrentHashMap<>();

  private final Counter applied;
  private final EventTracing tracing;
  private final MeterRegistry registry;

  private volatile boolean running;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private List<String> topics;
  private SupervisedLoop loop;
  private KafkaProducer<String, byte[]> deadLetterProducer;

  InboxConsumer(
      MessagingConfig config,
      Inbox inbox,
      @Any Instance<EventHandler> handlerBeans,
      MeterRegistry registry,
      EventTracing tracing) {
    this.config = config;
    this.tracing = tracing;
    this.registry = registry;
    this.inbox = inbox;
    for (EventHandler handler : handlerBeans) {
      for (String type : handler.types()) {
        EventHandler previous = handlers.put(type, handler);
        if (previous != null) {
          throw new IllegalStateException("two handlers for " + type);
        }
      }
      for (String type : handler.neverDeadLettered()) {
        if (!handler.types().contains(type)) {
          throw new IllegalStateException(
              handler.getClass().getName()
                  + " declares "
                  + type
                  + " never dead-lettered"
                  + " but does not apply it");
        }
        neverDeadLettered.add(type);
      }
    }
    this.applied = registry.counter("qiao.inbox.applied");
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
      // At 0 from the start: an alert on its increase must see the first dead letter too.
      registry.counter(DEAD_LETTERS, "topic", topic);
    }
    // Another service's topic missing yet is created with the platform's retention, but its
    // owner sets it; the dead-letter topic is this service's own (ADR 0011).
    MessagingConfig.Retention retention = config.retention();
    KafkaClients.ensureTopics(
        config.bootstrapServers(),
        topics,
        config.partitions(),
        config.replicationFactor(),
        KafkaClients.deletedAfter(retention.events(), retention.segment()),
        false);
    KafkaClients.ensureTopics(
        config.bootstrapServers(),
        List.of(c.deadLetterTopicName()),
        config.partitions(),
        config.replicationFactor(),
        KafkaClients.deletedAfter(retention.deadLetters(), retention.segment()),
        true);
    this.topics = List.copyOf(topics);
    running = true;
    loop = new SupervisedLoop("inbox-consumer", this::run, config.supervision());
    loop.start();
  }

  /** One life of the consumer thread: a fresh KafkaConsumer, from the committed offsets. */
  private void run() {
    // A new consumer fetches every partition again: a stuck event is met (and reported) anew.
    stalls.clear();
    attempts.clear();
    KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(
            KafkaClients.consumer(config.bootstrapServers(), config.consumer().groupId()));
    c.subscribe(topics, new ForgetStallsOfRevokedPartitions());
    consumer = c;
    // The consumer's own metrics, lag per partition among them
    // (kafka_consumer_fetch_manager_records_lag), for as long as this consumer lives.
    try (KafkaClientMetrics metrics = new KafkaClientMetrics(c)) {
      metrics.bindTo(registry);
      loop();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (loop != null) {
      loop.stop(Duration.ofSeconds(10));
    }
    if (deadLetterProducer != null) {
      deadLetterProducer.close(Duration.ofSeconds(2));
    }
  }

  /**
   * A partition waiting behind an event that must be applied (never dead-lettered) and failed.
   *
   * @param attempts how often it failed so far
   * @param since when it first failed
   * @param error the last failure
   */
  public record StalledPartition(
      String topic,
      int partition,
      long offset,
      String eventId,
      String eventType,
      int attempts,
      Instant since,
      String error,
      long retryAtMillis) {

    /** One line for a health report or a log. */
    public String describe() {
      return String.format(
          "event %s (%s) at %s-%d@%d not applied after %d attempt(s) since %s: %s",
          eventId, eventType, topic, partition, offset, attempts, since, error);
    }
  }

  /** Partitions that wait behind an event that must be applied; empty when all flow. */
  public List<StalledPartition> stalledPartitions() {
    return stalls.values().stream()
        .sorted(Comparator.comparing(StalledPartition::topic).thenComparing(s -> s.partition()))
        .toList();
  }

  /** Whether the consumer is doing its job: not configured, or its thread is alive. */
  public boolean isAlive() {
    return loop == null || loop.isAlive();
  }

  /** The supervised consumer thread, for the liveness check; empty when no consumer runs. */
  public java.util.Optional<SupervisedLoop> supervision() {
    return java.util.Optional.ofNullable(loop);
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
          FatalErrors.rethrowError(e);
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
    resumeStalledPartitionsDue();
    ConsumerRecords<String, byte[]> records = consumer.poll(config.consumer().pollTimeout());
    if (records.isEmpty()) {
      return backoffMs;
    }
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    if (applyTogether(records)) {
      records.forEach(r -> markDone(done, r));
      consumer.commitSync(done);
      done.forEach((tp, next) -> unstallIfPast(tp, next.offset()));
      return 0;
    }
    Set<TopicPartition> stalledNow = new HashSet<>();
    try {
      for (ConsumerRecord<String, byte[]> record : records) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        if (stalledNow.contains(tp)) {
          continue; // behind an event that must be applied first: fetched again after it
        }
        try {
          process(record);
        } catch (MustBeApplied stuck) {
          stall(tp, record, stuck);
          stalledNow.add(tp);
          continue;
        }
        attempts.remove(position(record));
        markDone(done, record);
        unstallIfPast(tp, record.offset() + 1);
      }
      return 0;
    } catch (RuntimeException e) {
      for (TopicPartition tp : records.partitions()) {
        if (stalledNow.contains(tp)) {
          continue; // already rewound to its stuck event and paused
        }
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

  /**
   * Rewinds the partition to the event that must be applied and pauses it until its next attempt,
   * backing off as for any retry; the other partitions go on.
   */
  private void stall(TopicPartition tp, ConsumerRecord<String, byte[]> record, MustBeApplied e) {
    StalledPartition before = stalls.get(tp);
    boolean same = before != null && before.offset() == record.offset();
    int attempt = same ? before.attempts() + 1 : 1;
    long wait =
        Math.min(
            config.consumer().maxBackoff().toMillis(),
            100L << Math.min(attempt - 1, 20)); // 100 ms, doubling, capped
    StalledPartition now =
        new StalledPartition(
            tp.topic(),
            tp.partition(),
            record.offset(),
            e.eventId,
            e.eventType,
            attempt,
            same ? before.since() : Instant.now(),
            e.getMessage(),
            System.currentTimeMillis() + wait);
    stalls.put(tp, now);
    consumer.seek(tp, record.offset());
    consumer.pause(List.of(tp));
    LOG.errorf(
        "Partition paused: %s (must never be dead-lettered; retrying in %d ms)",
        now.describe(), wait);
  }

  private void resumeStalledPartitionsDue() {
    if (stalls.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis();
    Set<TopicPartition> paused = consumer.paused();
    List<TopicPartition> due = new ArrayList<>();
    for (var entry : stalls.entrySet()) {
      if (entry.getValue().retryAtMillis() <= now && paused.contains(entry.getKey())) {
        due.add(entry.getKey());
      }
    }
    if (!due.isEmpty()) {
      consumer.resume(due);
    }
  }

  /** The stuck event of a stalled partition applied: it flows again. */
  private void unstallIfPast(TopicPartition tp, long nextOffset) {
    StalledPartition s = stalls.get(tp);
    if (s != null && nextOffset > s.offset()) {
      stalls.remove(tp);
      LOG.infof(
          "Partition %s flows again: event %s (%s) applied after %d failed attempt(s)",
          tp, s.eventId(), s.eventType(), s.attempts());
    }
  }

  /** A partition that moved to another instance is no longer this one's to report. */
  private final class ForgetStallsOfRevokedPartitions implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      partitions.forEach(stalls::remove);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      partitions.forEach(stalls::remove);
    }
  }

  /** An event that must never be dead-lettered failed: its partition waits for it. */
  private static final class MustBeApplied extends RuntimeException {
    final String eventId;
    final String eventType;

    MustBeApplied(String eventId, String eventType, String reason, Throwable cause) {
      super(reason, cause, false, false);
      this.eventId = eventId;
      this.eventType = eventType;
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
    List<ConsumerRecord<String, byte[]>> carried = new ArrayList<>(records.count());
    List<Span> spans = new ArrayList<>();
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
        carried.add(record);
      }
      if (events.isEmpty()) {
        return true; // nothing here for this service: no transaction to open
      }
      // Each traced event's trace shows it processed (together with the others of the poll).
      for (int i = 0; i < events.size(); i++) {
        spans.add(
            tracing.processing(
                events.get(i),
                carried.get(i).headers(),
                carried.get(i).topic(),
                config.consumer().groupId()));
      }
      int count =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    List<CloudEvent> fresh =
                        inbox.firstDeliveries(config.consumer().groupId(), events);
                    // Runs of consecutive events of one type go to their handler together, in
                    // order, so it can read and write what they touch in a few statements; the
                    // context is clean at each run's start (a forget's bulk delete, say, leaves
                    // no stale entity for the next run).
                    int from = 0;
                    while (from < fresh.size()) {
                      String type = fresh.get(from).type();
                      int to = from + 1;
                      while (to < fresh.size() && fresh.get(to).type().equals(type)) {
                        to++;
                      }
                      handlers.get(type).handleAll(fresh.subList(from, to));
                      inbox.settle();
                      from = to;
                    }
                    return fresh.size();
                  });
      applied.increment(count);
      EventTracing.end(spans, null);
      return true;
    } catch (RuntimeException e) {
      // The events are taken again one by one, each under a span of its own.
      EventTracing.end(spans, e);
      FatalErrors.rethrowError(e);
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
    String type = headerType(record);
    return type != null && EventSchemas.isKnown(type) && !handlers.containsKey(type);
  }

  private static String headerType(ConsumerRecord<String, byte[]> record) {
    var header = record.headers().lastHeader(CloudEvent.TYPE_HEADER);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private void process(ConsumerRecord<String, byte[]> record) {
    if (forOthers(record)) {
      return;
    }
    CloudEvent event = null;
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
      // The type from the document, or from the header when the document is unreadable.
      String type = event != null ? event.type() : headerType(record);
      if (type != null && neverDeadLettered.contains(type)) {
        throw new MustBeApplied(
            event != null ? event.id() : "(unreadable)", type, e.getMessage(), e);
      }
      deadLetter(record, e.getMessage());
      return;
    }
    applyOne(record, event);
  }

  private void applyOne(ConsumerRecord<String, byte[]> record, CloudEvent event) {
    EventHandler handler = handlers.get(event.type());
    Span span =
        tracing.processing(event, record.headers(), record.topic(), config.consumer().groupId());
    RuntimeException failure = null;
    // Current while the handler runs: the events it records continue this trace.
    try (Scope scope = span == null ? Scope.noop() : span.makeCurrent()) {
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
      failure = e;
      if (neverDeadLettered.contains(event.type())) {
        throw new MustBeApplied(event.id(), event.type(), e.getMessage(), e);
      }
      deadLetter(record, e.getMessage());
    } catch (RuntimeException e) {
      failure = e;
      FatalErrors.rethrowError(e);
      Failures.Kind kind = Failures.classify(e);
      if (kind != Failures.Kind.TRANSIENT && neverDeadLettered.contains(event.type())) {
        throw new MustBeApplied(event.id(), event.type(), Causes.describeRoot(e), e);
      }
      switch (kind) {
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
    } finally {
      EventTracing.end(java.util.Collections.singletonList(span), failure);
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
      registry.counter(DEAD_LETTERS, "topic", record.topic()).increment();
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
