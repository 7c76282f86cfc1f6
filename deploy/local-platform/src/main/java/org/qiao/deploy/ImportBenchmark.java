package org.qiao.deploy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The cohort-import benchmark (not a test): generates a CSV of a Shanghai-sized cohort (258,000
 * rows by default, every student consenting, so every row publishes a profile), imports it through
 * curriculum-service's public API on a running local platform, and reports the upload time, the
 * job's wall time and rows per second, the time until the last profile event is on the topic (read
 * by a Kafka consumer), and what the university waits for: the time until each consumer of the
 * profiles (matching-, internship-, talent-demand-service) has applied every one of them — its
 * committed offset, which a consumer commits only after the effect's transaction, reaches the
 * topic's end. Report: .qiao/import-benchmark.md.
 */
final class ImportBenchmark {

  private static final String API = "http://127.0.0.1:8082/api/v1";
  private static final String TOPIC = "qiao.curriculum.events";
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

  private final Path home;
  private final Tokens tokens;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ImportBenchmark(Path home) {
    this.home = home;
    this.tokens = new Tokens(home);
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("qiao.root", ".")).toAbsolutePath().normalize();
    Path home =
        Path.of(System.getenv().getOrDefault("QIAO_HOME", root.resolve(".qiao").toString()))
            .toAbsolutePath();
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 258_000;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    try {
      new ImportBenchmark(home).run(rows, warmUp);
    } catch (IllegalStateException e) {
      System.err.println("FAIL: " + e.getMessage());
      System.exit(1);
    }
    System.exit(0);
  }

  /** What one import took, measured from the upload's start. */
  private record Measured(
      int rows,
      long bytes,
      double upload,
      double job,
      long created,
      long published,
      double events,
      Map<String, Double> applied,
      String status,
      CpuShares cpu,
      int instances) {

    /**
     * Cohort to matchable: in every matching-service instance's ranking index (ADR 0010: the
     * consumer's tables, then each instance follows them) and known to internship-service.
     */
    double matchable() {
      return Math.max(
          applied.getOrDefault(INDEXED, applied.get("matching-service")),
          applied.get("internship-service"));
    }
  }

  /** The report's name for "in every matching-service instance's index". */
  static final String INDEXED = "matching-service index (every instance)";

  /**
   * matching-service's instances on the local platform (the second when QIAO_INSTANCES_MATCHING=2).
   */
  private static final List<Integer> MATCHING_PORTS = List.of(8084, 8184);

  /** The consumers of student profiles, in the order the report lists them. */
  private static final List<String> PROFILE_CONSUMERS =
      List.of("matching-service", "internship-service", "talent-demand-service");

  /**
   * A warm-up import first (another institution, {@code warmUp} rows): the first import after the
   * platform starts also pays for every JVM's JIT compilation; it is reported, apart.
   */
  private void run(int rows, int warmUp) throws Exception {
    Measured first = warmUp > 0 ? importCohort(warmUp) : null;
    if (first != null) {
      System.out.printf(
          "Warm-up: %,d rows in %.1f s (%,.0f rows/s), matchable after %.1f s%n",
          first.rows(), first.job(), first.rows() / first.job(), first.matchable());
    }
    report(importCohort(rows), first, warmUp);
  }

  private Measured importCohort(int rows) throws Exception {
    String code = "41310" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    String token = tokens.mint("university", code, Duration.ofHours(2));
    post(
        token,
        "/institutions",
        "{\"institutionCode\":\""
            + code
            + "\",\"profile\":{\"name\":\"基准测试大学 "
            + code
            + "\",\"kind\":\"UNDERGRADUATE\",\"city\":\"上海\"}}",
        201);
    String plan = id(post(token, "/course-plans", PLAN, 201));
    send(token, "POST", "/course-plans/" + plan + "/publication", null, "\"0\"", 200);

    Path csv = Files.createTempFile("qiao-cohort-", ".csv");
    long generateStart = System.nanoTime();
    generate(csv, rows, code);
    double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
    long bytes = Files.size(csv);
    System.out.printf(
        "Generated %,d rows (%,d bytes) in %.1f s: %s%n", rows, bytes, generateSeconds, csv);

    try (KafkaConsumer<String, String> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(TOPIC, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);

      Map<Integer, Long> indexedBefore = indexSizes();
      CpuShares.Sample cpuAtStart = CpuShares.sample();
      Instant start = Instant.now();
      HttpResponse<String> accepted =
          http.send(
              HttpRequest.newBuilder(URI.create(API + "/student-imports"))
                  .timeout(Duration.ofMinutes(5))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofFile(csv))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (accepted.statusCode() != 202) {
        throw new IllegalStateException(
            "import not accepted: " + accepted.statusCode() + " " + accepted.body());
      }
      double uploadSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
      String job = id(accepted.body());
      String status;
      String body;
      do {
        Thread.sleep(200);
        body = send(token, "GET", "/student-imports/" + job, null, null, 200);
        status = match(STATUS, body);
      } while (!status.equals("SUCCEEDED") && !status.equals("FAILED"));
      double jobSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
      if (status.equals("FAILED")) {
        throw new IllegalStateException("the import failed: " + body);
      }
      long created = number(body, "rowsCreated");
      long published = number(body, "profilesPublished");

      // Only curriculum-service writes to the topic during the run, so the profile events are the
      // records added since the start: wait for that many, then read just the newest record of each
      // partition for its time (the benchmark must not spend the cores it measures on reading all).
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      var startOffsets = new java.util.HashMap<TopicPartition, Long>();
      partitions.forEach(p -> startOffsets.put(p, consumer.position(p)));
      long added;
      java.util.Map<TopicPartition, Long> end;
      do {
        Thread.sleep(200);
        end = consumer.endOffsets(partitions);
        added = 0;
        for (TopicPartition p : partitions) {
          added += end.get(p) - startOffsets.get(p);
        }
      } while (added < published && System.nanoTime() < deadline);
      if (added < published) {
        throw new IllegalStateException(
            "only " + added + " of " + published + " profile events arrived in 5 min");
      }
      Instant last = Instant.EPOCH;
      var pending = new java.util.HashSet<TopicPartition>();
      for (TopicPartition p : partitions) {
        if (end.get(p) > startOffsets.get(p)) {
          consumer.seek(p, end.get(p) - 1);
          pending.add(p);
        }
      }
      consumer.pause(partitions.stream().filter(p -> !pending.contains(p)).toList());
      long pollUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!pending.isEmpty() && System.nanoTime() < pollUntil) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          TopicPartition p = new TopicPartition(r.topic(), r.partition());
          if (r.offset() == end.get(p) - 1 && pending.remove(p)) {
            Instant t = Instant.ofEpochMilli(r.timestamp());
            last = t.isAfter(last) ? t : last;
          }
        }
      }
      double eventSeconds = Duration.between(start, last).toMillis() / 1000.0;
      Map<String, Double> applied = awaitConsumers(start, end);
      applied.put(INDEXED, awaitIndexed(start, indexedBefore, created));
      CpuShares cpu = CpuShares.between(cpuAtStart, CpuShares.sample());
      return new Measured(
          rows,
          bytes,
          uploadSeconds,
          jobSeconds,
          created,
          published,
          eventSeconds,
          applied,
          body,
          cpu,
          indexedBefore.size());
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  /** Each running matching-service instance's index size (its /q/metrics gauge), by port. */
  private Map<Integer, Long> indexSizes() {
    Map<Integer, Long> sizes = new java.util.LinkedHashMap<>();
    for (int port : MATCHING_PORTS) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile(
                    "(?m)^qiao_matching_index_profiles(\\{[^}]*\\})? ([0-9.E+]+)")
                .matcher(r.body());
        if (r.statusCode() == 200 && m.find()) {
          sizes.put(port, (long) Double.parseDouble(m.group(2)));
        }
      } catch (java.io.IOException e) {
        // not running: one instance only
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return sizes;
  }

  /**
   * Seconds from {@code start} until every instance's index holds the {@code created} new students
   * (what a user of either instance waits for; polled every 200 ms).
   */
  private double awaitIndexed(Instant start, Map<Integer, Long> before, long created)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      Map<Integer, Long> now = indexSizes();
      if (before.keySet().stream()
          .allMatch(p -> now.getOrDefault(p, 0L) >= before.get(p) + created)) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the new students did not reach every index in 5 min");
  }

  /**
   * Seconds from {@code start} until each profile consumer's committed offsets reach {@code end} on
   * every partition: every profile of the cohort applied (a consumer commits after the effect's
   * transaction). Polled every 200 ms through the admin API, which costs the cores next to nothing.
   */
  private static Map<String, Double> awaitConsumers(Instant start, Map<TopicPartition, Long> end)
      throws Exception {
    Properties p = new Properties();
    p.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        System.getenv().getOrDefault("QIAO_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"));
    Map<String, Double> applied = new LinkedHashMap<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
    try (Admin admin = Admin.create(p)) {
      while (applied.size() < PROFILE_CONSUMERS.size()) {
        for (String group : PROFILE_CONSUMERS) {
          if (applied.containsKey(group)) {
            continue;
          }
          Map<TopicPartition, OffsetAndMetadata> committed =
              admin
                  .listConsumerGroupOffsets(group)
                  .partitionsToOffsetAndMetadata()
                  .get(10, TimeUnit.SECONDS);
          boolean caughtUp =
              end.entrySet().stream()
                  .allMatch(
                      e -> {
                        OffsetAndMetadata at = committed.get(e.getKey());
                        return at != null && at.offset() >= e.getValue();
                      });
          if (caughtUp) {
            applied.put(group, Duration.between(start, Instant.now()).toMillis() / 1000.0);
            System.out.printf("%s applied every profile after %.1f s%n", group, applied.get(group));
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "not every profile consumer caught up in 15 min: only " + applied.keySet());
        }
        Thread.sleep(200);
      }
    }
    return applied;
  }

  private void report(Measured m, Measured warmUp, int warmUpRows) throws IOException {
    String cores = Integer.toString(Runtime.getRuntime().availableProcessors());
    String first =
        warmUp == null
            ? "none (this import was the first after the platform started, JIT included)"
            : String.format(
                "%,d rows in %.1f s (%,.0f rows/s), matchable after %.1f s, the first import after"
                    + " the platform started",
                warmUp.rows(), warmUp.job(), warmUp.rows() / warmUp.job(), warmUp.matchable());
    String md =
        String.format(
            """
            # Cohort import benchmark

            Command: `deploy/import-benchmark %d %d` against a running `deploy/qiao run`; everything
            (generator, Kafka, PostgreSQL, the four services) shares this machine's %s cores.
            Warm-up import before the measured one: %s. CPU below covers the upload until the last
            consumer applied the cohort.

            | measure | value |
            |---|---|
            | rows (every one consenting) | %,d |
            | file | %,d bytes, UTF-8 CSV, Chinese headers |
            | upload answered 202 after | %.1f s |
            | job finished after (wall time from upload start) | %.1f s |
            | rows per second (job) | %,.0f |
            | students created | %,d |
            | profile events published | %,d |
            | last profile event on %s after | %.1f s |
            | every profile applied by matching-service (rankable) after | %.1f s |
            | every profile applied by internship-service after | %.1f s |
            | every profile applied by talent-demand-service (invitable) after | %.1f s |
            | every new student in the ranking index of every matching instance (%s) after | %.1f s |
            | **cohort to matchable** (in every index, and in internship, from the upload) | **%.1f s** (goal ≤ 60 s) |

            CPU seconds used during the measured import (from /proc), by process:

            %s
            Job status at the end: `%s`
            """,
            m.rows(),
            warmUpRows,
            cores,
            first,
            m.rows(),
            m.bytes(),
            m.upload(),
            m.job(),
            m.rows() / m.job(),
            m.created(),
            m.published(),
            TOPIC,
            m.events(),
            m.applied().get("matching-service"),
            m.applied().get("internship-service"),
            m.applied().get("talent-demand-service"),
            m.instances(),
            m.applied().get(INDEXED),
            m.matchable(),
            m.cpu().table(),
            m.status().replace("\n", " "));
    Path out = home.resolve("import-benchmark.md");
    Files.createDirectories(home);
    Files.writeString(out, md);
    System.out.println(md);
    System.out.println("Report: " + out);
  }

  /** A cohort as a registrar exports it: Chinese headers, several majors, all consenting. */
  private static void generate(Path csv, int rows, String institution) throws IOException {
    String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    String[] given = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明"};
    String[] skills = {"Python", "Java", "SQL", "Verilog", "C++", "Linux", "数据分析", "机器学习"};
    String[] cities = {"上海", "苏州", "杭州", "南京", "北京"};
    SplittableRandom random = new SplittableRandom(42);
    long base = 2022_000_000L + Long.parseLong(institution.substring(5)) * 1000L;
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("姓名,学号,手机号,邮箱,专业代码,学历,毕业年份,入学年份,技能,已修课程,意向城市,同意匹配,同意书版本\r\n");
      for (int i = 0; i < rows; i++) {
        long number = base * 1000 + i;
        w.write(surnames[random.nextInt(surnames.length)]);
        w.write(given[random.nextInt(given.length)]);
        w.write(given[random.nextInt(given.length)]);
        w.write(',');
        w.write(Long.toString(number));
        w.write(",1");
        w.write(Integer.toString(3 + random.nextInt(7)));
        w.write(String.format("%09d", random.nextInt(1_000_000_000)));
        w.write(",s");
        w.write(Long.toString(number));
        w.write("@example.edu.cn,080710T,本科,2026,2022,");
        w.write(skills[random.nextInt(skills.length)]);
        w.write(';');
        w.write(skills[random.nextInt(skills.length)]);
        w.write(random.nextBoolean() ? ",MIC3012;MIC4020," : ",MIC3012,");
        w.write(cities[random.nextInt(cities.length)]);
        w.write(",是,2026-01\r\n");
      }
    }
  }

  private static final String PLAN =
      "{\"kind\":\"MAJOR\",\"title\":\"集成电路设计与集成系统 2022 级培养方案\",\"catalogue\":\"UNDERGRADUATE_2024\","
          + "\"majorCode\":\"080710T\",\"cohortYear\":2022,\"courses\":["
          + "{\"code\":\"MIC3012\",\"name\":\"数字集成电路设计\",\"credits\":3.5,\"hours\":56,\"term\":5,\"kind\":\"THEORY\","
          + "\"skills\":[{\"name\":\"Verilog\",\"level\":3},{\"name\":\"数字IC设计\",\"level\":3}]},"
          + "{\"code\":\"MIC4020\",\"name\":\"芯片验证实训\",\"credits\":2,\"hours\":64,\"term\":7,\"kind\":\"PRACTICUM\","
          + "\"withEnterpriseMentor\":true,\"skills\":[{\"name\":\"UVM验证\",\"level\":3}]}]}";

  private String post(String token, String path, String json, int expected) throws Exception {
    return send(token, "POST", path, json, null, expected);
  }

  private String send(
      String token, String method, String path, String json, String ifMatch, int expected)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(API + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token);
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private static KafkaConsumer<String, String> consumer() {
    Properties p = new Properties();
    p.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        System.getenv().getOrDefault("QIAO_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"));
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    return new KafkaConsumer<>(p);
  }

  private static String id(String json) {
    return match(Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\""), json);
  }

  private static long number(String json, String field) {
    return Long.parseLong(match(Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)"), json));
  }

  private static String match(Pattern p, String text) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("unexpected answer: " + text);
    }
    return m.group(1);
  }
}
