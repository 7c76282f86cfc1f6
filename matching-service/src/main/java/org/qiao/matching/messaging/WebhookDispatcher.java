package org.qiao.matching.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.qiao.kit.cluster.ClusterLock;
import org.qiao.kit.cluster.ClusterLocks;
import org.qiao.kit.config.FatalErrors;
import org.qiao.kit.config.MessagingConfig;
import org.qiao.kit.config.SupervisedLoop;
import org.qiao.kit.metrics.DatabaseGauges;
import org.qiao.matching.config.PartnersConfig;
import org.qiao.matching.domain.partner.WebhookSignature;
import org.qiao.matching.domain.partner.WebhookUrl;
import org.qiao.matching.service.partner.EndpointGuard;
import org.qiao.matching.service.partner.WebhookFanOut;
import org.qiao.matching.service.partner.WebhookQueue;

/**
 * Delivers webhooks (ADR 0018). The pump loop fans new events of the partner log out into the
 * subscriptions' queues; the dispatcher loop hands each due subscription to one worker, which
 * delivers its queue in order until it is empty, an attempt fails or its turn is over. A slow or
 * dead endpoint holds one worker and delays nobody else.
 */
@ApplicationScoped
public class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
  private static final Duration HOUSEKEEPING_EVERY = Duration.ofHours(1);

  /**
   * Messages a worker sends before it records them: fewer commits per delivery; a pause or a
   * deletion takes effect after the run at the latest.
   */
  private static final int RUN = 16;

  private static final Duration TURN = Duration.ofMinutes(1);

  private final WebhookFanOut fanOut;
  private final WebhookQueue queue;
  private final EndpointGuard guard;
  private final PartnersConfig.Webhooks config;
  private final MessagingConfig messaging;
  private final Clock clock;
  private final ClusterLock expiry;
  private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
  private final Object signal = new Object();

  private volatile boolean running;
  private ExecutorService workers;
  private HttpClient http;
  private SupervisedLoop pump;
  private SupervisedLoop dispatcher;

  WebhookDispatcher(
      WebhookFanOut fanOut,
      WebhookQueue queue,
      EndpointGuard guard,
      PartnersConfig config,
      MessagingConfig messaging,
      Clock clock,
      DatabaseGauges gauges,
      ClusterLocks locks) {
    this.expiry = locks.lock("webhook-expiry");
    gauges.register(
        "qiao.webhooks.backlog",
        "webhook messages queued for partners' endpoints, not yet delivered",
        null,
        "select count(*) from webhook_message");
    gauges.register(
        "qiao.webhooks.oldest.queued.age",
        "age of the oldest webhook message not yet delivered (0 when none)",
        "seconds",
        "select coalesce(extract(epoch from now() - min(queued_at)), 0) from webhook_message");
    this.fanOut = fanOut;
    this.queue = queue;
    this.guard = guard;
    this.config = config.webhooks();
    this.messaging = messaging;
    this.clock = clock;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    running = true;
    workers =
        Executors.newFixedThreadPool(
            config.workers(),
            r -> {
              Thread t = new Thread(r, "webhook-worker");
              t.setDaemon(true);
              return t;
            });
    http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            // A redirect could lead anywhere, past the address check: it counts as a failure.
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    try {
      // The first step before the service takes requests: on the very first start it fixes where
      // subscriptions begin (the log's end), so nothing published after the start is skipped.
      fanOut.step(500, Duration.ofMillis(200));
    } catch (RuntimeException e) {
      FatalErrors.rethrowError(e);
      LOG.warnf("The webhook pump's first step failed; its loop tries again: %s", e.toString());
    }
    pump = new SupervisedLoop("webhook-pump", this::pumpLoop, messaging.supervision());
    dispatcher =
        new SupervisedLoop("webhook-dispatcher", this::dispatchLoop, messaging.supervision());
    pump.start();
    dispatcher.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    running = false;
    if (pump != null) {
      pump.stop(Duration.ofSeconds(5));
    }
    if (dispatcher != null) {
      dispatcher.stop(Duration.ofSeconds(5));
    }
    if (workers != null) {
      workers.shutdownNow();
    }
  }

  private void pumpLoop() throws InterruptedException {
    Instant nextHousekeeping = Instant.EPOCH;
    while (running) {
      int read = 0;
      try {
        read = fanOut.step(500, Duration.ofMillis(200));
        if (clock.instant().isAfter(nextHousekeeping)) {
          nextHousekeeping = clock.instant().plus(HOUSEKEEPING_EVERY);
          // One instance forgets what is past retention (the others would only repeat it).
          int gone = expiry.holds() ? queue.expire(config.retention()) : 0;
          if (gone > 0) {
            LOG.infof("Forgot %d stored webhook events and delivery records past retention", gone);
          }
        }
      } catch (RuntimeException e) {
        FatalErrors.rethrowError(e);
        LOG.warnf("The webhook pump failed, trying again: %s", e.toString());
      }
      if (read > 0) {
        wake();
      } else {
        Thread.sleep(config.pollInterval().toMillis());
      }
    }
  }

  private void dispatchLoop() throws InterruptedException {
    while (running) {
      try {
        // Only as many as there are free workers: a lease starts when its worker does, so it
        // cannot run out while the turn waits for a thread.
        int free = config.workers() - inFlight.size();
        for (UUID id : free <= 0 ? List.<UUID>of() : queue.due(free)) {
          if (!inFlight.add(id)) {
            continue;
          }
          Optional<Instant> lease = queue.lease(id, lease());
          if (lease.isPresent()) {
            workers.execute(() -> deliverTurn(id, lease.get()));
          } else {
            inFlight.remove(id);
          }
        }
      } catch (RuntimeException e) {
        FatalErrors.rethrowError(e);
        LOG.warnf("The webhook dispatcher failed, trying again: %s", e.toString());
      }
      synchronized (signal) {
        signal.wait(config.pollInterval().toMillis());
      }
    }
  }

  private void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /**
   * Long enough for a run of attempts that each wait the full connect and read timeouts; renewed
   * with every run recorded.
   */
  private Duration lease() {
    return config
        .readTimeout()
        .plus(config.connectTimeout())
        .plusMillis(500)
        .multipliedBy(RUN)
        .plusMinutes(1);
  }

  private void deliverTurn(UUID subscription, Instant leasedUntil) {
    Optional<Instant> lease = Optional.of(leasedUntil);
    long started = System.nanoTime();
    try {
      int sent = 0;
      // A turn ends after eventsPerTurn or a minute, so that busy subscriptions take turns.
      while (sent < config.eventsPerTurn()
          && System.nanoTime() - started < TURN.toNanos()
          && running) {
        // A run of the queue at a time: sent in order, recorded in one transaction.
        List<WebhookQueue.Head> heads = queue.heads(subscription, RUN);
        if (heads.isEmpty()) {
          break;
        }
        List<WebhookQueue.Attempt> attempts = new ArrayList<>(heads.size());
        boolean failed = false;
        for (WebhookQueue.Head head : heads) {
          Instant at = clock.instant();
          WebhookQueue.Outcome outcome = send(head);
          attempts.add(new WebhookQueue.Attempt(head, outcome, at));
          if (!outcome.succeeded() || !running) {
            failed = !outcome.succeeded();
            break;
          }
        }
        lease = queue.recordAll(attempts, lease.get(), lease());
        sent += attempts.size();
        if (failed || lease.isEmpty()) {
          // Failed: the head waits for its retry. Lease lost: another worker has the queue.
          break;
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("Delivering to webhook subscription %s failed: %s", subscription, e.toString());
    } finally {
      try {
        lease.ifPresent(l -> queue.release(subscription, l));
      } finally {
        inFlight.remove(subscription);
        wake();
      }
    }
  }

  /** One attempt: signed as Standard Webhooks defines, never longer than the read timeout. */
  WebhookQueue.Outcome send(WebhookQueue.Head head) {
    WebhookUrl url;
    try {
      url = guard.stored(head.url());
    } catch (RuntimeException e) {
      return new WebhookQueue.Outcome(false, null, 0, null, "the URL is no longer accepted");
    }
    Optional<String> refusal = guard.refusal(url);
    if (refusal.isPresent()) {
      return new WebhookQueue.Outcome(false, null, 0, null, "refused: " + refusal.get());
    }
    long timestamp = clock.instant().getEpochSecond();
    String id = head.eventId().toString();
    String signature =
        head.secrets().stream()
            .map(s -> WebhookSignature.sign(s, id, timestamp, head.body()))
            .collect(Collectors.joining(" "));
    HttpRequest request =
        HttpRequest.newBuilder(url.uri())
            .timeout(config.readTimeout())
            .header("content-type", "application/cloudevents+json")
            .header("user-agent", "Qiao-Webhooks/1.0")
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(head.body()))
            .build();
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> answer =
        http.sendAsync(request, info -> new Excerpt(config.answerExcerptBytes()));
    try {
      HttpResponse<byte[]> r =
          answer.get(config.readTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
      int status = r.statusCode();
      return new WebhookQueue.Outcome(
          status >= 200 && status < 300, status, millisSince(started), excerpt(r.body()), null);
    } catch (TimeoutException e) {
      answer.cancel(true);
      return new WebhookQueue.Outcome(
          false, null, millisSince(started), null, "no answer within " + config.readTimeout());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new WebhookQueue.Outcome(false, null, millisSince(started), null, describe(cause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer.cancel(true);
      return new WebhookQueue.Outcome(false, null, millisSince(started), null, "interrupted");
    }
  }

  private static String describe(Throwable t) {
    String m = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    return m.length() > 480 ? m.substring(0, 480) : m;
  }

  private static int millisSince(long started) {
    return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
  }

  /** The first bytes of an answer as text for the log, control characters replaced. */
  private String excerpt(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    StringBuilder s = new StringBuilder(text.length());
    text.codePoints()
        .forEach(c -> s.appendCodePoint(Character.isISOControl(c) && c != '\n' ? '?' : c));
    return s.length() > config.answerExcerptBytes()
        ? s.substring(0, config.answerExcerptBytes())
        : s.toString();
  }

  /** Keeps the first bytes of an answer and stops reading there: a huge answer costs nothing. */
  static final class Excerpt implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Excerpt(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        int take = Math.min(b.remaining(), limit - kept.size());
        byte[] chunk = new byte[take];
        b.get(chunk);
        kept.write(chunk, 0, take);
        if (kept.size() >= limit) {
          subscription.cancel();
          result.complete(kept.toByteArray());
          return;
        }
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(kept.toByteArray());
    }
  }
}
