package org.qiao.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CI's kill-and-recover check of a running local platform, loopback only. Demands are written to
 * talent-demand-service, each with a fresh Idempotency-Key that is retried as is on connection
 * errors, timeouts, 429 and 5xx; midway the service is killed with SIGKILL. Once the launcher has
 * restarted it and a few more demands are written, every acknowledged demand must be in
 * matching-service, every key must stand for exactly one demand, talent-demand-service must list
 * exactly the acknowledged demands, and {@code deploy/qiao status} must show the restart. Bounded
 * in demands and in time.
 */
final class KillRecoverCheck implements PlatformCheck {

  private static final String SERVICE = "talent-demand-service";
  private static final String DEMANDS = "http://127.0.0.1:8081/api/v1/demands";
  private static final String MATCHING = "http://127.0.0.1:8084/api/v1/demands/";
  private static final Duration BUDGET = Duration.ofSeconds(85);
  // Leaves the checks time within the budget.
  private static final Duration WRITE_BUDGET = Duration.ofSeconds(60);
  private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(45);
  private static final Duration IN_MATCHING_LIMIT = Duration.ofSeconds(30);
  private static final int MAX_DEMANDS = 250;
  private static final int WRITERS = 2;
  // Written before the kill and after the recovery, each (or for the time below, if sooner).
  private static final int PER_PHASE = 40;
  private static final Duration PHASE_TIME = Duration.ofSeconds(4);
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

  /** A demand the service acknowledged: its key, body and the id the 201 named. */
  record Ack(String key, String body, String id, Instant at) {}

  private final Path root;
  private final Path home;
  private final Tokens tokens;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final Instant start = Instant.now();
  private final Instant writeDeadline = start.plus(WRITE_BUDGET);
  private final Map<String, Ack> acks = new ConcurrentHashMap<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicInteger retries = new AtomicInteger();
  // 201s that were replays: the first attempt was committed but its answer was lost.
  private final AtomicInteger replayedOnRetry = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicReference<Throwable> writerFailure = new AtomicReference<>();
  private volatile boolean stopWriting;
  private String token;

  private KillRecoverCheck(Path root, Path home) {
    this.root = root;
    this.home = home;
    this.tokens = new Tokens(home);
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("qiao.root", ".")).toAbsolutePath().normalize();
    PlatformCheck.main(home -> new KillRecoverCheck(root, home));
  }

  @Override
  public void run() throws Exception {
    PlatformStatus.Entry before = entry();
    check(before.state().equals("ready"), SERVICE + " is " + before.state() + ", not ready");
    check(PlatformStatus.alive(before.pid()), SERVICE + " pid " + before.pid() + " is not alive");
    // An OutOfMemoryError must end the service (and so restart it), not leave it limping.
    String command = ProcessHandle.of(before.pid()).flatMap(h -> h.info().commandLine()).orElse("");
    check(
        command.contains("-XX:+ExitOnOutOfMemoryError"),
        SERVICE + " runs without -XX:+ExitOnOutOfMemoryError: " + command);
    String creditCode = creditCode();
    token = tokens.mint("enterprise", creditCode, Duration.ofHours(1));
    String enterpriseId = register(creditCode);
    System.out.println(
        "kill-recover: enterprise "
            + creditCode
            + " ("
            + enterpriseId
            + "); "
            + SERVICE
            + " pid "
            + before.pid()
            + ", restarts "
            + before.restarts());

    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      writers.add(pool.submit(this::write));
    }
    awaitAcks(PER_PHASE);
    int ackedBeforeKill = acks.size();
    Instant killedAt = Instant.now();
    check(
        ProcessHandle.of(before.pid()).map(ProcessHandle::destroyForcibly).orElse(false),
        "could not kill pid " + before.pid());
    System.out.println(
        "kill-recover: SIGKILL to "
            + SERVICE
            + " (pid "
            + before.pid()
            + ") after "
            + ackedBeforeKill
            + " acknowledged demands");

    PlatformStatus.Entry after = awaitRestarted(before, killedAt);
    Instant readyAt = Instant.now();
    System.out.println(
        "kill-recover: "
            + SERVICE
            + " ready again as pid "
            + after.pid()
            + " after "
            + seconds(killedAt, readyAt));
    int ackedAtRecovery = acks.size();
    awaitAcks(ackedAtRecovery + PER_PHASE);
    stopWriting = true;
    for (Future<?> f : writers) {
      f.get(WRITE_BUDGET.toSeconds(), TimeUnit.SECONDS);
    }
    pool.shutdown();
    if (writerFailure.get() != null) {
      throw new IllegalStateException(writerFailure.get().getMessage(), writerFailure.get());
    }
    Instant lastWrite = acks.values().stream().map(Ack::at).max(Instant::compareTo).orElseThrow();
    Instant firstAfterKill =
        acks.values().stream()
            .map(Ack::at)
            .filter(at -> at.isAfter(readyAt.minusSeconds(60)) && at.isAfter(killedAt))
            .min(Instant::compareTo)
            .orElse(null);
    check(
        acks.size() > ackedAtRecovery,
        "no demand was acknowledged after " + SERVICE + " was ready again");

    checkReplays();
    Instant inMatching = checkInMatching(lastWrite);
    checkListed(enterpriseId);
    checkStatusCommand(before.restarts() + 1);

    long afterKill = acks.values().stream().filter(a -> a.at().isAfter(killedAt)).count();
    System.out.printf(
        Locale.ROOT,
        "kill-recover: PASS in %s: %d demands acknowledged (%d after the kill), %d requests,"
            + " %d retries (%d of them answered by a replay: committed before the kill, answer lost),"
            + " every key one demand, all listed; %s ready again %s after SIGKILL, first write"
            + " acknowledged after the kill %s after it; all in matching-service %s after the"
            + " last write%n",
        seconds(start, Instant.now()),
        acks.size(),
        afterKill,
        attempts.get(),
        retries.get(),
        replayedOnRetry.get(),
        SERVICE,
        seconds(killedAt, readyAt),
        firstAfterKill == null ? "-" : seconds(killedAt, firstAfterKill),
        seconds(lastWrite, inMatching));
  }

  // --- writing ---

  /** One writer: demands one after another until told to stop, each until acknowledged. */
  private void write() {
    try {
      while (!stopWriting && started.get() < MAX_DEMANDS) {
        int i = started.incrementAndGet();
        if (i > MAX_DEMANDS) {
          return;
        }
        Ack ack = create(UUID.randomUUID().toString(), demandBody(i));
        acks.put(ack.key(), ack);
        Thread.sleep(20); // a steady trickle, not a load test
      }
    } catch (Throwable t) {
      writerFailure.compareAndSet(null, t);
      stopWriting = true;
    }
  }

  /** POSTs until a 201, retrying the same key; any other client error fails the check. */
  private Ack create(String key, String body) throws InterruptedException {
    long backoffMs = 100;
    while (true) {
      attempts.incrementAndGet();
      String why;
      try {
        HttpResponse<String> r = http.send(post(key, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 201) {
          if (r.headers().firstValue("Idempotent-Replayed").isPresent()) {
            replayedOnRetry.incrementAndGet();
          }
          return new Ack(key, body, id(r.body()), Instant.now());
        }
        check(
            r.statusCode() == 429 || r.statusCode() >= 500,
            "POST /api/v1/demands answered " + r.statusCode() + ": " + r.body());
        why = "status " + r.statusCode();
      } catch (IOException e) {
        why = e.toString(); // refused, reset, timed out: the service is down or restarting
      }
      if (Instant.now().plusMillis(backoffMs).isAfter(writeDeadline) || stopWritingNow()) {
        throw new IllegalStateException(
            "demand with key "
                + key
                + " not acknowledged within the time limit (last: "
                + why
                + ")");
      }
      retries.incrementAndGet();
      Thread.sleep(backoffMs);
      backoffMs = Math.min(backoffMs * 2, 1000);
    }
  }

  private boolean stopWritingNow() {
    return writerFailure.get() != null;
  }

  private HttpRequest post(String key, String body) {
    return HttpRequest.newBuilder(URI.create(DEMANDS))
        .timeout(Duration.ofSeconds(5))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  private void awaitAcks(int n) throws InterruptedException {
    Instant until = Instant.now().plus(PHASE_TIME);
    while (acks.size() < n && Instant.now().isBefore(until) && !stopWriting) {
      Thread.sleep(50);
    }
    if (writerFailure.get() != null) {
      throw new IllegalStateException(writerFailure.get().getMessage(), writerFailure.get());
    }
    check(!acks.isEmpty(), "no demand was acknowledged at all");
  }

  // --- recovery ---

  /** Waits until the status file shows the service restarted once more and it answers ready. */
  private PlatformStatus.Entry awaitRestarted(PlatformStatus.Entry before, Instant killedAt)
      throws Exception {
    Instant until = killedAt.plus(RECOVERY_LIMIT);
    PlatformStatus.Entry now = before;
    while (Instant.now().isBefore(until)) {
      now = entry();
      if (now.state().equals("ready")
          && now.pid() != before.pid()
          && now.restarts() == before.restarts() + 1
          && ready()) {
        return now;
      }
      if (now.state().equals("failed")) {
        break;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        SERVICE
            + " not restarted and ready within "
            + RECOVERY_LIMIT.toSeconds()
            + " s of the kill: status says "
            + now.state()
            + ", pid "
            + now.pid()
            + ", restarts "
            + now.restarts());
  }

  private boolean ready() {
    return Readiness.answers(http, "http://127.0.0.1:8081/q/health/ready", Duration.ofSeconds(2));
  }

  private PlatformStatus.Entry entry() throws IOException {
    PlatformStatus.Snapshot s = PlatformStatus.read(home);
    check(s != null, "no platform running (no status file under " + home + ")");
    return s.entries().stream()
        .filter(e -> e.name().equals(SERVICE))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the status file does not name " + SERVICE));
  }

  // --- checks ---

  /** The same key and body again: the same demand, replayed, nothing new. */
  private void checkReplays() throws Exception {
    for (Ack a : acks.values()) {
      HttpResponse<String> r =
          http.send(post(a.key(), a.body()), HttpResponse.BodyHandlers.ofString());
      check(
          r.statusCode() == 201 && a.id().equals(id(r.body())),
          "replaying key "
              + a.key()
              + " answered "
              + r.statusCode()
              + " "
              + r.body()
              + " instead of demand "
              + a.id());
      check(
          r.headers().firstValue("Idempotent-Replayed").orElse("").equals("true"),
          "replaying key " + a.key() + " was not marked Idempotent-Replayed");
    }
    Set<String> ids = new HashSet<>();
    acks.values().forEach(a -> ids.add(a.id()));
    check(
        ids.size() == acks.size(),
        acks.size() + " keys acknowledged but only " + ids.size() + " distinct demand ids");
  }

  /** Every acknowledged demand readable in matching-service; returns when the last one was. */
  private Instant checkInMatching(Instant lastWrite) throws Exception {
    String reader = tokens.mint("government", "kill-recover-check", Duration.ofHours(1));
    Set<String> pending = ConcurrentHashMap.newKeySet();
    acks.values().forEach(a -> pending.add(a.id()));
    Instant until = Instant.now().plus(IN_MATCHING_LIMIT);
    while (true) {
      for (String id : List.copyOf(pending)) {
        HttpRequest get =
            HttpRequest.newBuilder(URI.create(MATCHING + id))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + reader)
                .build();
        try {
          if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            pending.remove(id);
          }
        } catch (IOException e) {
          // asked again next round
        }
      }
      if (pending.isEmpty()) {
        return Instant.now();
      }
      check(
          Instant.now().isBefore(until),
          pending.size()
              + " acknowledged demands not in matching-service "
              + IN_MATCHING_LIMIT.toSeconds()
              + " s after the checks began, e.g. "
              + pending.iterator().next());
      Thread.sleep(200);
    }
  }

  /** talent-demand-service lists exactly the acknowledged demands: none lost, none extra. */
  private void checkListed(String enterpriseId) throws Exception {
    Set<String> listed = new HashSet<>();
    int rows = 0;
    String url = DEMANDS + "?enterpriseId=" + enterpriseId + "&limit=100";
    for (int page = 0; url != null; page++) {
      check(page <= MAX_DEMANDS / 100 + 2, "more pages than demands written");
      check(url.startsWith("http://127.0.0.1:8081/"), "next page off loopback: " + url);
      HttpRequest get =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + token)
              .build();
      HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
      check(r.statusCode() == 200, "listing answered " + r.statusCode() + ": " + r.body());
      Matcher m = ID.matcher(r.body());
      while (m.find()) {
        listed.add(m.group(1));
        rows++;
      }
      url =
          r.headers()
              .firstValue("Link")
              .map(NEXT::matcher)
              .filter(Matcher::find)
              .map(n -> n.group(1))
              .orElse(null);
    }
    Set<String> acked = new HashSet<>();
    acks.values().forEach(a -> acked.add(a.id()));
    check(rows == listed.size(), "the listing repeats demands (" + rows + " rows)");
    Set<String> extra = new HashSet<>(listed);
    extra.removeAll(acked);
    Set<String> missing = new HashSet<>(acked);
    missing.removeAll(listed);
    check(
        listed.size() == acks.size() && extra.isEmpty() && missing.isEmpty(),
        SERVICE
            + " lists "
            + listed.size()
            + " demands for the enterprise, "
            + acks.size()
            + " keys were acknowledged (unacknowledged extra: "
            + extra.size()
            + ", missing: "
            + missing.size()
            + ")");
  }

  /** {@code deploy/qiao status} itself: the service ready, with one restart more than before. */
  private void checkStatusCommand(int restarts) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(root.resolve("deploy/qiao").toString(), "status")
            .redirectErrorStream(true);
    pb.environment().put("QIAO_HOME", home.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    check(p.waitFor(30, TimeUnit.SECONDS), "deploy/qiao status did not finish");
    System.out.print(out);
    String line =
        out.lines()
            .map(String::trim)
            .filter(l -> l.startsWith(SERVICE + " "))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("deploy/qiao status does not list " + SERVICE));
    // component state pid uptime restarts url
    String[] cells = line.split("\\s+");
    check(
        cells.length >= 5
            && cells[1].equals("ready")
            && cells[4].equals(Integer.toString(restarts)),
        "deploy/qiao status shows '" + line + "', expected ready with restarts " + restarts);
    check(p.exitValue() == 0, "deploy/qiao status exited " + p.exitValue() + ", not 0 (all ready)");
  }

  // --- data ---

  private String register(String creditCode) throws Exception {
    return register(http, token, creditCode);
  }

  /** Registers an enterprise with talent-demand-service; its id. */
  static String register(HttpClient http, String token, String creditCode) throws Exception {
    String body =
        "{\"creditCode\":\""
            + creditCode
            + "\",\"profile\":{\"name\":\"厦门恢复检查科技有限公司\",\"sizeClass\":\"SMALL\","
            + "\"industry\":\"软件\",\"contactName\":\"王经理\"}}";
    HttpRequest post =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/api/v1/enterprises"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());
    check(
        r.statusCode() == 201,
        "registering the enterprise answered " + r.statusCode() + ": " + r.body());
    return id(r.body());
  }

  /**
   * A fresh enterprise for every run, so that its demands are exactly this run's: a unified social
   * credit code (GB 32100-2015) with a random organisation part and the right check character.
   */
  static String creditCode() {
    String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    StringBuilder code = new StringBuilder("91350200");
    for (int i = 0; i < 9; i++) {
      code.append(charset.charAt(ThreadLocalRandom.current().nextInt(charset.length())));
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += charset.indexOf(code.charAt(i)) * weights[i];
    }
    return code.append(charset.charAt((31 - sum % 31) % 31)).toString();
  }

  static String demandBody(int i) {
    return "{\"title\":\"集成电路版图设计工程师 "
        + i
        + "\",\"occupationCode\":\"2-02-10-03\",\"majorCodes\":[\"080901\"],"
        + "\"skills\":[{\"name\":\"Verilog\",\"essential\":true,\"level\":4}],\"headcount\":2,"
        + "\"city\":\"上海\",\"validThrough\":\"2099-06-30\"}";
  }

  static String id(String body) {
    Matcher m = ID.matcher(body);
    check(m.find(), "no id in " + body);
    return m.group(1);
  }

  static void check(boolean ok, String failure) {
    if (!ok) {
      throw new IllegalStateException(failure);
    }
  }

  private static String seconds(Instant from, Instant to) {
    return String.format(Locale.ROOT, "%.1f s", Duration.between(from, to).toMillis() / 1000.0);
  }
}
