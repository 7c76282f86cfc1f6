package org.qiao.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web portal's own time per page under concurrent users (issue 19): {@code
 * deploy/portal-benchmark [--users 8] [--seconds 60] [--warmup 15] [--students 5000]} on a running
 * local platform. It prepares, through the portal's own forms, an enterprise with a demand, a
 * university with an imported cohort, one of its students with consent and a government user; then
 * each user walks every persona's main pages in turn, as fast as answers come. The portal reports
 * its own time apart from the APIs' in {@code Server-Timing} (portal;dur, api;dur); the report
 * gives p50/p95/p99 of both and of the whole answer per page, with the CPU each process used.
 */
public final class PortalBenchmark {

  private static final Pattern PORTAL = Pattern.compile("portal;dur=([0-9.]+)");
  private static final Pattern API = Pattern.compile("api;dur=([0-9.]+)");
  private static final String ENTERPRISE = "91350200MA31E12PXF";
  private static final String INSTITUTION = "4131010246";

  private record Sample(String page, double portalMs, double apiMs, double totalMs) {}

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private PortalBenchmark(URI base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    int users = Integer.parseInt(o.getOrDefault("users", "8"));
    int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "15"));
    int students = Integer.parseInt(o.getOrDefault("students", "5000"));
    Path root = Path.of(System.getProperty("qiao.root", ".")).toAbsolutePath();
    Path home =
        Path.of(System.getenv().getOrDefault("QIAO_HOME", root.resolve(".qiao").toString()));
    PortalBenchmark b =
        new PortalBenchmark(URI.create(o.getOrDefault("portal", "http://127.0.0.1:8080")));
    Map<String, List<String>> pages = b.prepare(students);
    List<Sample> samples = new CopyOnWriteArrayList<>();
    long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
    long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
    CpuShares.Sample[] cpuStart = new CpuShares.Sample[1];
    List<Thread> threads = new ArrayList<>();
    Map<String, Integer> failures = new ConcurrentHashMap<>();
    for (int u = 0; u < users; u++) {
      Thread user =
          new Thread(
              () -> {
                try {
                  Map<String, String> cookies = b.signInAll();
                  List<String[]> walk = new ArrayList<>();
                  pages.forEach(
                      (persona, paths) -> paths.forEach(p -> walk.add(new String[] {persona, p})));
                  Collections.shuffle(walk);
                  int i = 0;
                  while (System.nanoTime() < end) {
                    String[] step = walk.get(i++ % walk.size());
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = b.get(step[1], cookies.get(step[0]));
                    double total = (System.nanoTime() - t0) / 1e6;
                    if (r.statusCode() != 200) {
                      failures.merge(step[1] + " → " + r.statusCode(), 1, Integer::sum);
                      continue;
                    }
                    if (System.nanoTime() >= warmupEnd) {
                      String timing = r.headers().firstValue("Server-Timing").orElse("");
                      samples.add(
                          new Sample(
                              label(step[1]), number(PORTAL, timing), number(API, timing), total));
                    }
                  }
                } catch (Exception e) {
                  failures.merge(e.toString(), 1, Integer::sum);
                }
              },
              "portal-user-" + u);
      user.start();
      threads.add(user);
    }
    while (System.nanoTime() < warmupEnd) {
      Thread.sleep(100);
    }
    cpuStart[0] = CpuShares.sample();
    for (Thread t : threads) {
      t.join();
    }
    CpuShares cpu = CpuShares.between(cpuStart[0], CpuShares.sample());
    String report = report(users, seconds, warmup, samples, failures, cpu);
    Files.createDirectories(home);
    Files.writeString(home.resolve("portal-benchmark.md"), report);
    System.out.print(report);
    System.out.println("Report: " + home.resolve("portal-benchmark.md"));
  }

  /** The pages each persona's user walks, after making what they show. */
  private Map<String, List<String>> prepare(int students) throws Exception {
    Map<String, String> c = signInAll();
    // Enterprise: registered (once per platform), a demand from a template.
    if (body(get("/enterprise", c.get("enterprise"))).contains("name=\"creditCode\"")) {
      post(
          "/enterprise/registration",
          c.get("enterprise"),
          Map.of(
              "creditCode",
              ENTERPRISE,
              "name",
              "厦门芯测科技有限公司",
              "sizeClass",
              "SMALL",
              "industry",
              "集成电路",
              "contactName",
              "王经理"));
    }
    Map<String, String> demand = new LinkedHashMap<>();
    demand.put("title", "人工智能工程师");
    demand.put("occupationCode", "2-02-10-09");
    demand.put("majorCodes", "080901");
    demand.put("skill0Name", "Python");
    demand.put("skill0Level", "3");
    demand.put("skill0Essential", "on");
    demand.put("skill1Name", "机器学习");
    demand.put("skill1Level", "3");
    demand.put("skill2Name", "深度学习");
    demand.put("skill2Level", "3");
    demand.put("skill2Essential", "on");
    demand.put("headcount", "5");
    demand.put("city", "上海");
    demand.put("validThrough", java.time.LocalDate.now().plusMonths(3).toString());
    demand.put("employmentType", "FULL_TIME");
    demand.put("idempotencyKey", UUID.randomUUID().toString());
    String demandPage =
        post("/enterprise/demands", c.get("enterprise"), demand)
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String demandPath = URI.create(demandPage).getPath();
    // University: registered, a cohort imported through the portal.
    if (body(get("/university", c.get("university"))).contains("name=\"institutionCode\"")) {
      post(
          "/university/registration",
          c.get("university"),
          Map.of(
              "institutionCode",
              INSTITUTION,
              "name",
              "上海某大学",
              "city",
              "上海",
              "kind",
              "UNDERGRADUATE"));
    }
    StringBuilder csv = new StringBuilder("姓名,学号,专业代码,学历,毕业年份,技能,意向城市,同意匹配,同意书版本,同意时间\n");
    String batch = UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < students; i++) {
      csv.append("学生")
          .append(i)
          .append(",B")
          .append(batch)
          .append(i)
          .append(",080901,本科,2026,")
          .append(i % 3 == 0 ? "Python;机器学习" : "Python;机器学习;深度学习")
          .append(",上海,是,2026-01,2026-06-01\n");
    }
    String importPath = upload(c.get("university"), csv.toString());
    while (!body(get(importPath, c.get("university"))).contains("导入完成")) {
      Thread.sleep(500);
    }
    Matcher m =
        Pattern.compile("<code>(s[a-z2-7]{26})</code>")
            .matcher(body(get("/university", c.get("university"))));
    if (!m.find()) {
      throw new IllegalStateException("no student listed after the import");
    }
    String student = m.group(1);
    studentSubject = student;
    Map<String, String> s = signIn("student", INSTITUTION, student);
    String consent = body(get("/student/consent", s.get("student")));
    if (consent.contains("action=\"/student/consent\"")) {
      Matcher id =
          Pattern.compile(
                  "name=\"id\" value=\"([^\"]+)\"><input type=\"hidden\" name=\"version\" value=\"([0-9]+)\"")
              .matcher(consent);
      if (id.find()) {
        post(
            "/student/consent",
            s.get("student"),
            Map.of("id", id.group(1), "version", id.group(2)));
      }
    }
    Map<String, List<String>> pages = new LinkedHashMap<>();
    pages.put(
        "enterprise",
        List.of("/enterprise", demandPath, "/enterprise/demands/new?template=2-02-10-09"));
    pages.put("university", List.of("/university", "/university/skill-gap", importPath));
    pages.put("student", List.of("/student", "/student/consent", "/student/applications"));
    pages.put("government", List.of("/government", "/government/incidents"));
    return pages;
  }

  private volatile String studentSubject;

  private Map<String, String> signInAll() throws Exception {
    Map<String, String> c = new LinkedHashMap<>();
    c.putAll(signIn("enterprise", ENTERPRISE, null));
    c.putAll(signIn("university", INSTITUTION, null));
    if (studentSubject != null) {
      c.putAll(signIn("student", INSTITUTION, studentSubject));
    }
    c.putAll(signIn("government", "gov-sh", null));
    return c;
  }

  private Map<String, String> signIn(String role, String org, String subject) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("role", role);
    form.put("org", org);
    form.put("subject", subject == null ? "" : subject);
    HttpResponse<byte[]> r = post("/sign-in", null, form);
    String cookie =
        r.headers().allValues("Set-Cookie").stream()
            .filter(v -> v.startsWith("qiao_session="))
            .map(v -> v.substring(0, v.indexOf(';')))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException("sign-in as " + role + " failed: " + r.statusCode()));
    return Map.of(role, cookie);
  }

  private HttpResponse<byte[]> get(String path, String cookie)
      throws IOException, InterruptedException {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
    if (cookie != null) {
      r.header("Cookie", cookie);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> post(String path, String cookie, Map<String, String> form)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest.Builder r =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (cookie != null) {
      r.header("Cookie", cookie);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Uploads a cohort through the portal's form (multipart); returns the import page's path. */
  private String upload(String cookie, String csv) throws IOException, InterruptedException {
    String boundary = "qiao" + UUID.randomUUID();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"idempotencyKey\"\r\n\r\n"
            + UUID.randomUUID()
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cohort.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n";
    byte[] a = head.getBytes(StandardCharsets.UTF_8);
    byte[] b = csv.getBytes(StandardCharsets.UTF_8);
    byte[] c = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[a.length + b.length + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    System.arraycopy(c, 0, all, a.length + b.length, c.length);
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/university/imports"))
                .timeout(Duration.ofMinutes(5))
                .header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return URI.create(
            r.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("upload: " + r.statusCode())))
        .getRawPath();
  }

  private static String body(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** A page's name in the report: ids replaced by {id}. */
  private static String label(String path) {
    return path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
  }

  private static double number(Pattern p, String timing) {
    Matcher m = p.matcher(timing);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private static String report(
      int users,
      int seconds,
      int warmup,
      List<Sample> samples,
      Map<String, Integer> failures,
      CpuShares cpu) {
    StringBuilder b = new StringBuilder();
    b.append("# Web portal: page time under ").append(users).append(" concurrent users\n\n");
    b.append(
        String.format(
            "%s; %d s measured after %d s of warm-up; %d pages answered (%.0f pages/s); failures: %s%n%n",
            Instant.now(),
            seconds,
            warmup,
            samples.size(),
            samples.size() / (double) seconds,
            failures.isEmpty() ? "none" : failures));
    b.append(
        "Portal = the portal's own time (Server-Timing portal;dur: the whole request minus the API calls); API = its calls to the services; total = as the load generator waited.\n\n");
    b.append(
        "| page | n | portal p50 | portal p95 | portal p99 | API p50 | total p50 | total p95 |\n|---|---|---|---|---|---|---|---|\n");
    Map<String, List<Sample>> byPage = new java.util.TreeMap<>();
    samples.forEach(s -> byPage.computeIfAbsent(s.page(), k -> new ArrayList<>()).add(s));
    byPage.put("all pages", samples);
    byPage.forEach(
        (page, list) ->
            b.append(
                String.format(
                    "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                    page,
                    list.size(),
                    pct(list, Sample::portalMs, 50),
                    pct(list, Sample::portalMs, 95),
                    pct(list, Sample::portalMs, 99),
                    pct(list, Sample::apiMs, 50),
                    pct(list, Sample::totalMs, 50),
                    pct(list, Sample::totalMs, 95))));
    b.append("\nCPU seconds over the measured window (what shared the 2 cores):\n\n")
        .append(cpu.table());
    return b.toString();
  }

  private static double pct(
      List<Sample> list, java.util.function.ToDoubleFunction<Sample> f, int p) {
    double[] v = list.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    return v[Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1)];
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return o;
  }
}
