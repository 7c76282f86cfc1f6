package org.qiao.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code deploy/qiao load}: the whole series against a running platform. For each number of
 * connections and each request (POST, then GET; or, with {@code rankings}, demand → top 10, demand
 * → top 100 and student → top 50 on matching-service) it waits for the machine to go quiet, runs
 * one Gatling simulation in its own JVM, runs the {@link LagProbe} beside it during the measured
 * window, samples who used the CPU, and at the end writes a summary of Gatling's numbers to {@code
 * $QIAO_HOME/load-report.md}.
 */
public final class LoadSeries {

  private static final String GATLING_VERSION = "3.14.9";

  /** The JVM options Gatling's Maven plugin passes on Java 17 (Gatling needs the two opens). */
  private static final List<String> GATLING_JVM =
      List.of(
          "-Xmx1G",
          "-XX:MaxInlineLevel=20",
          "-XX:MaxTrivialSize=12",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");

  private static final long PROBE_INTERVAL_MS = 250;

  record Run(
      String label,
      String request,
      int connections,
      GatlingStats.Request stats,
      double throughput,
      LagProbe.Result lag,
      CpuUse.Shares cpu,
      Duration settled,
      Path report) {}

  private final Path home;
  private final Path resultsRoot;
  private final Duration warmup;
  private final Duration duration;
  private final List<Integer> levels;
  private final Platform platform = new Platform();

  /** The Gatling JVM running now: Ctrl-C on the series must not leave it loading the platform. */
  private volatile Process current;

  private LoadSeries(Path home, Duration warmup, Duration duration, List<Integer> levels) {
    this.home = home;
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    this.resultsRoot = home.resolve("gatling").resolve(stamp);
    this.warmup = warmup;
    this.duration = duration;
    this.levels = levels;
  }

  /** Arguments: [rankings] [SECONDS] [CONNECTIONS ...]; defaults 30 and 2 8 16 (rankings: 1 8). */
  public static void main(String[] args) throws Exception {
    Path root = Platform.root();
    Path home =
        Path.of(System.getenv().getOrDefault("QIAO_HOME", root.resolve(".qiao").toString()))
            .toAbsolutePath();
    boolean rankings = args.length > 0 && args[0].equals("rankings");
    int first = rankings ? 1 : 0;
    Duration duration = Duration.ofSeconds(args.length > first ? Long.parseLong(args[first]) : 30);
    List<Integer> levels = new ArrayList<>();
    for (int i = first + 1; i < args.length; i++) {
      levels.add(Integer.parseInt(args[i]));
    }
    if (levels.isEmpty()) {
      // Rankings: one connection for the latency of a query alone, 8 for issue 17's throughput
      // goal; on 2 cores more connections only queue.
      levels = rankings ? List.of(1, 8) : List.of(2, 8, 16);
    }
    Duration warmup = Duration.ofSeconds(Long.getLong("qiao.load.warmup", 10));
    new LoadSeries(home, warmup, duration, levels).run(String.join(" ", args), rankings);
  }

  /** One simulation to run: what it is called in the report, and what its JVM is given. */
  private record Load(
      String label,
      Class<?> simulation,
      String requestName,
      List<String> properties,
      Map<String, String> environment) {
    static Load of(String label, Class<?> simulation, String requestName) {
      return new Load(label, simulation, requestName, List.of(), Map.of());
    }
  }

  private void run(String args, boolean rankings) throws Exception {
    platform.checkReady();
    platform.registerEnterprise();
    List<Load> loads = new ArrayList<>();
    if (rankings) {
      Map<String, String> ids = prepareRankings();
      for (RankingSimulation.Kind kind : RankingSimulation.Kind.values()) {
        loads.add(
            new Load(
                kind.name().toLowerCase(),
                RankingSimulation.class,
                kind.requestName,
                List.of("-D" + RankingSimulation.KIND_PROPERTY + "=" + kind.name()),
                ids));
      }
    } else {
      loads.add(Load.of("POST", DemandPostSimulation.class, DemandPostSimulation.NAME));
      loads.add(Load.of("GET", DemandGetSimulation.class, DemandGetSimulation.NAME));
    }
    Files.createDirectories(resultsRoot);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Process p = current;
                  if (p != null) {
                    p.destroyForcibly();
                  }
                }));
    String loadBefore = CpuUse.loadAverage();
    List<Run> runs = new ArrayList<>();
    for (int connections : levels) {
      for (Load load : loads) {
        runs.add(run(load, connections));
      }
    }
    String markdown =
        new LoadReport(GATLING_VERSION, warmup, duration, resultsRoot)
            .render(args, loadBefore, runs);
    Path report = home.resolve("load-report.md");
    Files.writeString(report, markdown);
    System.out.println();
    System.out.print(markdown);
    System.out.println("\nReport written to " + report);
    System.out.println("Gatling HTML reports under " + resultsRoot);
  }

  /**
   * The ids the ranking runs read, not measured: demands of the load-test enterprise with skills of
   * {@code deploy/import-benchmark}'s cohorts, readable in matching-service, and the students their
   * top 100s name. Ranking on a platform without profiles is refused: it measures nothing.
   */
  private Map<String, String> prepareRankings() {
    System.out.println("Preparing rankings: 200 demands, then the students their tops name ...");
    List<String> demands = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      demands.add(platform.createDemandFrom(Platform.rankingDemandBody(i)));
    }
    Set<String> students = new LinkedHashSet<>();
    for (String demand : demands) {
      platform.awaitInMatching(demand, Duration.ofSeconds(60));
      if (students.size() < 200) {
        students.addAll(platform.rankedStudents(demand));
      }
    }
    if (students.isEmpty()) {
      throw new IllegalStateException(
          "no student ranks for the load-test demands: load profiles first (deploy/import-benchmark)");
    }
    return Map.of(
        RankingSimulation.DEMANDS_ENV, String.join(",", demands),
        RankingSimulation.STUDENTS_ENV, String.join(",", students),
        Platform.ADMIN_TOKEN_ENV, platform.adminToken());
  }

  private Run run(Load load, int connections) throws Exception {
    String label = load.label();
    String requestName = load.requestName();
    Duration settled = CpuUse.settle(0.25, Duration.ofSeconds(120));
    Path results = resultsRoot.resolve(label.toLowerCase() + "-" + connections);
    Files.createDirectories(results);
    System.out.printf(
        "%n=== %s, %d connections: %ds warm-up + %ds measured (quiet after %ds) ===%n",
        requestName, connections, warmup.toSeconds(), duration.toSeconds(), settled.toSeconds());

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(GATLING_JVM);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dqiao.load.users=" + connections);
    command.add("-Dqiao.load.warmup=" + warmup.toSeconds());
    command.add("-Dqiao.load.duration=" + duration.toSeconds());
    command.addAll(load.properties());
    command.add("io.gatling.app.Gatling");
    command.add("--simulation");
    command.add(load.simulation().getName());
    command.add("--results-folder");
    command.add(results.toString());
    command.add("--run-description");
    command.add(requestName + ", " + connections + " connections");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put(Platform.ENTERPRISE_TOKEN_ENV, platform.enterpriseToken());
    pb.environment().put(Platform.READER_TOKEN_ENV, platform.readerToken());
    pb.environment().putAll(load.environment());
    Process gatling = pb.start();
    current = gatling;
    CountDownLatch started = new CountDownLatch(1);
    Thread pump = pump(gatling, results.resolve("console.log"), started);

    Duration bound = warmup.plus(duration).plusSeconds(180);
    LagProbe.Result lag = null;
    CpuUse.Shares cpu = null;
    try {
      // The set-up (a GET run creates its demands first) is not measured; the clock starts when
      // Gatling starts its users.
      if (!started.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Gatling did not start; see " + results);
      }
      Thread.sleep(warmup.toMillis());
      LagProbe probe = new LagProbe(platform, PROBE_INTERVAL_MS);
      Map<Long, String> watched = CpuUse.processes(gatling.pid());
      CpuUse.Snapshot before = CpuUse.snapshot(watched);
      probe.start();
      Thread.sleep(duration.toMillis());
      cpu = CpuUse.snapshot(watched).since(before);
      lag = probe.stop();
      System.out.println("    " + lag.summary());
      if (!gatling.waitFor(bound.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("Gatling did not finish within " + bound);
      }
    } finally {
      if (gatling.isAlive()) {
        gatling.destroyForcibly();
      }
      pump.join(10_000);
    }
    if (gatling.exitValue() != 0) {
      // Gatling exits non-zero when requests failed too; the numbers are still reported.
      System.out.println("    Gatling exited with " + gatling.exitValue());
    }
    Path runDir = onlyRunDirectory(results);
    GatlingStats.Request stats = GatlingStats.read(runDir).request(requestName);
    double throughput = stats.count() / (double) duration.toSeconds();
    return new Run(
        label,
        requestName,
        connections,
        stats,
        throughput,
        lag,
        cpu,
        settled,
        runDir.resolve("index.html"));
  }

  /** Copies Gatling's console to ours and to a file, and signals when the users start. */
  private static Thread pump(Process process, Path log, CountDownLatch started) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  PrintWriter out =
                      new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  out.println(line);
                  System.out.println("    | " + line);
                  if (line.contains(" started...")) {
                    started.countDown();
                  }
                }
              } catch (IOException e) {
                System.err.println("lost Gatling's console: " + e.getMessage());
              }
            },
            "gatling-console");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static Path onlyRunDirectory(Path results) throws IOException {
    try (Stream<Path> dirs = Files.list(results)) {
      List<Path> found = dirs.filter(Files::isDirectory).toList();
      if (found.size() != 1) {
        throw new IllegalStateException("expected one Gatling run in " + results + ": " + found);
      }
      return found.get(0);
    }
  }
}
