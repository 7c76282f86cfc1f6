package org.qiao.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.qiao.kit.config.FatalErrors;
import org.qiao.kit.config.KafkaClients;
import org.qiao.kit.config.MessagingConfig;
import org.qiao.kit.config.SupervisedLoop;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.problem.Causes;
import org.qiao.kit.tracing.EventTracing;

/**
 * Publishes committed outbox rows to Kafka in the order they were written ({@code seq}), on its own
 * thread, never on a request. Rows of one aggregate are written in the order of its changes (each
 * change bumps the aggregate's version, so concurrent changes cannot both commit). A row is marked
 * published only after the broker acknowledged it (acks=all), in the same transaction that read it;
 * a failure rolls that back and the batch is sent again after a backoff, so delivery is at least
 * once and consumers dedupe by event id. A PostgreSQL advisory lock lets only one instance of a
 * service relay at a time, which keeps each aggregate's order.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  /** Advisory lock id of the relay (any constant unique within the service's database). */
  private static final long RELAY_LOCK = 0x51_41_4F_5F_52_45_4CL;

  private final EntityManager em;
  private final MessagingConfig config;
  private final Counter published;
  private final Counter failures;

  private volatile boolean running;
  private SupervisedLoop loop;
  private KafkaProducer<String, byte[]> producer;

  private final OutboxSignal signal;
  private final EventTracing tracing;

  OutboxRelay(
      EntityManager em,
      MessagingConfig config,
      MeterRegistry registry,
      OutboxSignal signal,
      EventTracing tracing) {
    this.signal = signal;
    this.tracing = tracing;
    this.em = em;
    this.config = config;
    this.published = registry.counter("qiao.outbox.published");
    this.failures = registry.counter("qiao.outbox.failures");
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.relay().enabled()) {
      LOG.info("Outbox relay disabled by configuration");
      return;
    }
    // The service owns its topic: it sets the retention decided in configuration (ADR 0011).
    KafkaClients.ensureTopics(
        config.bootstrapServers(),
        List.of(config.topic()),
        config.partitions(),
        config.replicationFactor(),
        KafkaClients.deletedAfter(config.retention().events(), config.retention().segment()),
        true);
    running = true;
    loop = new SupervisedLoop("outbox-relay", this::loop, config.supervision());
    loop.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    running = false;
    if (loop != null) {
      loop.stop(Duration.ofSeconds(10));
    }
    closeProducer();
  }

  /** Whether the relay is doing its job: disabled, or its thread is alive. */
  public boolean isAlive() {
    return loop == null || loop.isAlive();
  }

  /** The supervised relay thread, for the liveness check; empty when the relay is disabled. */
  public java.util.Optional<SupervisedLoop> supervision() {
    return java.util.Optional.ofNullable(loop);
  }

  private void loop() {
    long backoffMs = 0;
    // A relay started again after an Error must not reuse a producer in an unknown state.
    closeProducer();
    while (running) {
      try {
        int sent = relayBatch();
        backoffMs = 0;
        if (sent < config.relay().batchSize()) {
          signal.await(config.relay().pollInterval());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        FatalErrors.rethrowError(e);
        failures.increment();
        closeProducer();
        backoffMs = Math.min(config.relay().maxBackoff().toMillis(), Math.max(100, backoffMs * 2));
        LOG.warnf("Outbox relay failed, retrying in %d ms: %s", backoffMs, Causes.describeRoot(e));
        try {
          Thread.sleep(backoffMs);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Sends one batch and marks it published; returns how many rows it sent. */
  int relayBatch() {
    return QuarkusTransaction.requiringNew().timeout(60).call(this::sendPending);
  }

  @SuppressWarnings("unchecked")
  private int sendPending() {
    Boolean locked =
        (Boolean)
            em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK)
                .getSingleResult();
    if (!locked) {
      return 0;
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, topic, aggregate_id, payload, event_type, traceparent, tracestate"
                    + " from outbox_event"
                    + " where published_at is null order by seq limit ?1")
            .setParameter(1, config.relay().batchSize())
            .getResultList();
    if (rows.isEmpty()) {
      return 0;
    }
    KafkaProducer<String, byte[]> p = producer();
    // Fails fast (max.block.ms) while the broker is unreachable, instead of blocking every send.
    rows.stream().map(row -> (String) row[1]).distinct().forEach(p::partitionsFor);
    List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
    List<UUID> ids = new ArrayList<>(rows.size());
    List<Span> spans = new ArrayList<>();
    try {
      send(p, rows, acks, ids, spans);
    } catch (RuntimeException e) {
      EventTracing.end(spans, e);
      throw e;
    }
    EventTracing.end(spans, null);
    em.createNativeQuery("update outbox_event set published_at = now() where id in (?1)")
        .setParameter(1, ids)
        .executeUpdate();
    published.increment(rows.size());
    return rows.size();
  }

  /** Sends the rows, each under a producer span when it was recorded under a trace; awaits acks. */
  private void send(
      KafkaProducer<String, byte[]> p,
      List<Object[]> rows,
      List<Future<RecordMetadata>> acks,
      List<UUID> ids,
      List<Span> spans) {
    for (Object[] row : rows) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(
              (String) row[1], (String) row[2], ((String) row[3]).getBytes(StandardCharsets.UTF_8));
      record
          .headers()
          .add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))
          // The type beside the document, so a consumer can pass over other services' events
          // without parsing them (CloudEvents Kafka binding's ce_ prefix).
          .add(CloudEvent.TYPE_HEADER, ((String) row[4]).getBytes(StandardCharsets.UTF_8));
      spans.add(
          tracing.publishing(
              (String) row[5],
              (String) row[6],
              (String) row[1],
              row[0].toString(),
              (String) row[4],
              record.headers()));
      acks.add(p.send(record));
      ids.add((UUID) row[0]);
    }
    p.flush();
    for (Future<RecordMetadata> ack : acks) {
      try {
        ack.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while awaiting broker acknowledgement", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("broker did not acknowledge an outbox event", e.getCause());
      }
    }
  }

  private synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      producer =
          KafkaClients.producer(config.bootstrapServers(), config.source() + "-outbox-relay");
    }
    return producer;
  }

  /** A failed producer is replaced: a fresh one starts a clean idempotence session. */
  private synchronized void closeProducer() {
    if (producer != null) {
      try {
        producer.close(Duration.ofSeconds(2));
      } catch (RuntimeException e) {
        LOG.debug("closing producer", e);
      }
      producer = null;
    }
  }
}
