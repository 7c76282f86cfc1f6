package org.qiao.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded load against a running local platform (loopback only): creates demands at a given
 * concurrency, reads them back, measures how long they take to reach matching-service, and writes a
 * report with latencies, throughput and each service's memory.
 */
final class LoadGenerator {

  private static final String ENTERPRISE = "91350200MA31E12PXF";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Tokens tokens;
  private final Path report;

  LoadGenerator(Path home) {
    this.tokens = new Tokens(home);
    this.report = home.resolve("load-report.md");
  }

  void run(int requests, int concurrency) throws Exception {
    String token = tokens.mint("enterprise", ENTERPRISE, Duration.ofHours(1));
    String reader = tokens.mint("government", "load-test", Duration.ofHours(1));
    int registered =
        send(post("http://127.0.0.1:8081/api/v1/enterprises", token, enterpriseBody()))
            .statusCode();
    if (registered != 201 && registered != 409) {
      throw new IllegalStateException("could not register the load-test enterprise: " + registered);
    }
    // Warm-up: JIT and connection pools, not counted.
    phase(
        Math.min(200, requests),
        concurrency,
        i -> post("http://127.0.0.1:8081/api/v1/demands", token, demandBody(i)));

    Map<String, Instant> created = new ConcurrentHashMap<>();
    // While the writes run, probes follow every 40th demand until matching-service returns it.
    List<Long> lagMs = Collections.synchronizedList(new ArrayList<>());
    ExecutorService probes = Executors.newFixedThreadPool(4);
    AtomicInteger sampled = new AtomicInteger();
    Phase writes =
        phase(
            requests,
            concurrency,
            i -> post("http://127.0.0.1:8081/api/v1/demands", token, demandBody(i)),
            (response, at) -> {
              Matcher m = ID.matcher(response.body());
              if (response.statusCode() == 201 && m.find()) {
                created.put(m.group(1), at);
                if (sampled.incrementAndGet() % 40 == 0) {
                  String id = m.group(1);
                  probes.submit(() -> probe(id, at, reader, lagMs));
                }
              }
            });
    probes.shutdown();
    probes.awaitTermination(2, TimeUnit.MINUTES);
    List<String> ids = new ArrayList<>(created.keySet());
    if (ids.isEmpty()) {
      throw new IllegalStateException("no demand was created; is the platform up?");
    }
    Phase reads =
        phase(
            requests,
            concurrency,
            i -> get("http://127.0.0.1:8081/api/v1/demands/" + ids.get(i % ids.size()), token));
    Collections.sort(lagMs);
    write(requests, concurrency, writes, reads, lagMs);
  }

  record Phase(List<Long> latenciesMicros, long elapsedNanos, int errors) {
    double throughput() {
      return latenciesMicros.size() / (elapsedNanos / 1e9);
    }
  }

  interface Request {
    HttpRequest build(int i);
  }

  interface OnResponse {
    void accept(HttpResponse<String> response, Instant at);
  }

  private Phase phase(int n, int concurrency, Request request) throws Exception {
    return phase(n, concurrency, request, (r, at) -> {});
  }

  private Phase phase(int n, int concurrency, Request request, OnResponse onResponse)
      throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>(n));
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      workers.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<String> r = send(request.build(i));
                    latencies.add((System.nanoTime() - t0) / 1000);
                    if (r.statusCode() >= 400) {
                      errors.incrementAndGet();
                    }
                    onResponse.accept(r, Instant.now());
                  } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    try {
      for (Future<?> w : workers) {
        w.get();
      }
    } finally {
      pool.shutdown();
    }
    long elapsed = System.nanoTime() - start;
    return new Phase(new ArrayList<>(latencies), elapsed, errors.get());
  }

  /** Polls matching-service for one demand and records how long after its 201 it appeared. */
  private Void probe(String id, Instant createdAt, String reader, List<Long> lagMs)
      throws Exception {
    Instant deadline = createdAt.plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      if (send(get("http://127.0.0.1:8084/api/v1/demands/" + id, reader)).statusCode() == 200) {
        lagMs.add(Duration.between(createdAt, Instant.now()).toMillis());
        return null;
      }
      Thread.sleep(10);
    }
    return null;
  }

  private void write(int requests, int concurrency, Phase writes, Phase reads, List<Long> lagMs)
      throws IOException {
    StringBuilder r = new StringBuilder();
    r.append("# Qiao load report\n\n")
        .append("- when: ")
        .append(Instant.now())
        .append('\n')
        .append("- command: `deploy/qiao load ")
        .append(requests)
        .append(' ')
        .append(concurrency)
        .append("`\n")
        .append("- machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores; platform and load generator on the same machine (loopback)\n\n")
        .append(
            "| phase | requests | concurrency | throughput (req/s) | p50 ms | p95 ms | p99 ms | max ms | errors |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    row(r, "POST /api/v1/demands (create + publish, outbox)", writes, concurrency);
    row(r, "GET /api/v1/demands/{id}", reads, concurrency);
    r.append(
            "\nEnd-to-end (201 from talent-demand-service → readable in matching-service), measured"
                + " while the writes ran, on every 40th demand (")
        .append(lagMs.size())
        .append(" demands): p50 ")
        .append(percentile(lagMs, 50))
        .append(" ms, p95 ")
        .append(percentile(lagMs, 95))
        .append(" ms, max ")
        .append(lagMs.isEmpty() ? 0 : lagMs.get(lagMs.size() - 1))
        .append(" ms.\n")
        .append(
            "(The relay and matching-service's consumer share the 2 cores with everything else.)\n\n")
        .append("| service process | resident memory (MiB) |\n|---|---|\n");
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains("quarkus-run.jar")).orElse(false))
        .forEach(
            p -> {
              String cmd = p.info().commandLine().orElse("");
              String name = cmd.replaceAll(".*/([a-z-]+-service)/target/.*", "$1");
              r.append("| ").append(name).append(" | ").append(rssMib(p.pid())).append(" |\n");
            });
    Files.writeString(report, r.toString());
    System.out.print(r);
    System.out.println("\nReport written to " + report);
  }

  private static void row(StringBuilder r, String name, Phase p, int concurrency) {
    List<Long> sorted = new ArrayList<>(p.latenciesMicros());
    Collections.sort(sorted);
    r.append("| ")
        .append(name)
        .append(" | ")
        .append(sorted.size())
        .append(" | ")
        .append(concurrency)
        .append(" | ")
        .append(String.format("%.0f", p.throughput()))
        .append(" | ")
        .append(ms(percentile(sorted, 50)))
        .append(" | ")
        .append(ms(percentile(sorted, 95)))
        .append(" | ")
        .append(ms(percentile(sorted, 99)))
        .append(" | ")
        .append(ms(sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)))
        .append(" | ")
        .append(p.errors())
        .append(" |\n");
  }

  private static String ms(long micros) {
    return String.format("%.1f", micros / 1000.0);
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static String rssMib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          long kb = Long.parseLong(line.replaceAll("\\D", ""));
          return Long.toString(kb / 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or the process is gone
    }
    return "?";
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest post(String url, String token, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpRequest get(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30))
        .GET()
        .build();
  }

  private static String enterpriseBody() {
    return "{\"creditCode\":\""
        + ENTERPRISE
        + "\",\"profile\":{\"name\":\"厦门芯测科技有限公司\","
        + "\"sizeClass\":\"SMALL\",\"industry\":\"集成电路\",\"contactName\":\"王经理\"}}";
  }

  private static String demandBody(int i) {
    return "{\"title\":\"负载测试岗位 "
        + i
        + "\",\"occupationCode\":\"2-02-10-03\","
        + "\"majorCodes\":[\"080901\"],\"skills\":[{\"name\":\"Java\",\"essential\":true,\"level\":3},"
        + "{\"name\":\"SQL\",\"essential\":false,\"level\":2}],\"headcount\":2,\"city\":\"上海\","
        + "\"validThrough\":\""
        + LocalDate.now().plusMonths(6)
        + "\"}";
  }
}
