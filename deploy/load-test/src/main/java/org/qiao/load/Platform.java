package org.qiao.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running local platform as the load test sees it: loopback addresses, tokens, the load-test
 * enterprise and demand bodies. Plain JDK HTTP, for set-up and the lag probe; the measured load is
 * Gatling's.
 */
final class Platform {

  static final String ENTERPRISE = "91350200MA31E12PXF";
  static final String TALENT_DEMAND = "http://127.0.0.1:8081";
  static final String MATCHING = "http://127.0.0.1:8084";

  /** deploy/qiao load mints the tokens once and hands them to every JVM it starts. */
  static final String ENTERPRISE_TOKEN_ENV = "QIAO_LOAD_ENTERPRISE_TOKEN";

  static final String READER_TOKEN_ENV = "QIAO_LOAD_READER_TOKEN";

  static final String ADMIN_TOKEN_ENV = "QIAO_LOAD_ADMIN_TOKEN";

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern STUDENT_ID = Pattern.compile("\"studentId\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String enterpriseToken;
  private final String readerToken;

  Platform() {
    this.enterpriseToken = token(ENTERPRISE_TOKEN_ENV, "enterprise", ENTERPRISE);
    this.readerToken = token(READER_TOKEN_ENV, "government", "load-test");
  }

  String enterpriseToken() {
    return enterpriseToken;
  }

  String readerToken() {
    return readerToken;
  }

  /** Fails fast, before any load, when the platform is not up. */
  void checkReady() {
    for (String base : new String[] {TALENT_DEMAND, MATCHING}) {
      int status;
      try {
        status = send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build());
      } catch (IllegalStateException e) {
        status = -1; // not listening
      }
      if (status != 200) {
        throw new IllegalStateException(
            base + " is not ready (" + status + "); start the platform first: deploy/qiao run");
      }
    }
  }

  /** The enterprise the token acts for must exist before it can publish demands. */
  void registerEnterprise() {
    int status =
        send(
            post(
                TALENT_DEMAND + "/api/v1/enterprises",
                "{\"creditCode\":\""
                    + ENTERPRISE
                    + "\",\"profile\":{\"name\":\"厦门芯测科技有限公司\","
                    + "\"sizeClass\":\"SMALL\",\"industry\":\"集成电路\",\"contactName\":\"王经理\"}}"));
    if (status != 201 && status != 409) {
      throw new IllegalStateException("could not register the load-test enterprise: " + status);
    }
  }

  /** Creates one demand and returns its id. */
  String createDemand(String title) {
    return createDemandFrom(demandBody(title));
  }

  String createDemandFrom(String body) {
    HttpResponse<String> r = sendForBody(post(TALENT_DEMAND + "/api/v1/demands", body));
    Matcher m = ID.matcher(r.body());
    if (r.statusCode() != 201 || !m.find()) {
      throw new IllegalStateException("demand not created: " + r.statusCode() + " " + r.body());
    }
    return m.group(1);
  }

  /** Whether matching-service already returns the demand. */
  boolean matchingHas(String id) {
    return send(
            HttpRequest.newBuilder(URI.create(MATCHING + "/api/v1/demands/" + id))
                .header("Authorization", "Bearer " + readerToken)
                .timeout(Duration.ofSeconds(10))
                .build())
        == 200;
  }

  /** Waits until matching-service knows the demand (its event applied). */
  void awaitInMatching(String demandId, Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!matchingHas(demandId)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("matching-service never showed demand " + demandId);
      }
      try {
        Thread.sleep(50); // polling a consumer over HTTP: nothing to wait on
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** The pseudonymous ids of the students an own demand's top 100 names. */
  List<String> rankedStudents(String demandId) {
    HttpResponse<String> r =
        sendForBody(
            HttpRequest.newBuilder(
                    URI.create(MATCHING + "/api/v1/demands/" + demandId + "/matches?limit=100"))
                .header("Authorization", "Bearer " + enterpriseToken)
                .timeout(Duration.ofSeconds(30))
                .build());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("ranking " + demandId + ": " + r.statusCode());
    }
    List<String> ids = new ArrayList<>();
    Matcher m = STUDENT_ID.matcher(r.body());
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  String adminToken() {
    return token(ADMIN_TOKEN_ENV, "admin", "qiao-load-test");
  }

  /**
   * A demand over the skills, majors and cities of {@code deploy/import-benchmark}'s cohorts (the
   * lists of {@code ImportBenchmark.generate}, another module: keep them alike), one of many shapes
   * by {@code i}: 1–2 essential skills, 0–2 optional, one of five cities, every fourth with a
   * minimum degree.
   */
  static String rankingDemandBody(int i) {
    String[] skills = {"Python", "Java", "SQL", "Verilog", "C++", "Linux", "数据分析", "机器学习"};
    String[] cities = {"上海", "苏州", "杭州", "南京", "北京"};
    StringBuilder list = new StringBuilder();
    int essential = 1 + i % 2;
    int optional = (i / 2) % 3;
    for (int s = 0; s < essential + optional; s++) {
      if (s > 0) {
        list.append(',');
      }
      list.append("{\"name\":\"")
          .append(skills[(i + 3 * s) % skills.length])
          .append("\",\"essential\":")
          .append(s < essential)
          .append(",\"level\":2}");
    }
    return "{\"title\":\"负载测试排名 "
        + i
        + "\",\"occupationCode\":\"2-02-10-03\","
        + "\"majorCodes\":[\""
        + (i % 3 == 0 ? "080901" : "080710T")
        + "\"],\"skills\":["
        + list
        + "],\"headcount\":2,"
        + (i % 4 == 3 ? "\"minimumDegree\":\"BACHELOR\"," : "")
        + "\"city\":\""
        + cities[i % cities.length]
        + "\",\"validThrough\":\""
        + LocalDate.now().plusMonths(6)
        + "\"}";
  }

  static String demandBody(String title) {
    return "{\"title\":\""
        + title
        + "\",\"occupationCode\":\"2-02-10-03\","
        + "\"majorCodes\":[\"080901\"],\"skills\":[{\"name\":\"Java\",\"essential\":true,\"level\":3},"
        + "{\"name\":\"SQL\",\"essential\":false,\"level\":2}],\"headcount\":2,\"city\":\"上海\","
        + "\"validThrough\":\""
        + LocalDate.now().plusMonths(6)
        + "\"}";
  }

  private HttpRequest post(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + enterpriseToken)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private int send(HttpRequest request) {
    return sendForBody(request).statusCode();
  }

  private HttpResponse<String> sendForBody(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A token from the environment, or else one minted by the platform's own `deploy/qiao token`. */
  private static String token(String env, String role, String org) {
    String given = System.getenv(env);
    if (given != null && !given.isBlank()) {
      return given.trim();
    }
    Path qiao = root().resolve("deploy/qiao");
    try {
      Process p =
          new ProcessBuilder(qiao.toString(), "token", role, org, "4")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
        throw new IllegalStateException(qiao + " token " + role + " failed");
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + qiao + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The repository root: -Dqiao.root, or the nearest directory above holding deploy/qiao. */
  static Path root() {
    String given = System.getProperty("qiao.root");
    if (given != null) {
      return Path.of(given).toAbsolutePath().normalize();
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("deploy/qiao"))) {
        return d;
      }
    }
    throw new IllegalStateException("cannot find deploy/qiao; set -Dqiao.root");
  }
}
