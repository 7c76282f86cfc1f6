package org.qiao.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Qiao on one machine: Kafka and PostgreSQL (embedded, unless addresses of existing ones are
 * given) and the four services, Kafka and each service in its own JVM, watched by a {@link
 * Supervisor} that restarts what dies. Ctrl-C or {@code stop} shuts everything down; data stays
 * under the platform home ({@code .qiao/} by default) for the next run.
 */
public final class LocalPlatform {

  /**
   * A service instance and its heap: small by default; more young generation where bulk work runs.
   * {@code module} is the service (its jar); {@code name} the instance ({@code matching-service},
   * then {@code matching-service-2}, …).
   */
  record Service(String name, String module, int port, String database, List<String> heap) {
    Service(String name, int port, String database) {
      this(name, port, database, List.of("-Xms64m", "-Xmx512m"));
    }

    Service(String name, int port, String database, List<String> heap) {
      this(name, name, port, database, heap);
    }

    /** Instance k (from 2) of the service: its own port (100 above the last), the same database. */
    Service instance(int k) {
      return new Service(module + "-" + k, module, port + 100 * (k - 1), database, heap);
    }

    /** QIAO_INSTANCES_MATCHING for matching-service, QIAO_INSTANCES_TALENT_DEMAND, … */
    String instancesVariable() {
      return "QIAO_INSTANCES_"
          + module.replace("-service", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }
  }

  /** At most this many instances of one service (ports stay below the next service's +100s). */
  static final int MAX_INSTANCES = 4;

  static final List<Service> SERVICES =
      List.of(
          new Service("talent-demand-service", 8081, "talent_demand"),
          // A cohort import's chunk (2,000 students, their events, one COPY each) outgrows a small
          // young generation: survivors spilled into the old one and full collections took a
          // third of the import's CPU (deploy/import-benchmark, curriculum-service README).
          new Service(
              "curriculum-service", 8082, "curriculum", List.of("-Xms512m", "-Xmx1g", "-Xmn256m")),
          new Service("internship-service", 8083, "internship"),
          // The ranking index is in memory; a rebuild also holds every profile as an object while
          // it builds: by estimate more than 512 MB at 1,000,000 profiles (a few cohorts of a
          // city like Shanghai).
          new Service("matching-service", 8084, "matching", List.of("-Xms256m", "-Xmx2g")));

  /**
   * The web portal: no database (null), started once the services are ready, supervised like them.
   * It signs people in with the development sign-in, minting tokens with this platform's key.
   */
  static final Service PORTAL =
      new Service("web-portal", 8080, null, List.of("-Xms64m", "-Xmx256m"));

  private final Path root;
  private final Path home;
  private final Map<String, String> env = System.getenv();
  private Supervisor supervisor;
  private EmbeddedPostgres postgres;
  private boolean stopped;

  private LocalPlatform(Path root, Path home) {
    this.root = root;
    this.home = home;
  }

  /**
   * Every service instance to run: one of each service, or as many as {@code QIAO_INSTANCES_<X>}
   * says (several instances share the service's database and consumer group, as in production).
   */
  static List<Service> instances(Map<String, String> env) {
    List<Service> all = new ArrayList<>();
    for (Service s : SERVICES) {
      String asked = env.getOrDefault(s.instancesVariable(), "1").strip();
      int n;
      try {
        n = Integer.parseInt(asked);
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1 || n > MAX_INSTANCES) {
        throw new IllegalArgumentException(
            s.instancesVariable() + " must be 1 to " + MAX_INSTANCES + ", not " + asked);
      }
      all.add(s);
      for (int k = 2; k <= n; k++) {
        all.add(s.instance(k));
      }
    }
    return all;
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("qiao.root", ".")).toAbsolutePath().normalize();
    Path home =
        Path.of(System.getenv().getOrDefault("QIAO_HOME", root.resolve(".qiao").toString()))
            .toAbsolutePath();
    String command = args.length == 0 ? "run" : args[0];
    switch (command) {
      case "run" -> {
        try {
          new LocalPlatform(root, home).run();
        } catch (Exception e) {
          System.err.println("Qiao did not start: " + e.getMessage());
          // Exit runs the shutdown hook, which stops whatever had started.
          System.exit(1);
        }
      }
      case "token" -> {
        if (args.length < 3) {
          usage();
          System.exit(2);
        }
        // token ROLE ORG [SUBJECT] [HOURS]: a subject is never all digits (pseudonymous ids, mentor
        // ids), so a lone number is still the validity, as before subjects existed.
        String subject = null;
        long hours = 8;
        for (int i = 3; i < args.length; i++) {
          if (args[i].chars().allMatch(Character::isDigit)) {
            hours = Long.parseLong(args[i]);
          } else {
            subject = args[i];
          }
        }
        System.out.println(
            new Tokens(home).mint(args[1], args[2], subject, Duration.ofHours(hours)));
      }
      case "stop" -> stop(home);
      case "status" -> System.exit(PlatformStatus.print(home));
      case "dlt" -> System.exit(DeadLetters.run(root, args));
      default -> {
        usage();
        System.exit(2);
      }
    }
  }

  private static void usage() {
    System.err.println(
        """
        usage: deploy/qiao run                      start Kafka, PostgreSQL and the four services
               deploy/qiao token ROLE ORG [SUBJECT] [HOURS]
                                                    print a bearer token (roles: enterprise,
                                                    university, student, mentor, government,
                                                    admin); SUBJECT is the person acting (a
                                                    student's pseudonymous id, a mentor's id)
                                                    QIAO_INSTANCES_MATCHING=2 (or _TALENT_DEMAND,
                                                    _CURRICULUM, _INTERNSHIP; up to 4) runs more
                                                    instances of a service, each 100 ports up;
                                                    QIAO_OTLP_ENDPOINT=http://host:4318 sends
                                                    traces there (OTLP over HTTP)
               deploy/qiao stop                     stop a running platform
               deploy/qiao status                   each component: ready, starting, down or
                                                    failed, with pid, uptime and restarts
                                                    (exit 0: all ready, 1: not all, 3: none running)
               deploy/qiao dlt list SERVICE         a service's dead letters (event id, type,
                                                    subject, reason, time)
               deploy/qiao dlt replay SERVICE [EVENT_ID ...]
                                                    re-publish them (all, or those named) to
                                                    their source topics
               deploy/qiao load [rankings] [SECONDS] [CONN ...]
                                                    Gatling load on a running platform
                                                    (deploy/load-test), report in
                                                    .qiao/load-report.md
        """);
  }

  private void run() throws Exception {
    Files.createDirectories(home.resolve("logs"));
    checkPortsFree();
    Path pidFile = home.resolve("platform.pid");
    Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  shutdown();
                  try {
                    Files.deleteIfExists(pidFile);
                  } catch (IOException e) {
                    // nothing left to do on the way out
                  }
                  stopped.countDown();
                },
                "qiao-shutdown"));

    List<Service> services = instances(env);
    Tokens tokens = new Tokens(home);
    tokens.ensureKeyPair();
    Supervisor watch = new Supervisor(home, env);
    synchronized (this) {
      supervisor = watch;
    }
    watch.start();
    String jdbcBase = startPostgres();
    String bootstrap = startKafka();
    for (Service s : services) {
      Path log = home.resolve("logs").resolve(s.name() + ".log");
      System.out.println("Starting " + s.name() + " on port " + s.port() + " (log: " + log + ")");
      watch.startService(
          s, log, () -> startService(s, log, jdbcBase, bootstrap, tokens.publicKeyFile()));
    }
    for (Service s : services) {
      watch.awaitReady(s.name());
    }
    Path portalLog = home.resolve("logs").resolve(PORTAL.name() + ".log");
    System.out.println(
        "Starting " + PORTAL.name() + " on port " + PORTAL.port() + " (log: " + portalLog + ")");
    watch.startService(
        PORTAL,
        portalLog,
        () -> startService(PORTAL, portalLog, jdbcBase, bootstrap, tokens.publicKeyFile()));
    watch.awaitReady(PORTAL.name());
    System.out.println();
    System.out.println("Qiao is up. Logs: " + home.resolve("logs"));
    System.out.printf("  %-22s %-30s %s%n", "service", "API", "Swagger UI");
    for (Service s : services) {
      System.out.printf(
          "  %-22s %-30s %s%n",
          s.name(),
          "http://127.0.0.1:" + s.port() + "/api/v1",
          "http://127.0.0.1:" + s.port() + "/q/swagger-ui");
    }
    System.out.println("  Kafka " + bootstrap + ", PostgreSQL " + jdbcBase);
    System.out.println(
        "Portal: http://127.0.0.1:"
            + PORTAL.port()
            + "/ (development sign-in: pick a role, organisation and person)");
    System.out.println("Token:  deploy/qiao token enterprise 91350200MA31E12PXF");
    System.out.println(
        "Status: deploy/qiao status (services that die are restarted, " + watch.limits() + ")");
    System.out.println("Stop:   Ctrl-C, or deploy/qiao stop");
    stopped.await();
  }

  /**
   * Fails before anything starts when a port the platform needs is taken (often: Qiao is already
   * running), instead of leaving half a platform behind.
   */
  private void checkPortsFree() {
    List<Integer> ports = new ArrayList<>();
    if (env.get("QIAO_POSTGRES_URL") == null) {
      ports.add(Integer.parseInt(env.getOrDefault("QIAO_POSTGRES_PORT", "15432")));
    }
    if (env.get("QIAO_KAFKA_BOOTSTRAP_SERVERS") == null) {
      int kafkaPort = Integer.parseInt(env.getOrDefault("QIAO_KAFKA_PORT", "19092"));
      ports.add(kafkaPort);
      ports.add(kafkaPort + 1);
    }
    instances(env).forEach(s -> ports.add(s.port()));
    ports.add(PORTAL.port());
    for (int port : ports) {
      try (var socket = new java.net.ServerSocket()) {
        socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
      } catch (IOException e) {
        throw new IllegalStateException(
            "port " + port + " is in use (is Qiao already running? deploy/qiao stop)");
      }
    }
  }

  /**
   * Embedded PostgreSQL with its data under the home, or an existing server (QIAO_POSTGRES_URL).
   */
  private String startPostgres() throws IOException, SQLException {
    String user = env.getOrDefault("QIAO_POSTGRES_USER", "postgres");
    String password = env.getOrDefault("QIAO_POSTGRES_PASSWORD", "");
    String base = env.get("QIAO_POSTGRES_URL");
    if (base == null) {
      int port = Integer.parseInt(env.getOrDefault("QIAO_POSTGRES_PORT", "15432"));
      System.setProperty("ot.epg.working-dir", home.resolve("postgres-bin").toString());
      // Its one complaint we would see is pg_ctl failing to stop a postmaster that already died
      // (before a restart), with a stack trace; failures to start surface as exceptions.
      System.setProperty(
          "org.slf4j.simpleLogger.log.io.zonky.test.db.postgres.embedded.EmbeddedPostgres", "off");
      System.out.println(
          "Starting PostgreSQL on 127.0.0.1:" + port + " (data: " + home.resolve("postgres") + ")");
      synchronized (this) {
        postgres = embeddedPostgres(port);
      }
      supervisor.embeddedPostgres(port, postmasterPid(), () -> restartPostgres(port));
      base = "jdbc:postgresql://127.0.0.1:" + port;
    } else {
      System.out.println("Using PostgreSQL at " + base);
      supervisor.externalPostgres(base);
    }
    try (Connection c = DriverManager.getConnection(base + "/postgres", user, password)) {
      for (Service s : SERVICES) {
        try (var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
          check.setString(1, s.database());
          if (!check.executeQuery().next()) {
            try (var create = c.createStatement()) {
              create.execute("create database " + s.database());
            }
          }
        }
      }
    }
    return base;
  }

  private EmbeddedPostgres embeddedPostgres(int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(home.resolve("postgres"))
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("listen_addresses", "127.0.0.1")
        // Embedded PostgreSQL turns synchronous_commit off; then a commit already answered (an
        // acknowledged write, a consumer's effect whose Kafka offset is committed next) is lost
        // when PostgreSQL crashes, and the event with it (found by deploy/chaos-test). With it on,
        // a commit is in the WAL before it is answered: a crash of PostgreSQL loses nothing (fsync
        // stays off, as only the machine itself crashing could lose the kernel's unwritten pages).
        .setServerConfig("synchronous_commit", "on")
        // A developer's database (fsync is already off): bulk writes such as a cohort import
        // should not spend their time in WAL-forced checkpoints, full-page images and backends
        // evicting their own dirty pages from the default 128 MB of buffers.
        .setServerConfig("shared_buffers", "512MB")
        .setServerConfig("max_wal_size", "4GB")
        .setServerConfig("full_page_writes", "off")
        // Queue-like tables (the outbox) are vacuumed as soon as their thresholds are crossed,
        // not once a minute per database.
        .setServerConfig("autovacuum_naptime", "5s")
        // after a crash it replays its WAL first
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
  }

  private long postmasterPid() throws IOException {
    // The first line of postmaster.pid; pg_ctl started the postmaster, so it is not our child.
    return Long.parseLong(
        Files.readAllLines(home.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
  }

  /** Starts the embedded PostgreSQL again on its data directory and port, after it died. */
  private synchronized long restartPostgres(int port) throws IOException {
    if (stopped) {
      throw new IllegalStateException("Qiao is stopping");
    }
    // pg_ctl stop fails on a dead postmaster; close still releases the instance's lock.
    postgres.close();
    // A start that failed keeps its lock on the lock file until collected: a new file is free.
    Files.deleteIfExists(home.resolve("postgres").resolve("epg-lock"));
    postgres = embeddedPostgres(port);
    return postmasterPid();
  }

  /**
   * Kafka in a JVM of its own with its log under the home, supervised like a service, or an
   * existing cluster (QIAO_KAFKA_BOOTSTRAP_SERVERS).
   */
  private String startKafka() throws Exception {
    String external = env.get("QIAO_KAFKA_BOOTSTRAP_SERVERS");
    if (external != null) {
      System.out.println("Using Kafka at " + external);
      supervisor.externalKafka(external);
      return external;
    }
    int port = Integer.parseInt(env.getOrDefault("QIAO_KAFKA_PORT", "19092"));
    Path log = home.resolve("logs").resolve("kafka.log");
    System.out.println(
        "Starting Kafka on 127.0.0.1:"
            + port
            + " (data: "
            + home.resolve("kafka")
            + ", log: "
            + log
            + ")");
    String bootstrap = "127.0.0.1:" + port;
    supervisor.startKafka(bootstrap, log, () -> startKafkaNode(port, log));
    supervisor.awaitReady("kafka");
    return bootstrap;
  }

  private Process startKafkaNode(int port, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xms128m", "-Xmx512m"));
    command.addAll(
        List.of(
            "-XX:+ExitOnOutOfMemoryError",
            // The broker's INFO lines (a config dump on every start) would bury what matters.
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            // The launcher's own jar: its manifest's class path brings the Kafka artifacts.
            "-cp",
            System.getProperty("java.class.path"),
            KafkaNode.class.getName(),
            home.resolve("kafka").toString(),
            Integer.toString(port),
            Integer.toString(port + 1)));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return pb.start();
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private Process startService(
      Service s, Path log, String jdbcBase, String bootstrap, Path publicKey) throws IOException {
    Path jar = root.resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: build first (deploy/qiao run builds it)");
    }
    List<String> command = new ArrayList<>(List.of(javaCommand()));
    command.addAll(s.heap());
    // An OutOfMemoryError can leave a JVM alive with dead threads (an outbox relay, a consumer):
    // exit instead, and the supervisor restarts a whole service.
    command.addAll(
        List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> e = pb.environment();
    e.put("QUARKUS_HTTP_PORT", Integer.toString(s.port()));
    if (s.database() == null) {
      // The portal: the services' addresses are the defaults; the development sign-in signs with
      // the key whose public half the services trust.
      e.put("QUARKUS_PROFILE", "local");
      e.put(
          "QIAO_PORTAL_DEV_SIGN_IN_PRIVATE_KEY_LOCATION",
          publicKey.resolveSibling("private.pem").toString());
      pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      return pb.start();
    }
    e.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcBase + "/" + s.database());
    e.put("QUARKUS_DATASOURCE_USERNAME", env.getOrDefault("QIAO_POSTGRES_USER", "postgres"));
    e.put("QUARKUS_DATASOURCE_PASSWORD", env.getOrDefault("QIAO_POSTGRES_PASSWORD", ""));
    e.put("QIAO_MESSAGING_BOOTSTRAP_SERVERS", bootstrap);
    // One developer and the load generator act as one organisation: no rate limit locally
    // unless asked for (QIAO_HTTP_RATE_LIMIT_ENABLED=true in the launcher's environment).
    e.put(
        "QIAO_HTTP_RATE_LIMIT_ENABLED", env.getOrDefault("QIAO_HTTP_RATE_LIMIT_ENABLED", "false"));
    e.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toUri().toString());
    // Readable log lines on a developer's machine; production logs JSON (the kit's default).
    e.put(
        "QUARKUS_LOG_CONSOLE_JSON_ENABLED",
        env.getOrDefault("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"));
    String otlp = env.get("QIAO_OTLP_ENDPOINT");
    if (otlp != null && !otlp.isBlank()) {
      // Traces to a collector the developer runs (OTLP over HTTP, e.g. Jaeger's port 4318).
      e.put("QUARKUS_OTEL_SDK_DISABLED", "false");
      e.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", otlp.strip());
    }
    if (s.module().equals("curriculum-service")
        && !env.containsKey("QIAO_CURRICULUM_PSEUDONYM_CURRENT_KEY")) {
      // This platform's own pseudonym key, made on first run and kept (ids stay stable across
      // restarts); a deployment brings its key from its secret store instead.
      e.put("QIAO_CURRICULUM_PSEUDONYM_CURRENT_KEY", "local");
      e.put("QIAO_CURRICULUM_PSEUDONYM_KEYS_LOCAL", localSecret("pseudonym-key"));
      e.put("QIAO_CURRICULUM_IMPORTS_DIRECTORY", home.resolve("imports").toString());
    }
    if (s.module().equals("matching-service")
        && !env.containsKey("QIAO_PARTNERS_WEBHOOKS_ALLOWED_HOSTS")) {
      // Locally, a partner's webhook receiver runs on this machine (ADR 0018); production
      // delivers to public https addresses only.
      e.put("QIAO_PARTNERS_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1");
    }
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return pb.start();
  }

  /** A random 256-bit secret (base64) kept under the platform's home, readable by its owner. */
  private String localSecret(String name) throws IOException {
    Path file = home.resolve("secrets").resolve(name);
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      byte[] key = new byte[32];
      new java.security.SecureRandom().nextBytes(key);
      Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
      try {
        Files.setPosixFilePermissions(
            file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
    }
    return Files.readString(file).strip();
  }

  private synchronized void shutdown() {
    System.out.println("Stopping Qiao ...");
    stopped = true;
    // First, so that nothing stopped from here on is taken for a crash and restarted.
    List<List<Process>> processes = supervisor == null ? List.of() : supervisor.stop();
    // The services first, then the broker they write to: each group stops in parallel.
    for (List<Process> group : processes) {
      group.forEach(Process::destroy);
      for (Process p : group) {
        try {
          if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
        }
      }
    }
    if (postgres != null) {
      long pid = -1;
      try {
        pid = postmasterPid();
      } catch (IOException | RuntimeException e) {
        // not running (any more)
      }
      try {
        postgres.close();
      } catch (IOException e) {
        System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
      }
      // close() keeps pg_ctl's complaints to itself (its logger is off), and returns at once when
      // PostgreSQL's own shutdown hook is already stopping it: check for ourselves.
      Optional<ProcessHandle> postmaster = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
      try {
        if (postmaster.isPresent()) {
          postmaster.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
      } catch (Exception e) {
        System.err.println("PostgreSQL (pid " + pid + ") did not stop");
      }
      postgres = null;
    }
    if (supervisor != null) {
      supervisor.removeStatus();
    }
    System.out.println("Qiao stopped.");
  }

  private static void stop(Path home) throws IOException, InterruptedException {
    Path pidFile = home.resolve("platform.pid");
    if (!Files.exists(pidFile)) {
      System.out.println("No running platform (no " + pidFile + ")");
      return;
    }
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    var handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      Files.deleteIfExists(pidFile);
      System.out.println("No running platform (stale pid " + pid + ")");
      return;
    }
    boolean isPlatform =
        handle.get().info().commandLine().map(c -> c.contains("local-platform")).orElse(false);
    if (!isPlatform) {
      Files.deleteIfExists(pidFile);
      System.out.println("No running platform (pid " + pid + " is another program)");
      return;
    }
    handle.get().destroy();
    handle.get().onExit().join();
    System.out.println("Stopped platform " + pid);
  }
}
