package org.qiao.deploy;

import static org.qiao.deploy.KillRecoverCheck.check;
import static org.qiao.deploy.KillRecoverCheck.creditCode;
import static org.qiao.deploy.KillRecoverCheck.id;

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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two instances of matching-service on a running local platform ({@code QIAO_INSTANCES_MATCHING=2}:
 * ports 8084 and 8184), checked as a user of either would see them (issue 20, ADR 0010):
 *
 * <ol>
 *   <li>after each change (a graduate consents, a demand is revised), both instances answer the
 *       same ranking, byte for byte, within 1 s of the first that shows it;
 *   <li>the first instance is killed (SIGKILL): the other keeps answering every request, and ranks
 *       graduates added meanwhile (its consumer takes over the dead one's partitions);
 *   <li>the launcher restarts the killed one, which builds its index from the tables and then
 *       answers the same rankings again, and follows the next change within 1 s.
 * </ol>
 *
 * Loopback only; bounded in requests and time.
 */
final class TwoInstanceCheck implements PlatformCheck {

  private static final String FIRST = "matching-service";
  private static final List<String> INSTANCES =
      List.of("http://127.0.0.1:8084", "http://127.0.0.1:8184");
  private static final Duration SAME_WITHIN = Duration.ofSeconds(1);
  private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(10);
  private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(40);
  private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);
  private static final Pattern NUMBER = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
  private static final Pattern PSEUDONYM =
      Pattern.compile("\"pseudonymousId\"\\s*:\\s*\"([^\"]+)\"");

  private final Path home;
  private final Tokens tokens;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private String enterprise;
  private String university;
  private String institution;
  private String demandBody;
  private String demandId;
  private String matches;
  private long maxApart;
  private long maxToBoth;
  private int answeredWhileKilled;

  private TwoInstanceCheck(Path home) {
    this.home = home;
    this.tokens = new Tokens(home);
  }

  public static void main(String[] args) throws Exception {
    PlatformCheck.main(TwoInstanceCheck::new);
  }

  @Override
  public void run() throws Exception {
    for (String base : INSTANCES) {
      check(
          Readiness.answers(http, base + "/q/health/ready", Duration.ofSeconds(2)),
          base
              + " is not ready: start the platform with QIAO_INSTANCES_MATCHING=2"
              + " (deploy/qiao run)");
    }
    setUp();

    for (int i = 0; i < 4; i++) {
      change("graduate " + (i + 1), addGraduate(i % 2 == 0 ? "[\"Verilog\"]" : verilogAndC()));
    }
    change("demand revised", reviseDemand());
    System.out.printf(
        Locale.ROOT,
        "two-instance: 5 changes; the instances apart at most %d ms, both ranked %d ms after the"
            + " change at most%n",
        maxApart,
        maxToBoth);

    PlatformStatus.Entry before = entry(FIRST);
    check(before.state().equals("ready"), FIRST + " is " + before.state());
    Instant killedAt = Instant.now();
    check(
        ProcessHandle.of(before.pid()).map(ProcessHandle::destroyForcibly).orElse(false),
        "could not kill " + FIRST + " pid " + before.pid());
    System.out.println("two-instance: SIGKILL to " + FIRST + " (pid " + before.pid() + ")");
    String survivor = INSTANCES.get(1);
    List<String> added = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      added.add(addGraduate("[\"Verilog\"]"));
    }
    Instant until = killedAt.plus(TAKEOVER_LIMIT);
    boolean ranked = false;
    while (!ranked && Instant.now().isBefore(until)) {
      String body = matchesOn(survivor); // fails the check on any non-200: it must keep serving
      answeredWhileKilled++;
      ranked = added.stream().allMatch(body::contains);
      if (!ranked) {
        Thread.sleep(100);
      }
    }
    check(
        ranked,
        "the surviving instance did not rank the graduates added after the kill within "
            + TAKEOVER_LIMIT.toSeconds()
            + " s");
    System.out.printf(
        Locale.ROOT,
        "two-instance: the other instance answered %d requests meanwhile and ranked the 3"
            + " graduates added after the kill %.1f s after it%n",
        answeredWhileKilled,
        Duration.between(killedAt, Instant.now()).toMillis() / 1000.0);

    awaitRestarted(before, killedAt);
    Instant readyAt = Instant.now();
    String survivorSays = matchesOn(survivor);
    awaitSame(readyAt, survivorSays);
    System.out.printf(
        Locale.ROOT,
        "two-instance: %s restarted and ready %.1f s after the kill, ranking as the other%n",
        FIRST,
        Duration.between(killedAt, readyAt).toMillis() / 1000.0);
    change("graduate after the restart", addGraduate(verilogAndC()));
    System.out.println("two-instance: PASS");
  }

  private static String verilogAndC() {
    return "[\"Verilog\",\"C语言\"]";
  }

  private void setUp() throws Exception {
    String creditCode = creditCode();
    enterprise = tokens.mint("enterprise", creditCode, Duration.ofHours(1));
    KillRecoverCheck.register(http, enterprise, creditCode);
    institution = "41310" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    university = tokens.mint("university", institution, Duration.ofHours(1));
    send(
        "POST",
        "http://127.0.0.1:8082/api/v1/institutions",
        university,
        "{\"institutionCode\":\""
            + institution
            + "\",\"profile\":{\"name\":\"双实例检查大学\",\"kind\":\"UNDERGRADUATE\",\"city\":\"上海\"}}",
        null,
        201);
    demandBody =
        "{\"title\":\"集成电路验证工程师\",\"occupationCode\":\"2-02-10-03\","
            + "\"majorCodes\":[\"080901\"],\"skills\":[{\"name\":\"Verilog\",\"essential\":true,"
            + "\"level\":3},{\"name\":\"C语言\",\"essential\":false,\"level\":3}],\"headcount\":5,"
            + "\"city\":\"上海\",\"validThrough\":\"2099-06-30\"}";
    demandId =
        id(send("POST", "http://127.0.0.1:8081/api/v1/demands", enterprise, demandBody, null, 201));
    matches = "/api/v1/demands/" + demandId + "/matches?limit=100";
    // The new demand reaches matching-service through its event: 404 until then, on each.
    Instant until = Instant.now().plus(ARRIVAL_LIMIT);
    for (String base : INSTANCES) {
      while (status(base + matches) != 200) {
        check(Instant.now().isBefore(until), "the demand did not reach " + base + " in time");
        Thread.sleep(50);
      }
    }
    awaitSame(Instant.now(), null);
  }

  /** A consented graduate of the run's university; their pseudonymous id. */
  private String addGraduate(String skills) throws Exception {
    String number = "T" + System.nanoTime();
    String created =
        send(
            "POST",
            "http://127.0.0.1:8082/api/v1/students",
            university,
            "{\"name\":\"测试\",\"studentNumber\":\""
                + number
                + "\",\"majorCode\":\"080901\",\"degree\":\"BACHELOR\",\"graduationYear\":"
                + (java.time.Year.now().getValue() + 1)
                + ",\"phone\":\"13800138000\",\"email\":\"t@example.edu.cn\",\"skills\":"
                + skills
                + ",\"preferredCities\":[\"上海\"]}",
            null,
            201);
    String record = id(created);
    String pseudonym = group(PSEUDONYM, created);
    String student = tokens.mint("student", institution, pseudonym, Duration.ofHours(1));
    send(
        "POST",
        "http://127.0.0.1:8082/api/v1/students/" + record + "/consent",
        student,
        "{\"textVersion\":\"2026-01\"}",
        "\"" + group(NUMBER, created) + "\"",
        -1);
    return pseudonym;
  }

  /**
   * Makes C语言 essential (a revision): the graduates without it leave the ranking, on both
   * instances.
   */
  private String reviseDemand() throws Exception {
    String url = "http://127.0.0.1:8081/api/v1/demands/" + demandId;
    String current = send("GET", url, enterprise, null, null, 200);
    demandBody =
        demandBody.replace(
            "{\"name\":\"C语言\",\"essential\":false", "{\"name\":\"C语言\",\"essential\":true");
    send("PUT", url, enterprise, demandBody, "\"" + group(NUMBER, current) + "\"", -1);
    return null;
  }

  /**
   * After a change: the first instance to show it (a graduate's id in the ranking; for a revision,
   * a ranking different from before) and then both the same within {@link #SAME_WITHIN}.
   */
  private void change(String what, String newcomer) throws Exception {
    String before = matchesOn(INSTANCES.get(0));
    Instant changedAt = Instant.now();
    Instant until = changedAt.plus(ARRIVAL_LIMIT);
    Instant firstSeen = null;
    while (firstSeen == null && Instant.now().isBefore(until)) {
      for (String base : INSTANCES) {
        String body = matchesOn(base);
        if (newcomer != null ? body.contains(newcomer) : !body.equals(before)) {
          firstSeen = Instant.now();
          break;
        }
      }
      if (firstSeen == null) {
        Thread.sleep(20);
      }
    }
    check(firstSeen != null, what + ": no instance showed it within " + ARRIVAL_LIMIT);
    Instant both = awaitSame(firstSeen, newcomer);
    maxApart = Math.max(maxApart, Duration.between(firstSeen, both).toMillis());
    maxToBoth = Math.max(maxToBoth, Duration.between(changedAt, both).toMillis());
  }

  /**
   * Until both instances answer the same ranking (holding {@code mustHold} when given), at most
   * {@link #SAME_WITHIN} after {@code from}; when they did.
   */
  private Instant awaitSame(Instant from, String mustHold) throws Exception {
    Instant until = from.plus(SAME_WITHIN);
    String a = null;
    String b = null;
    do {
      a = matchesOn(INSTANCES.get(0));
      b = matchesOn(INSTANCES.get(1));
      if (a.equals(b) && (mustHold == null || a.contains(mustHold))) {
        return Instant.now();
      }
      Thread.sleep(20);
    } while (Instant.now().isBefore(until));
    throw new IllegalStateException(
        "the instances answered different rankings "
            + SAME_WITHIN.toMillis()
            + " ms after the change: "
            + INSTANCES.get(0)
            + " "
            + a
            + " / "
            + INSTANCES.get(1)
            + " "
            + b);
  }

  private int status(String url) throws Exception {
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + enterprise)
            .build();
    return http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private String matchesOn(String base) throws Exception {
    return send("GET", base + matches, enterprise, null, null, 200);
  }

  private void awaitRestarted(PlatformStatus.Entry before, Instant killedAt) throws Exception {
    Instant until = killedAt.plus(RECOVERY_LIMIT);
    while (Instant.now().isBefore(until)) {
      PlatformStatus.Entry now = entry(FIRST);
      if (now.state().equals("ready")
          && now.pid() != before.pid()
          && Readiness.answers(http, INSTANCES.get(0) + "/q/health/ready", Duration.ofSeconds(2))) {
        return;
      }
      check(!now.state().equals("failed"), FIRST + " failed to restart");
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        FIRST + " not restarted and ready within " + RECOVERY_LIMIT.toSeconds() + " s");
  }

  private PlatformStatus.Entry entry(String name) throws IOException {
    PlatformStatus.Snapshot s = PlatformStatus.read(home);
    check(s != null, "no platform running (no status file under " + home + ")");
    return s.entries().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the status file does not name " + name));
  }

  /** One request; {@code expected} < 0 accepts any 2xx. Its body. */
  private String send(
      String method, String url, String token, String body, String ifMatch, int expected)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token);
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    if (body != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r =
        http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    boolean ok = expected < 0 ? r.statusCode() / 100 == 2 : r.statusCode() == expected;
    check(ok, method + " " + url + " answered " + r.statusCode() + ": " + r.body());
    return r.body();
  }

  private static String group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    check(m.find(), "no " + p + " in " + text);
    return m.group(1);
  }
}
