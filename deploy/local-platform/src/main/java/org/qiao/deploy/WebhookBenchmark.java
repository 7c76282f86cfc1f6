package org.qiao.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The webhook delivery benchmark of issue 18, against a running local platform (loopback only): ten
 * partners (government systems) each subscribe a receiver of their own to published demands; twenty
 * enterprises then publish demands over HTTP at a fixed rate (default 200 a second) for a while.
 * Each receiver notes when each delivery arrives; latency is arrival minus the event's own time
 * (set in the transaction that published the demand), so it covers the outbox relay, Kafka, the
 * pump, the queue and the HTTP delivery: what a partner waits for. Reports p50/p99/max per
 * subscriber and overall, deliveries per second, what was lost, and the CPU this process (writer
 * and receivers) took from the two cores it shares with the platform.
 */
final class WebhookBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TYPE = "qiao.demand.published.v1";

  private final Path root;
  private final boolean inject;
  private final int rate;
  private final Duration duration;
  private final int subscribers;
  private final Tokens tokens;
  private final Path home;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .executor(Executors.newFixedThreadPool(8))
          .build();

  /** One partner's endpoint: when each event (by id) arrived, and its latency in ms. */
  private static final class Receiver {
    final HttpServer server;
    final ConcurrentHashMap<String, Long> latencyMs = new ConcurrentHashMap<>();
    final AtomicInteger duplicates = new AtomicInteger();

    Receiver(Set<String> mine) throws Exception {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      server.setExecutor(Executors.newFixedThreadPool(2));
      server.createContext(
          "/hooks",
          exchange -> {
            long arrived = System.currentTimeMillis();
            try (InputStream in = exchange.getRequestBody()) {
              JsonNode e = JSON.readTree(in.readAllBytes());
              String id = exchange.getRequestHeaders().getFirst("webhook-id");
              if (TYPE.equals(e.path("type").asText())
                  && mine.contains(e.path("data").path("enterprise").path("creditCode").asText())) {
                long at = OffsetDateTime.parse(e.path("time").asText()).toInstant().toEpochMilli();
                if (latencyMs.putIfAbsent(id, arrived - at) != null) {
                  duplicates.incrementAndGet();
                }
              }
            } catch (RuntimeException ex) {
              // A body this benchmark cannot read is still answered: it measures delivery.
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }
  }

  private WebhookBenchmark(
      Path root, Path home, int rate, Duration duration, int subscribers, boolean inject) {
    this.root = root;
    this.inject = inject;
    this.home = home;
    this.tokens = new Tokens(home);
    this.rate = rate;
    this.duration = duration;
    this.subscribers = subscribers;
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("qiao.root", ".")).toAbsolutePath().normalize();
    Path home =
        Path.of(System.getenv().getOrDefault("QIAO_HOME", root.resolve(".qiao").toString()))
            .toAbsolutePath();
    int rate = 200;
    int seconds = 60;
    int subscribers = 10;
    boolean inject = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--inject")) {
        inject = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + args[i] + " needs a value");
      }
      switch (args[i++]) {
        case "--rate" -> rate = Integer.parseInt(args[i]);
        case "--seconds" -> seconds = Integer.parseInt(args[i]);
        case "--subscribers" -> subscribers = Integer.parseInt(args[i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
      }
    }
    new WebhookBenchmark(root, home, rate, Duration.ofSeconds(seconds), subscribers, inject).run();
  }

  private void run() throws Exception {
    // Twenty enterprises write; each partner receives every one's published demands.
    List<String> enterpriseTokens = new ArrayList<>();
    List<String> enterpriseCodes = new ArrayList<>();
    Set<String> codes = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 20; i++) {
      String code = KillRecoverCheck.creditCode();
      String token = tokens.mint("enterprise", code, Duration.ofHours(2));
      KillRecoverCheck.register(http, token, code);
      enterpriseTokens.add(token);
      enterpriseCodes.add(code);
      codes.add(code);
    }
    List<Receiver> receivers = new ArrayList<>();
    List<String[]> subscriptions = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      Receiver r = new Receiver(codes);
      receivers.add(r);
      String token = tokens.mint("government", "gov-bench-" + i, Duration.ofHours(2));
      HttpResponse<String> created =
          post(
              "http://127.0.0.1:8084/api/v1/webhook-subscriptions",
              token,
              "{\"url\":\""
                  + r.url()
                  + "\",\"eventTypes\":[\""
                  + TYPE
                  + "\"],"
                  + "\"description\":\"benchmark "
                  + i
                  + "\"}");
      if (created.statusCode() != 201) {
        throw new IllegalStateException(
            "subscribing answered " + created.statusCode() + ": " + created.body());
      }
      subscriptions.add(new String[] {token, KillRecoverCheck.id(created.body())});
    }

    KafkaProducer<String, byte[]> producer = inject ? producer() : null;
    long cpuBefore = processCpuNanos();
    long[] systemBefore = systemTicks();
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger written = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicLong writeNanos = new AtomicLong();
    int total = (int) (rate * duration.toSeconds());
    ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
    Instant start = Instant.now();
    long periodNanos = 1_000_000_000L / rate;
    writer.scheduleAtFixedRate(
        () -> {
          int i = sent.getAndIncrement();
          if (i >= total) {
            return;
          }
          long t0 = System.nanoTime();
          String code = enterpriseCodes.get(i % enterpriseCodes.size());
          if (producer != null) {
            // As talent-demand-service's outbox relay writes it: CloudEvent JSON, key = demand.
            String demand = java.util.UUID.randomUUID().toString();
            ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(
                    "qiao.talent-demand.events", demand, publishedEvent(demand, code, i));
            record.headers().add("ce_type", TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(
                record,
                (m, e) -> {
                  writeNanos.addAndGet(System.nanoTime() - t0);
                  (e == null ? written : refused).incrementAndGet();
                });
            return;
          }
          HttpRequest request =
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/api/v1/demands"))
                  .timeout(Duration.ofSeconds(30))
                  .header(
                      "Authorization",
                      "Bearer " + enterpriseTokens.get(i % enterpriseTokens.size()))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          KillRecoverCheck.demandBody(i), StandardCharsets.UTF_8))
                  .build();
          http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
              .whenComplete(
                  (r, e) -> {
                    writeNanos.addAndGet(System.nanoTime() - t0);
                    if (e == null && r.statusCode() == 201) {
                      written.incrementAndGet();
                    } else {
                      refused.incrementAndGet();
                    }
                  });
        },
        0,
        periodNanos,
        TimeUnit.NANOSECONDS);
    while (written.get() + refused.get() < total
        && Duration.between(start, Instant.now()).compareTo(duration.plusSeconds(60)) < 0) {
      Thread.sleep(200);
    }
    writer.shutdownNow();
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
    }
    Instant writesDone = Instant.now();
    // Then until every receiver has every published demand, or two minutes more.
    Instant deadline = writesDone.plusSeconds(120);
    while (Instant.now().isBefore(deadline)
        && receivers.stream().anyMatch(r -> r.latencyMs.size() < written.get())) {
      Thread.sleep(200);
    }
    Instant end = Instant.now();
    long cpu = processCpuNanos() - cpuBefore;
    long[] systemAfter = systemTicks();

    StringBuilder report = new StringBuilder();
    double wroteSeconds = Duration.between(start, writesDone).toMillis() / 1000.0;
    report.append(
        String.format(
            Locale.ROOT,
            "Webhook delivery benchmark, %s%n%s%n%d subscribers; target %d demands/s for %d s:"
                + " %d published in %.1f s (%.0f/s), %d refused, mean write %.0f ms%n",
            Instant.now(),
            inject
                ? "writes: qiao.demand.published.v1 events put on qiao.talent-demand.events as"
                    + " talent-demand-service's relay does (--inject)"
                : "writes: POST /api/v1/demands to talent-demand-service (each publishes one"
                    + " qiao.demand.published.v1)",
            subscribers,
            rate,
            duration.toSeconds(),
            written.get(),
            wroteSeconds,
            written.get() / wroteSeconds,
            refused.get(),
            written.get() + refused.get() == 0
                ? 0.0
                : writeNanos.get() / 1e6 / (written.get() + refused.get())));
    List<Long> all = new ArrayList<>();
    int lost = 0;
    int duplicates = 0;
    report.append("subscriber  received  p50 ms  p99 ms  max ms\n");
    for (int i = 0; i < receivers.size(); i++) {
      Receiver r = receivers.get(i);
      List<Long> l = new ArrayList<>(r.latencyMs.values());
      Collections.sort(l);
      all.addAll(l);
      lost += Math.max(0, written.get() - l.size());
      duplicates += r.duplicates.get();
      report.append(
          String.format(
              Locale.ROOT,
              "%10d  %8d  %6d  %6d  %6d%n",
              i,
              l.size(),
              pct(l, 0.50),
              pct(l, 0.99),
              l.isEmpty() ? 0 : l.get(l.size() - 1)));
    }
    Collections.sort(all);
    double seconds = Duration.between(start, end).toMillis() / 1000.0;
    report.append(
        String.format(
            Locale.ROOT,
            "all: %d deliveries in %.1f s (%.0f/s), p50 %d ms, p99 %d ms, max %d ms; not"
                + " delivered %d, delivered twice %d%n",
            all.size(),
            seconds,
            all.size() / seconds,
            pct(all, 0.50),
            pct(all, 0.99),
            all.isEmpty() ? 0 : all.get(all.size() - 1),
            lost,
            duplicates));
    long busy = (systemAfter[0] - systemBefore[0]);
    long totalTicks = (systemAfter[1] - systemBefore[1]);
    report.append(
        String.format(
            Locale.ROOT,
            "CPU: this process (writer, 10 receivers) %.1f s of %.1f s wall; the machine's cores"
                + " busy %.0f %% over the run%n",
            cpu / 1e9,
            seconds,
            totalTicks == 0 ? 0.0 : 100.0 * busy / totalTicks));
    for (String[] s : subscriptions) {
      HttpRequest delete =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:8084/api/v1/webhook-subscriptions/" + s[1]))
              .header("Authorization", "Bearer " + s[0])
              .DELETE()
              .build();
      http.send(delete, HttpResponse.BodyHandlers.discarding());
    }
    receivers.forEach(r -> r.server.stop(0));
    System.out.print(report);
    Path file = home.resolve("webhook-benchmark-" + System.currentTimeMillis() + ".txt");
    Files.writeString(file, report);
    System.out.println("report: " + file);
    System.exit(0);
  }

  private HttpResponse<String> post(String url, String token, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        "127.0.0.1:" + System.getenv().getOrDefault("QIAO_KAFKA_PORT", "19092"));
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  private JsonNode example;

  /** The contract's example of a published demand, as a new demand of {@code code}. */
  private byte[] publishedEvent(String demand, String code, int i) {
    try {
      if (example == null) {
        example = JSON.readTree(root.resolve("contracts/examples/" + TYPE + ".json").toFile());
      }
      ObjectNode data = example.deepCopy();
      data.put("demandId", demand);
      data.put("title", "集成电路版图设计工程师 " + i);
      ((ObjectNode) data.get("enterprise")).put("creditCode", code);
      data.put("validThrough", "2099-06-30");
      Instant now = Instant.now();
      data.put("publishedAt", now.toString());
      ObjectNode e = JSON.createObjectNode();
      e.put("specversion", "1.0");
      e.put("id", java.util.UUID.randomUUID().toString());
      e.put("source", "talent-demand-service");
      e.put("type", TYPE);
      e.put("subject", demand);
      e.put("time", now.toString());
      e.put("datacontenttype", "application/json");
      e.put("dataschema", "urn:qiao:event-schema:" + TYPE);
      e.set("data", data);
      return JSON.writeValueAsBytes(e);
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
  }

  private static long pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Busy and total jiffies of all cores, from /proc/stat (0s where there is none). */
  private static long[] systemTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (Exception e) {
      return new long[] {0, 0};
    }
  }
}
