package org.qiao.matching.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.qiao.kit.config.MessagingConfig;
import org.qiao.kit.problem.ProblemException;
import org.qiao.matching.config.PartnersConfig;
import org.qiao.matching.domain.partner.FeedCursor;

/**
 * The partner event log (ADR 0018): every service's topic, read from a {@link FeedCursor} with
 * readers of no consumer group (nothing is committed; the cursor is the position). Partitions are
 * merged by record time; each keeps its order, so one aggregate's events stay in order.
 */
@ApplicationScoped
public class EventLog {

  /** One record of the log, where it is and what it holds (a structured CloudEvent). */
  public record Entry(String topic, int partition, long offset, long timestamp, byte[] value) {}

  /**
   * Records read, in order, and the cursor after the last of them.
   *
   * @param caughtUp whether nothing was left to read when the read ended
   */
  public record Slice(List<Entry> entries, FeedCursor start, FeedCursor next, boolean caughtUp) {

    /** The cursor after the first {@code count} entries: where a reader that took them goes on. */
    public FeedCursor after(int count) {
      if (count == entries.size()) {
        return next;
      }
      Map<String, Long> moved = new TreeMap<>();
      for (Entry e : entries.subList(0, count)) {
        moved.put(FeedCursor.key(e.topic(), e.partition()), e.offset() + 1);
      }
      return start.with(moved);
    }
  }

  /** The cursor names a position the topics no longer keep; {@code oldest} is where they start. */
  public static final class Expired extends RuntimeException {
    public final FeedCursor oldest;

    Expired(FeedCursor oldest) {
      super("the cursor is older than the topics' retention", null, false, false);
      this.oldest = oldest;
    }
  }

  private final List<String> topics;
  private final String bootstrap;
  private final BlockingQueue<KafkaConsumer<String, byte[]>> idle;
  private final AtomicInteger created = new AtomicInteger();
  private final int readers;

  EventLog(MessagingConfig messaging, PartnersConfig partners) {
    List<String> t = new ArrayList<>(messaging.consumer().topics().orElse(List.of()));
    if (!t.contains(messaging.topic())) {
      t.add(messaging.topic());
    }
    this.topics = List.copyOf(t);
    this.bootstrap = messaging.bootstrapServers();
    // The feed's readers and one each for the webhook pump and a redelivery.
    this.readers = partners.feed().readers() + 2;
    this.idle = new ArrayBlockingQueue<>(readers);
  }

  public List<String> topics() {
    return topics;
  }

  /** Where the log starts now: the oldest cursor still served. */
  public FeedCursor oldest() {
    return withReader(
        c -> {
          Map<String, Long> m = new TreeMap<>();
          c.beginningOffsets(partitions(c))
              .forEach((tp, o) -> m.put(FeedCursor.key(tp.topic(), tp.partition()), o));
          return new FeedCursor(new TreeMap<>(m));
        });
  }

  /** Where the log ends now: a cursor that reads only what comes after. */
  public FeedCursor latest() {
    return withReader(
        c -> {
          Map<String, Long> m = new TreeMap<>();
          c.endOffsets(partitions(c))
              .forEach((tp, o) -> m.put(FeedCursor.key(tp.topic(), tp.partition()), o));
          return new FeedCursor(new TreeMap<>(m));
        });
  }

  /**
   * Reads up to {@code max} records after the cursor, waiting at most {@code maxWait} for the
   * broker. Throws {@link Expired} when a partition the cursor names starts after its position.
   */
  public Slice read(FeedCursor from, int max, Duration maxWait) {
    return withReader(c -> read(c, from, max, maxWait));
  }

  private KafkaConsumer<String, byte[]> pumpReader;

  /**
   * The same read on a reader of the webhook pump's own, so that partners polling the feed can
   * never keep webhooks waiting. One pump thread at a time calls it.
   */
  public synchronized Slice readForPump(FeedCursor from, int max, Duration maxWait) {
    if (pumpReader == null) {
      pumpReader = newReader();
    }
    try {
      Slice slice = read(pumpReader, from, max, maxWait);
      pumpReader.unsubscribe();
      return slice;
    } catch (RuntimeException e) {
      pumpReader.close(Duration.ofSeconds(1));
      pumpReader = null;
      throw e;
    }
  }

  private Slice read(KafkaConsumer<String, byte[]> c, FeedCursor from, int max, Duration maxWait) {
    List<TopicPartition> all = partitions(c);
    Map<TopicPartition, Long> begin = c.beginningOffsets(all);
    Map<TopicPartition, Long> end = c.endOffsets(all);
    Map<TopicPartition, Long> start = new HashMap<>();
    boolean expired = false;
    for (TopicPartition tp : all) {
      long b = begin.get(tp);
      long position = from.offset(tp.topic(), tp.partition()).orElse(b);
      if (position < b) {
        expired = true;
      }
      start.put(tp, Math.min(position, end.get(tp)));
    }
    if (expired) {
      Map<String, Long> m = new TreeMap<>();
      begin.forEach((tp, o) -> m.put(FeedCursor.key(tp.topic(), tp.partition()), o));
      throw new Expired(new FeedCursor(new TreeMap<>(m)));
    }
    List<TopicPartition> pending = new ArrayList<>();
    for (TopicPartition tp : all) {
      if (start.get(tp) < end.get(tp)) {
        pending.add(tp);
      }
    }
    Map<TopicPartition, List<Entry>> fetched = new HashMap<>();
    if (!pending.isEmpty()) {
      c.assign(pending);
      pending.forEach(tp -> c.seek(tp, start.get(tp)));
      long deadline = System.nanoTime() + maxWait.toNanos();
      int total = 0;
      while (total < max && !reachedEnd(c, pending, end)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        ConsumerRecords<String, byte[]> polled;
        try {
          polled = c.poll(Duration.ofNanos(left));
        } catch (InvalidOffsetException e) {
          // Retention deleted records between the check above and the fetch.
          c.unsubscribe();
          Map<String, Long> m = new TreeMap<>();
          c.beginningOffsets(all)
              .forEach((tp, o) -> m.put(FeedCursor.key(tp.topic(), tp.partition()), o));
          throw new Expired(new FeedCursor(new TreeMap<>(m)));
        }
        for (ConsumerRecord<String, byte[]> r : polled) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          fetched
              .computeIfAbsent(tp, k -> new ArrayList<>())
              .add(new Entry(r.topic(), r.partition(), r.offset(), r.timestamp(), r.value()));
          total++;
        }
      }
      c.unsubscribe();
    }
    // Merge the partitions by record time, each in its own order.
    PriorityQueue<Cursor> heads =
        new PriorityQueue<>(
            (a, b) -> {
              int t = Long.compare(a.head().timestamp(), b.head().timestamp());
              if (t != 0) {
                return t;
              }
              int n = a.head().topic().compareTo(b.head().topic());
              return n != 0 ? n : Integer.compare(a.head().partition(), b.head().partition());
            });
    fetched.values().forEach(list -> heads.add(new Cursor(list)));
    List<Entry> out = new ArrayList<>();
    Map<String, Long> next = new TreeMap<>();
    start.forEach((tp, o) -> next.put(FeedCursor.key(tp.topic(), tp.partition()), o));
    while (out.size() < max && !heads.isEmpty()) {
      Cursor h = heads.poll();
      Entry e = h.head();
      out.add(e);
      next.put(FeedCursor.key(e.topic(), e.partition()), e.offset() + 1);
      if (h.advance()) {
        heads.add(h);
      }
    }
    boolean caughtUp = true;
    for (TopicPartition tp : all) {
      if (next.get(FeedCursor.key(tp.topic(), tp.partition())) < end.get(tp)) {
        caughtUp = false;
        break;
      }
    }
    Map<String, Long> begun = new TreeMap<>();
    start.forEach((tp, o) -> begun.put(FeedCursor.key(tp.topic(), tp.partition()), o));
    return new Slice(
        out, new FeedCursor(new TreeMap<>(begun)), new FeedCursor(new TreeMap<>(next)), caughtUp);
  }

  private static boolean reachedEnd(
      KafkaConsumer<String, byte[]> c,
      Collection<TopicPartition> pending,
      Map<TopicPartition, Long> end) {
    for (TopicPartition tp : pending) {
      if (c.position(tp) < end.get(tp)) {
        return false;
      }
    }
    return true;
  }

  private static final class Cursor {
    private final List<Entry> entries;
    private int i;

    Cursor(List<Entry> entries) {
      this.entries = entries;
    }

    Entry head() {
      return entries.get(i);
    }

    boolean advance() {
      return ++i < entries.size();
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c) {
    List<TopicPartition> all = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
      if (infos != null) {
        infos.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
      }
    }
    return all;
  }

  private interface ReaderCall<T> {
    T apply(KafkaConsumer<String, byte[]> c);
  }

  private <T> T withReader(ReaderCall<T> call) {
    KafkaConsumer<String, byte[]> c = borrow();
    boolean healthy = false;
    try {
      T result = call.apply(c);
      healthy = true;
      return result;
    } finally {
      // Unassigned before it is offered: another thread may borrow it the moment it is back.
      if (healthy) {
        c.unsubscribe();
      }
      if (!healthy || !idle.offer(c)) {
        created.decrementAndGet();
        c.close(Duration.ofSeconds(1));
      }
    }
  }

  private KafkaConsumer<String, byte[]> borrow() {
    KafkaConsumer<String, byte[]> c = idle.poll();
    if (c != null) {
      return c;
    }
    if (created.incrementAndGet() <= readers) {
      return newReader();
    }
    created.decrementAndGet();
    try {
      c = idle.poll(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for a topic reader", e);
    }
    if (c == null) {
      // Every reader is busy with other partners' reads: come back shortly, not a 500.
      throw new ProblemException(
              503,
              "busy",
              "Service busy",
              "Every reader of the event log is busy; retry after a second",
              List.of())
          .withHeader("Retry-After", "1");
    }
    return c;
  }

  private KafkaConsumer<String, byte[]> newReader() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // A position the log no longer holds is an error (the cursor expired), never a silent jump.
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "partner-log-" + System.identityHashCode(p));
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }

  void onStop(@Observes ShutdownEvent event) {
    synchronized (this) {
      if (pumpReader != null) {
        pumpReader.close(Duration.ofSeconds(1));
        pumpReader = null;
      }
    }
    KafkaConsumer<String, byte[]> c;
    while ((c = idle.poll()) != null) {
      c.close(Duration.ofSeconds(1));
    }
  }
}
