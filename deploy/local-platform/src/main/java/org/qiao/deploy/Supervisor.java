package org.qiao.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps what the launcher started alive and says what happens to it. A service JVM that exits
 * unexpectedly is reported at once and restarted with exponential backoff, at most
 * QIAO_MAX_RESTARTS times within QIAO_RESTART_WINDOW_SECONDS; after that it is FAILED and left
 * alone while the rest keeps running. The embedded Kafka broker (a JVM of its own) and the embedded
 * PostgreSQL are restarted the same way. A service that stays unready for
 * QIAO_UNREADY_RESTART_SECONDS while PostgreSQL and Kafka are up (hung, or a dead consumer or relay
 * thread) is killed and so restarted too, as an orchestrator's liveness probe would. Every change,
 * and a heartbeat every few seconds, goes to the status file that {@code deploy/qiao status} reads.
 */
final class Supervisor {

  enum State {
    STARTING,
    READY,
    DOWN,
    FAILED;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Starts a service's (or the broker's) JVM; called again for every restart. */
  interface Launch {
    Process start() throws IOException;
  }

  /** Starts the embedded PostgreSQL again and returns its postmaster's pid. */
  interface PostgresRestart {
    long start() throws Exception;
  }

  private static final Duration TICK = Duration.ofSeconds(2);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  /** One component as the status file shows it. */
  private static final class Component {
    final String name;
    final String url;
    final String probe;
    final boolean external;
    State state = State.STARTING;
    long pid = -1;
    Instant since = Instant.now();
    int restarts;
    Instant downSince;
    // Restarts within the window: the bound applies to these.
    final Deque<Instant> recent = new ArrayDeque<>();

    Component(String name, String url, String probe, boolean external) {
      this.name = name;
      this.url = url;
      this.probe = probe;
      this.external = external;
    }
  }

  /** A service JVM and how to start it again. */
  private static final class Unit {
    final Component c;
    final Path log;
    final Launch launch;
    Process process;
    // Only a service that was ready once is restarted: one that cannot start fails the start-up.
    boolean supervised;
    // Since when a ready service's probe has failed (while PostgreSQL and Kafka were up).
    Instant unreadySince;

    Unit(Component c, Path log, Launch launch) {
      this.c = c;
      this.log = log;
      this.launch = launch;
    }
  }

  private final Path home;
  private final int maxRestarts;
  private final Duration window;
  private final Duration unreadyLimit;
  private final Instant started = Instant.now();
  private final Map<String, Component> components = new LinkedHashMap<>();
  private final Map<String, Unit> units = new LinkedHashMap<>();
  private final ScheduledExecutorService scheduler;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private Component postgres;
  private PostgresRestart postgresRestart;
  private List<ProcessHandle> postgresChildren = List.of();
  private Component kafka;
  private boolean stopping;
  private boolean stopRequested;
  private boolean statusWriteFailed;

  Supervisor(Path home, Map<String, String> env) {
    this.home = home;
    this.maxRestarts = positive(env, "QIAO_MAX_RESTARTS", 5);
    this.window = Duration.ofSeconds(positive(env, "QIAO_RESTART_WINDOW_SECONDS", 600));
    // 0 turns it off.
    this.unreadyLimit = Duration.ofSeconds(positive(env, "QIAO_UNREADY_RESTART_SECONDS", 60));
    this.scheduler =
        Executors.newScheduledThreadPool(
            3,
            r -> {
              Thread t = new Thread(r, "qiao-supervisor");
              t.setDaemon(true);
              return t;
            });
  }

  private static int positive(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalStateException(name + " must be a whole number >= 0, not '" + value + "'");
  }

  String limits() {
    return "at most "
        + maxRestarts
        + " restarts within "
        + PlatformStatus.duration(window)
        + (unreadyLimit.isZero()
            ? ""
            : "; unready for " + PlatformStatus.duration(unreadyLimit) + ": restarted");
  }

  // --- registration, during start-up ---

  synchronized void embeddedPostgres(int port, long pid, PostgresRestart restart) {
    postgres =
        add(
            new Component(
                "postgres", "jdbc:postgresql://127.0.0.1:" + port, "127.0.0.1:" + port, false));
    postgres.pid = pid;
    postgres.state = State.READY;
    postgresRestart = restart;
    writeStatus();
  }

  synchronized void externalPostgres(String url) {
    // jdbc:postgresql://host:port[/db][?…]: the status command connects to host:port.
    String hostPort = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("[/?,].*$", "");
    String probe = hostPort.contains(":") ? hostPort : hostPort + ":5432";
    add(new Component("postgres", url, probe, true)).state = State.READY;
    writeStatus();
  }

  /** Starts the embedded broker's JVM; it is ready when its listener accepts connections. */
  synchronized void startKafka(String bootstrap, Path log, Launch launch) throws IOException {
    kafka = add(new Component("kafka", bootstrap, bootstrap, false));
    Unit u = new Unit(kafka, log, launch);
    units.put(kafka.name, u);
    launch(u);
    writeStatus();
  }

  synchronized void externalKafka(String bootstrap) {
    String probe = bootstrap.split(",")[0].trim();
    add(new Component("kafka", bootstrap, probe, true)).state = State.READY;
    writeStatus();
  }

  private Component add(Component c) {
    components.put(c.name, c);
    return c;
  }

  /** Starts a service JVM and watches it from now on. */
  synchronized void startService(LocalPlatform.Service s, Path log, Launch launch)
      throws IOException {
    String url = "http://127.0.0.1:" + s.port();
    Unit u =
        new Unit(add(new Component(s.name(), url, url + "/q/health/ready", false)), log, launch);
    units.put(s.name(), u);
    launch(u);
    writeStatus();
  }

  private void launch(Unit u) throws IOException {
    Process p = u.launch.start();
    u.process = p;
    u.c.pid = p.pid();
    u.c.since = Instant.now();
    u.c.state = State.STARTING;
    p.onExit().thenAccept(this::exited);
  }

  /** Waits for a unit's first readiness; from then on it is restarted when it exits. */
  void awaitReady(String name) throws Exception {
    Unit u;
    synchronized (this) {
      u = units.get(name);
    }
    Process p = u.process;
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new IllegalStateException(name + " exited with " + p.exitValue() + "; see " + u.log);
      }
      if (ready(u.c.probe)) {
        synchronized (this) {
          u.c.state = State.READY;
          u.supervised = true;
          writeStatus();
        }
        System.out.println(name + " is ready");
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT);
  }

  /** Starts the status heartbeat, and watching PostgreSQL and Kafka once they are registered. */
  void start() {
    scheduler.scheduleWithFixedDelay(
        this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  // --- services ---

  private void exited(Process p) {
    int code = p.exitValue();
    // Ctrl-C and a group-wide SIGTERM reach the services too, and one may exit a moment before
    // this JVM starts its own shutdown: such exits are judged after a short grace.
    long grace = code == 130 || code == 143 ? 1000 : 0;
    later(() -> judgeExit(p, code), Duration.ofMillis(grace));
  }

  private synchronized void judgeExit(Process p, int code) {
    Unit u = units.values().stream().filter(x -> x.process == p).findFirst().orElse(null);
    if (u == null || shuttingDown()) {
      return;
    }
    u.c.state = State.DOWN;
    u.c.pid = -1;
    u.c.downSince = Instant.now();
    if (!u.supervised) {
      // still starting up: awaitReady reports it and the start-up fails
      writeStatus();
      return;
    }
    String what =
        u.c.name + " exited unexpectedly (exit code " + code + signal(code) + "); log: " + u.log;
    restartLater(u.c, what, () -> restart(u, code));
  }

  private void restart(Unit u, int code) {
    Process p;
    synchronized (this) {
      if (shuttingDown()) {
        return;
      }
      try {
        Files.writeString(
            u.log,
            "\n--- "
                + Instant.now()
                + " Qiao launcher: restart "
                + u.c.restarts
                + " after exit code "
                + code
                + " ---\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        launch(u);
      } catch (IOException | RuntimeException e) {
        u.c.state = State.DOWN;
        restartLater(
            u.c, u.c.name + " could not be started: " + e.getMessage(), () -> restart(u, code));
        return;
      }
      say(u.c.name + " restarting (restart " + u.c.restarts + ", pid " + u.c.pid + ")");
      writeStatus();
      p = u.process;
    }
    awaitReadyAgain(u, p, Instant.now().plus(READY_TIMEOUT));
  }

  /** Polls a restarted service's readiness on the scheduler, never blocking it for long. */
  private void awaitReadyAgain(Unit u, Process p, Instant deadline) {
    synchronized (this) {
      if (shuttingDown() || u.process != p || !p.isAlive()) {
        return; // its exit, if any, is judged on its own
      }
    }
    if (ready(u.c.probe)) {
      synchronized (this) {
        if (u.process == p && !shuttingDown()) {
          u.c.state = State.READY;
          u.unreadySince = null;
          say(
              u.c.name
                  + " is ready again (restart "
                  + u.c.restarts
                  + "; down "
                  + seconds(Duration.between(u.c.downSince, Instant.now()))
                  + ")");
          writeStatus();
        }
      }
      return;
    }
    if (Instant.now().isAfter(deadline)) {
      say(u.c.name + " was not ready within " + READY_TIMEOUT + " of its restart; killing it");
      p.destroyForcibly(); // its exit counts as one more failure
      return;
    }
    later(() -> awaitReadyAgain(u, p, deadline), Duration.ofMillis(500));
  }

  /** A service's readiness endpoint answers 200, or the broker's host:port accepts connections. */
  private boolean ready(String probe) {
    if (probe.startsWith("http")) {
      return Readiness.answers(http, probe, Duration.ofSeconds(3));
    }
    int colon = probe.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              probe.substring(0, colon), Integer.parseInt(probe.substring(colon + 1))),
          2000);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Reports a failure and schedules the next attempt after a backoff that doubles each time, or
   * gives up once the bound is reached. Called with the lock held.
   */
  private boolean restartLater(Component c, String what, Runnable restart) {
    Instant now = Instant.now();
    while (!c.recent.isEmpty() && c.recent.peekFirst().isBefore(now.minus(window))) {
      c.recent.removeFirst();
    }
    if (c.recent.size() >= maxRestarts) {
      c.state = State.FAILED;
      c.pid = -1;
      say(
          "FAILED: "
              + what
              + "; it was restarted "
              + c.recent.size()
              + " times within "
              + PlatformStatus.duration(window)
              + " (QIAO_MAX_RESTARTS="
              + maxRestarts
              + "), so it stays down"
              + (c == postgres ? "" : "; the rest keeps running"));
      writeStatus();
      return false;
    }
    Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(c.recent.size(), 10));
    if (delay.compareTo(MAX_BACKOFF) > 0) {
      delay = MAX_BACKOFF;
    }
    c.recent.addLast(now);
    c.restarts++;
    say(what + "; restart " + c.restarts + " in " + seconds(delay));
    writeStatus();
    later(restart, delay);
    return true;
  }

  // --- PostgreSQL and readiness, checked every tick ---

  private void tick() {
    try {
      checkPostgres();
      checkUnready();
      synchronized (this) {
        writeStatus();
      }
    } catch (RuntimeException e) {
      // A periodic task that throws is never run again: report and carry on.
      System.err.println("supervisor check failed: " + e);
    }
  }

  private void checkPostgres() {
    long pid;
    synchronized (this) {
      if (postgresRestart == null || postgres.state != State.READY || shuttingDown()) {
        return;
      }
      pid = postgres.pid;
    }
    var postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (postmaster.isPresent()) {
      // Remembered so that a restart can wait for a killed postmaster's backends to go.
      postgresChildren = postmaster.get().children().toList();
      return;
    }
    synchronized (this) {
      if (shuttingDown()) {
        return;
      }
      postgres.state = State.DOWN;
      postgres.pid = -1;
      postgres.downSince = Instant.now();
      List<ProcessHandle> leftovers = postgresChildren;
      String what = "postgres (postmaster pid " + pid + ") is gone";
      if (!restartLater(postgres, what, () -> restartPostgres(leftovers))) {
        stopPlatform("PostgreSQL cannot be kept running");
      }
    }
  }

  private void restartPostgres(List<ProcessHandle> leftovers) {
    // A killed postmaster's backends hold its shared memory until they notice; a new postmaster
    // refuses to start while they do.
    for (ProcessHandle child : leftovers) {
      try {
        child.onExit().get(10, TimeUnit.SECONDS);
      } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
        break; // try anyway; a failed start counts as an attempt
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    synchronized (this) {
      if (shuttingDown()) {
        return;
      }
      say("postgres restarting (restart " + postgres.restarts + ")");
    }
    long pid;
    try {
      pid = postgresRestart.start();
    } catch (Exception e) {
      synchronized (this) {
        if (shuttingDown()) {
          return;
        }
        String what = "postgres could not be restarted: " + e.getMessage();
        if (!restartLater(postgres, what, () -> restartPostgres(List.of()))) {
          stopPlatform("PostgreSQL cannot be restarted (" + e.getMessage() + ")");
        }
      }
      return;
    }
    synchronized (this) {
      if (shuttingDown()) {
        return; // the launcher's shutdown stops the new instance
      }
      postgres.pid = pid;
      postgres.since = Instant.now();
      postgres.state = State.READY;
      say(
          "postgres is ready again (restart "
              + postgres.restarts
              + ", pid "
              + pid
              + "; down "
              + seconds(Duration.between(postgres.downSince, Instant.now()))
              + ")");
      writeStatus();
    }
  }

  /**
   * Kills a supervised unit that stayed unready too long, so that its exit restarts it. A service's
   * time counts only while PostgreSQL and Kafka are ready: without them it cannot be ready, and a
   * restart would not help.
   */
  private void checkUnready() {
    if (unreadyLimit.isZero()) {
      return;
    }
    List<Unit> watched;
    synchronized (this) {
      if (shuttingDown()) {
        return;
      }
      watched =
          units.values().stream()
              .filter(u -> u.supervised && u.c.state == State.READY && u.process.isAlive())
              .toList();
    }
    for (Unit u : watched) {
      Process p = u.process;
      boolean isReady = ready(u.c.probe);
      synchronized (this) {
        if (shuttingDown() || u.process != p || u.c.state != State.READY) {
          continue;
        }
        if (isReady || (u.c != kafka && !infrastructureReady())) {
          u.unreadySince = null;
          continue;
        }
        Instant now = Instant.now();
        if (u.unreadySince == null) {
          u.unreadySince = now;
          continue;
        }
        Duration unready = Duration.between(u.unreadySince, now);
        if (unready.compareTo(unreadyLimit) >= 0) {
          say(
              u.c.name
                  + " (pid "
                  + u.c.pid
                  + ") has been unready for "
                  + seconds(unready)
                  + " while PostgreSQL and Kafka were up (QIAO_UNREADY_RESTART_SECONDS="
                  + unreadyLimit.toSeconds()
                  + "); killing it");
          u.unreadySince = null;
          p.destroyForcibly(); // its exit is judged like a crash and restarts it
        }
      }
    }
  }

  /** PostgreSQL and Kafka as the launcher sees them (external ones count as up). Lock held. */
  private boolean infrastructureReady() {
    return (postgres == null || postgres.state == State.READY)
        && (kafka == null || kafka.state == State.READY);
  }

  // --- stopping ---

  /** Stops the platform from inside, e.g. when Kafka died: the shutdown hook stops the rest. */
  private synchronized void stopPlatform(String reason) {
    if (stopRequested || stopping) {
      return;
    }
    stopRequested = true;
    say(reason + "; stopping Qiao");
    // Not on this thread: exit waits for the shutdown hook, which waits for the supervisor.
    new Thread(() -> System.exit(1), "qiao-stop").start();
  }

  /**
   * From now on nothing is restarted; returns the JVMs to stop, in the order to stop them: the
   * services, then the broker.
   */
  synchronized List<List<Process>> stop() {
    stopping = true;
    scheduler.shutdownNow();
    List<Process> services = new ArrayList<>();
    List<Process> broker = new ArrayList<>();
    for (Unit u : units.values()) {
      if (u.process != null) {
        (u.c == kafka ? broker : services).add(u.process);
      }
    }
    return List.of(services, broker);
  }

  /** The platform has stopped: no status left to read. */
  synchronized void removeStatus() {
    try {
      Files.deleteIfExists(home.resolve(PlatformStatus.FILE));
      Files.deleteIfExists(home.resolve(PlatformStatus.FILE + ".tmp"));
    } catch (IOException e) {
      // the status command also checks the launcher's pid
    }
  }

  private boolean shuttingDown() {
    return stopping || stopRequested || jvmShuttingDown();
  }

  /**
   * True once the JVM runs its shutdown hooks. The hooks run in parallel (PostgreSQL's own closer
   * among them), so a component may stop before our hook has said the platform is stopping.
   */
  private static boolean jvmShuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  // --- helpers ---

  private void later(Runnable task, Duration delay) {
    try {
      scheduler.schedule(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              System.err.println("supervisor task failed: " + e);
            }
          },
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // stopping: nothing more to do
    }
  }

  /** Called with the lock held. */
  private void writeStatus() {
    if (stopping) {
      return;
    }
    List<PlatformStatus.Entry> entries = new ArrayList<>();
    for (Component c : components.values()) {
      entries.add(
          new PlatformStatus.Entry(
              c.name, c.state.label(), c.pid, c.since, c.restarts, c.url, c.probe, c.external));
    }
    try {
      PlatformStatus.write(
          home,
          new PlatformStatus.Snapshot(
              ProcessHandle.current().pid(), started, Instant.now(), entries));
      statusWriteFailed = false;
    } catch (IOException e) {
      if (!statusWriteFailed) {
        System.err.println("could not write " + home.resolve(PlatformStatus.FILE) + ": " + e);
      }
      statusWriteFailed = true;
    }
  }

  private static void say(String line) {
    System.out.println(CLOCK.format(Instant.now()) + " " + line);
  }

  private static String signal(int code) {
    return switch (code) {
      case 129 -> ", SIGHUP";
      case 130 -> ", SIGINT";
      case 134 -> ", SIGABRT";
      case 137 -> ", SIGKILL";
      case 139 -> ", SIGSEGV";
      case 143 -> ", SIGTERM";
      default -> "";
    };
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
