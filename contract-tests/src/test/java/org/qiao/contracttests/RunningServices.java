package org.qiao.contracttests;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.qiao.kit.testing.KafkaBroker;
import org.qiao.kit.testing.TestJwt;

/**
 * Runs services from their built jars ({@code <service>/target/quarkus-app/quarkus-run.jar}), as
 * production does, once per test class: an embedded PostgreSQL with one database per service, the
 * kit's in-JVM Kafka broker, and each service as a child JVM on a free port, configured by
 * environment variables and trusting {@link TestJwt}'s key. Service output goes to {@code
 * target/contract-tests/<service>.log}; its tail is printed when a test fails.
 */
public final class RunningServices implements BeforeAllCallback, AfterAllCallback, TestWatcher {

  /** A service to start: its module directory and database (null: the web portal, no database). */
  public record Service(String name, String database) {}

  /** The web portal, started after the services, calling them and signing in with TestJwt's key. */
  public static final Service PORTAL = new Service("web-portal", null);

  private static final String PSEUDONYM_KEY =
      java.util.Base64.getEncoder()
          .encodeToString(new java.security.SecureRandom().generateSeed(32));
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  /**
   * The in-JVM broker and the embedded PostgreSQL log their start-up at INFO (thousands of lines);
   * only their warnings reach the build output. Held here: JUL keeps loggers weakly.
   */
  private static final List<Logger> QUIET =
      warningsOnly("kafka", "org.apache.kafka", "state.change.logger", "io.zonky");

  private static final int TAIL_LINES = 60;

  private final List<Service> services;
  private final Path root = Path.of(System.getProperty("qiao.root", "..")).toAbsolutePath();
  private final Path logs = Path.of("target", "contract-tests").toAbsolutePath();
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private EmbeddedPostgres postgres;
  private KafkaBroker broker;

  public RunningServices(Service... services) {
    this.services = List.of(services);
  }

  /** Environment every service (not the portal) starts with, beyond the test defaults. */
  private final Map<String, String> environment = new LinkedHashMap<>();

  /** Starts every service with these variables too (e.g. an OTLP collector to export to). */
  public RunningServices withEnvironment(Map<String, String> variables) {
    environment.putAll(variables);
    return this;
  }

  /** The base URI of a running service, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUri(String service) {
    Integer port = ports.get(service);
    if (port == null) {
      throw new IllegalArgumentException(service + " is not running");
    }
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    try {
      start();
    } catch (Exception | Error e) {
      printLogTails();
      stop();
      throw e;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    printLogTails();
  }

  private void start() throws Exception {
    Files.createDirectories(logs);
    List<Path> jars = new ArrayList<>();
    for (Service s : services) {
      Path jar = root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(
            jar + " is missing: build the service first (./mvnw package -pl " + s.name() + ")");
      }
      jars.add(jar);
    }
    Path work = Path.of(System.getProperty("qiao.test.work-dir", "target/qiao-test-infra"));
    postgres = EmbeddedPostgres.builder().start();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      for (Service s : services) {
        if (s.database() != null) {
          st.execute("create database " + s.database());
        }
      }
    }
    broker = KafkaBroker.start(work);
    for (int i = 0; i < services.size(); i++) {
      if (services.get(i).database() != null) {
        launch(services.get(i), jars.get(i));
      }
    }
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    for (Service s : services) {
      if (s.database() != null) {
        awaitReady(s, deadline);
      }
    }
    // The portal last: it is given the services' addresses.
    for (int i = 0; i < services.size(); i++) {
      if (services.get(i).database() == null) {
        launch(services.get(i), jars.get(i));
        awaitReady(services.get(i), deadline);
      }
    }
  }

  /**
   * Stops a service and starts it again from its jar on the same port and database, with extra
   * environment (e.g. {@code QIAO_CLOCK_OFFSET}); returns once it is ready.
   */
  public void restart(String service, Map<String, String> extraEnv) throws Exception {
    Service s =
        services.stream()
            .filter(x -> x.name().equals(service))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(service + " is not running"));
    Process old = processes.remove(s.name());
    old.destroy();
    if (!old.waitFor(20, TimeUnit.SECONDS)) {
      old.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    launch(
        s,
        root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar"),
        ports.get(s.name()),
        extraEnv);
    awaitReady(s, System.nanoTime() + READY_TIMEOUT.toNanos());
  }

  private void launch(Service s, Path jar) throws IOException {
    launch(s, jar, freePort(), Map.of());
  }

  private void launch(Service s, Path jar, int port, Map<String, String> extraEnv)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString());
    Map<String, String> env = pb.environment();
    if (s.database() == null) {
      portalEnvironment(env, port);
      env.putAll(extraEnv);
      Path log = logs.resolve(s.name() + ".log");
      pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      processes.put(s.name(), pb.start());
      ports.put(s.name(), port);
      return;
    }
    env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", s.database()));
    env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "");
    env.put("QIAO_MESSAGING_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("MP_JWT_VERIFY_PUBLICKEY", TestJwt.publicKeyPem());
    env.put("MP_JWT_VERIFY_ISSUER", TestJwt.ISSUER);
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("QIAO_HTTP_RATE_LIMIT_ENABLED", "false");
    // Partners' webhook receivers in the tests run on this machine (ADR 0018).
    env.put("QIAO_PARTNERS_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1");
    // curriculum-service derives pseudonymous ids with a key that production keeps secret.
    env.put("QIAO_CURRICULUM_PSEUDONYM_CURRENT_KEY", "contract");
    env.put("QIAO_CURRICULUM_PSEUDONYM_KEYS_CONTRACT", PSEUDONYM_KEY);
    // Readable log tails when a test fails (production's JSON lines are the kit's default).
    env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
    env.putAll(environment);
    env.putAll(extraEnv);
    Path log = logs.resolve(s.name() + ".log");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    processes.put(s.name(), pb.start());
    ports.put(s.name(), port);
  }

  /**
   * The portal as the local platform runs it (profile local: the development sign-in), calling the
   * services started here and minting tokens with TestJwt's key, which they trust.
   */
  private void portalEnvironment(Map<String, String> env, int port) throws IOException {
    Path key = logs.resolve("portal-sign-in-key.pem");
    Files.writeString(key, TestJwt.privateKeyPem());
    env.put("QUARKUS_PROFILE", "local");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("QIAO_PORTAL_DEV_SIGN_IN_PRIVATE_KEY_LOCATION", key.toString());
    Map<String, String> urls =
        Map.of(
            "talent-demand-service", "QIAO_PORTAL_SERVICES_TALENT_DEMAND",
            "curriculum-service", "QIAO_PORTAL_SERVICES_CURRICULUM",
            "internship-service", "QIAO_PORTAL_SERVICES_INTERNSHIP",
            "matching-service", "QIAO_PORTAL_SERVICES_MATCHING");
    urls.forEach(
        (service, variable) -> {
          if (ports.containsKey(service)) {
            env.put(variable, baseUri(service));
          }
        });
  }

  private void awaitReady(Service s, long deadline) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create(baseUri(s.name()) + "/q/health/ready");
    Process process = processes.get(s.name());
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            s.name() + " exited with " + process.exitValue() + " before it was ready");
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            s.name() + " was not ready within " + READY_TIMEOUT.toSeconds() + " s");
      }
      Thread.sleep(250);
    }
  }

  private void stop() {
    for (Process p : processes.values()) {
      p.destroy();
    }
    for (Process p : processes.values()) {
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
    ports.clear();
    if (broker != null) {
      broker.stop();
      broker = null;
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
      }
      postgres = null;
    }
  }

  private void printLogTails() {
    for (Service s : services) {
      Path log = logs.resolve(s.name() + ".log");
      if (!Files.exists(log)) {
        continue;
      }
      try {
        List<String> lines =
            new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        int from = Math.max(0, lines.size() - TAIL_LINES);
        System.err.println("---- last " + (lines.size() - from) + " lines of " + log + " ----");
        lines.subList(from, lines.size()).forEach(System.err::println);
      } catch (IOException e) {
        System.err.println("cannot read " + log + ": " + e.getMessage());
      }
    }
  }

  private static List<Logger> warningsOnly(String... categories) {
    List<Logger> loggers = new ArrayList<>();
    for (String category : categories) {
      Logger logger = Logger.getLogger(category);
      logger.setLevel(Level.WARNING);
      loggers.add(logger);
    }
    return loggers;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }
}
