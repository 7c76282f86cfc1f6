package org.qiao.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CI's check of the partner event feed and webhooks across a restart (issue 18), on a running local
 * platform, loopback only. An enterprise writes demands (each a qiao.demand.drafted.v1 only it may
 * read) and subscribes a webhook receiver; it reads the feed page by page keeping only the cursor;
 * midway matching-service is killed (SIGKILL) and restarted by the launcher; more demands are
 * written; reading goes on from the kept cursor. Every draft must be read exactly once, nothing the
 * enterprise may not read may appear, and every draft must reach the receiver.
 */
final class FeedRestartCheck implements PlatformCheck {

  private static final String SERVICE = "matching-service";
  private static final String BASE = "http://127.0.0.1:8084/api/v1";
  private static final int PER_PHASE = 12;
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final Set<String> PUBLIC_TYPES =
      Set.of(
          "qiao.demand.published.v1",
          "qiao.demand.revised.v1",
          "qiao.demand.closed.v1",
          "qiao.demand.expired.v1",
          "qiao.demand.filled.v1",
          "qiao.course-plan.published.v1",
          "qiao.course-plan.retired.v1",
          "qiao.course-plan.superseded.v1",
          "qiao.challenge.posted.v1",
          "qiao.challenge.closed.v1",
          "qiao.market-statistics.snapshot-published.v1",
          "qiao.incident-statistics.snapshot-published.v1",
          "qiao.mentor-hours-statistics.snapshot-published.v1");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final Path home;
  private final Tokens tokens;
  private final Map<String, Integer> received = new ConcurrentHashMap<>();
  private String token;
  private String creditCode;

  private FeedRestartCheck(Path home) {
    this.home = home;
    this.tokens = new Tokens(home);
  }

  public static void main(String[] args) throws Exception {
    PlatformCheck.main(FeedRestartCheck::new);
  }

  @Override
  public void run() throws Exception {
    Instant start = Instant.now();
    creditCode = KillRecoverCheck.creditCode();
    token = tokens.mint("enterprise", creditCode, Duration.ofHours(1));
    KillRecoverCheck.register(http, token, creditCode);
    HttpServer receiver = receiver();
    try {
      subscribe("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
      Set<String> demands = ConcurrentHashMap.newKeySet();
      demands.addAll(writeDrafts(0));
      Map<String, Integer> read = new HashMap<>();
      List<String> ids = new ArrayList<>();
      String cursor = readUntil(null, read, ids, PER_PHASE / 3, demands);
      PlatformStatus.Entry before = entry();
      KillRecoverCheck.check(
          ProcessHandle.of(before.pid()).map(ProcessHandle::destroyForcibly).orElse(false),
          "could not kill " + SERVICE + " pid " + before.pid());
      Instant killedAt = Instant.now();
      demands.addAll(writeDrafts(PER_PHASE));
      awaitRestarted(before, killedAt);
      Instant readyAt = Instant.now();
      cursor = readUntil(cursor, read, ids, demands.size(), demands);
      // Events the log itself holds twice (a relay retried across the kill-recover check's
      // SIGKILL: at least once) come twice; this check's own drafts, written by a service never
      // killed meanwhile, are each in the log once and must be read once.
      long repeated = ids.size() - Set.copyOf(ids).size();
      for (String d : demands) {
        KillRecoverCheck.check(
            read.getOrDefault(d, 0) == 1,
            "draft of demand " + d + " read " + read.get(d) + " times");
      }
      awaitDelivered(demands);
      long duplicates = received.values().stream().filter(n -> n > 1).count();
      System.out.printf(
          "feed-restart: PASS in %.1f s: %d drafts read once each across a kill of %s (ready"
              + " again after %.1f s), %d events read in all (%d ids the log holds twice);"
              + " webhooks delivered every draft (%d delivered more than once, at least once being"
              + " the promise)%n",
          Duration.between(start, Instant.now()).toMillis() / 1000.0,
          demands.size(),
          SERVICE,
          Duration.between(killedAt, readyAt).toMillis() / 1000.0,
          ids.size(),
          repeated,
          duplicates);
    } finally {
      receiver.stop(0);
    }
  }

  /** Reads from the cursor until {@code wanted} drafts of ours were read and the feed caught up. */
  private String readUntil(
      String cursor, Map<String, Integer> read, List<String> ids, int wanted, Set<String> ours)
      throws Exception {
    Instant until = Instant.now().plus(LIMIT);
    while (Instant.now().isBefore(until)) {
      String url =
          BASE
              + "/events?limit=3"
              + (cursor == null
                  ? ""
                  : "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      HttpResponse<String> r;
      try {
        r = http.send(get(url), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        Thread.sleep(200); // the service is restarting: the cursor waits with us
        continue;
      }
      if (r.statusCode() != 200) {
        KillRecoverCheck.check(
            r.statusCode() >= 500, "the feed answered " + r.statusCode() + ": " + r.body());
        Thread.sleep(200);
        continue;
      }
      JsonNode page = json.readTree(r.body());
      for (JsonNode e : page.get("events")) {
        String type = e.get("type").asText();
        // An event of an enterprise names it in data.enterprise, or is its own (registered).
        JsonNode data = e.path("data");
        String owner =
            data.path("enterprise").path("creditCode").asText(data.path("creditCode").asText(null));
        KillRecoverCheck.check(
            PUBLIC_TYPES.contains(type) || creditCode.equals(owner),
            "the feed gave " + type + " of " + owner + " to " + creditCode);
        ids.add(e.get("id").asText());
        String demand = e.path("data").path("demandId").asText(null);
        if (type.equals("qiao.demand.drafted.v1") && ours.contains(demand)) {
          read.merge(demand, 1, Integer::sum);
        }
      }
      cursor = page.get("next").asText();
      if (read.size() >= wanted && (wanted < ours.size() || page.get("caughtUp").asBoolean())) {
        return cursor;
      }
      if (page.get("caughtUp").asBoolean()) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException(
        "the feed did not give " + wanted + " drafts within " + LIMIT.toSeconds() + " s");
  }

  private List<String> writeDrafts(int from) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < from + PER_PHASE; i++) {
      HttpRequest post =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/api/v1/demands"))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      // A draft: an event only its own enterprise may read.
                      KillRecoverCheck.demandBody(i).replaceFirst("}$", ",\"publish\":false}"),
                      StandardCharsets.UTF_8))
              .build();
      HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());
      KillRecoverCheck.check(r.statusCode() == 201, "POST demand answered " + r.statusCode());
      ids.add(KillRecoverCheck.id(r.body()));
    }
    return ids;
  }

  private void subscribe(String url) throws Exception {
    String body =
        "{\"url\":\""
            + url
            + "\",\"eventTypes\":[\"qiao.demand.drafted.v1\"],"
            + "\"description\":\"feed-restart check\"}";
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(BASE + "/webhook-subscriptions"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());
    KillRecoverCheck.check(
        r.statusCode() == 201, "subscribing answered " + r.statusCode() + ": " + r.body());
  }

  private HttpServer receiver() throws IOException {
    HttpServer s =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
    s.createContext(
        "/hook",
        x -> {
          byte[] body;
          try (InputStream in = x.getRequestBody()) {
            body = in.readAllBytes();
          }
          JsonNode e = json.readTree(body);
          received.merge(e.path("data").path("demandId").asText(""), 1, Integer::sum);
          x.sendResponseHeaders(204, -1);
          x.close();
        });
    s.start();
    return s;
  }

  private void awaitDelivered(Set<String> demands) throws InterruptedException {
    Instant until = Instant.now().plus(LIMIT);
    while (Instant.now().isBefore(until)) {
      if (received.keySet().containsAll(demands)) {
        return;
      }
      Thread.sleep(200);
    }
    Set<String> missing = new java.util.TreeSet<>(demands);
    missing.removeAll(received.keySet());
    throw new IllegalStateException("webhooks did not deliver the drafts of " + missing);
  }

  private HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }

  private void awaitRestarted(PlatformStatus.Entry before, Instant killedAt) throws Exception {
    Instant until = killedAt.plus(LIMIT);
    while (Instant.now().isBefore(until)) {
      PlatformStatus.Entry now = entry();
      if (now.state().equals("ready")
          && now.pid() != before.pid()
          && Readiness.answers(
              http, "http://127.0.0.1:8084/q/health/ready", Duration.ofSeconds(2))) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        SERVICE + " not ready again within " + LIMIT.toSeconds() + " s");
  }

  private PlatformStatus.Entry entry() throws IOException {
    PlatformStatus.Snapshot s = PlatformStatus.read(home);
    KillRecoverCheck.check(s != null, "no platform running under " + home);
    return s.entries().stream()
        .filter(e -> e.name().equals(SERVICE))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the status file does not name " + SERVICE));
  }
}
