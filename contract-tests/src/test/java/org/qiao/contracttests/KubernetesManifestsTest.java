package org.qiao.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes deployment (deploy/kubernetes, issue 20) checked against the services it runs: the
 * committed application manifests are what quarkus-kubernetes generates; both overlays render with
 * kustomize to the committed output; and in what they render, every service gets the configuration
 * it cannot start without, ports and probes that exist, its own image, its own database through its
 * cluster's read-write service, a KafkaTopic for every topic it touches, and no secret value.
 * {@code -Dqiao.kubernetes.update=true} refreshes the committed copies.
 */
class KubernetesManifestsTest {

  private static final Path ROOT =
      Path.of(System.getProperty("qiao.root", "..")).toAbsolutePath().normalize();
  private static final Path K8S = ROOT.resolve("deploy/kubernetes");
  private static final boolean UPDATE = Boolean.getBoolean("qiao.kubernetes.update");
  private static final String REGISTRY = "registry.example.org/qiao/";
  private static final String KAFKA = "qiao";

  /** A service module and the database cluster it owns. */
  record App(String module, String cluster, String database) {}

  private static final List<App> SERVICES =
      List.of(
          new App("talent-demand-service", "talent-demand-db", "talent_demand"),
          new App("curriculum-service", "curriculum-db", "curriculum"),
          new App("internship-service", "internship-db", "internship"),
          new App("matching-service", "matching-db", "matching"));
  private static final String PORTAL = "web-portal";

  /**
   * What a service cannot start without in production (no default in its configuration; the local
   * launcher sets the same): its database, Kafka and the key that verifies tokens.
   */
  private static final List<String> REQUIRED =
      List.of(
          "QUARKUS_DATASOURCE_JDBC_URL",
          "QUARKUS_DATASOURCE_USERNAME",
          "QUARKUS_DATASOURCE_PASSWORD",
          "QIAO_MESSAGING_BOOTSTRAP_SERVERS",
          "MP_JWT_VERIFY_PUBLICKEY");

  private static final List<String> PORTAL_REQUIRED =
      List.of(
          "QIAO_PORTAL_SERVICES_TALENT_DEMAND",
          "QIAO_PORTAL_SERVICES_CURRICULUM",
          "QIAO_PORTAL_SERVICES_INTERNSHIP",
          "QIAO_PORTAL_SERVICES_MATCHING",
          "QUARKUS_OIDC_AUTH_SERVER_URL",
          "QUARKUS_OIDC_CLIENT_ID",
          "QUARKUS_OIDC_CREDENTIALS_SECRET");

  private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|PUBLICKEY|KEY)$");

  private static Path rendered;

  @BeforeAll
  static void render() throws Exception {
    rendered = Files.createTempDirectory("qiao-kustomize");
    ProcessBuilder pb =
        new ProcessBuilder("bash", K8S.resolve("render").toString(), rendered.toString())
            .redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "kustomize did not finish");
    assertEquals(0, p.exitValue(), "deploy/kubernetes/render failed:\n" + out);
  }

  @Test
  void theApplicationManifestsAreWhatQuarkusGenerates() throws IOException {
    List<String> stale = new ArrayList<>();
    for (String module : modules()) {
      Path generated = ROOT.resolve(module).resolve("target/kubernetes/kubernetes.yml");
      assertTrue(
          Files.isRegularFile(generated),
          generated + " is missing: package the module first (./mvnw package -pl " + module + ")");
      Path committed = K8S.resolve("base").resolve(module).resolve("kubernetes.yml");
      if (UPDATE) {
        Files.createDirectories(committed.getParent());
        Files.copy(generated, committed, StandardCopyOption.REPLACE_EXISTING);
      } else if (!Files.exists(committed) || !parse(committed).equals(parse(generated))) {
        // Compared as objects: the generator's label order varies from build to build.
        stale.add(module);
      }
    }
    assertTrue(
        stale.isEmpty(),
        "deploy/kubernetes/base differs from what quarkus-kubernetes generates for "
            + stale
            + ": run ./mvnw verify -pl contract-tests -am -Dqiao.kubernetes.update=true"
            + " -Dtest=KubernetesManifestsTest and commit the result");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void theCommittedRenderingIsWhatKustomizeBuilds(String overlay) throws IOException {
    Path fresh = rendered.resolve(overlay + ".yaml");
    Path committed = K8S.resolve("rendered").resolve(overlay + ".yaml");
    if (UPDATE) {
      Files.createDirectories(committed.getParent());
      Files.copy(fresh, committed, StandardCopyOption.REPLACE_EXISTING);
    }
    assertEquals(
        Files.readString(fresh),
        Files.exists(committed) ? Files.readString(committed) : "",
        "deploy/kubernetes/rendered/" + overlay + ".yaml is stale: run deploy/kubernetes/render");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void everyServiceGetsItsPortsProbesImageAndConfiguration(String overlay) throws IOException {
    List<HasMetadata> all = parse(rendered.resolve(overlay + ".yaml"));
    for (String module : modules()) {
      Deployment d = one(all, Deployment.class, module);
      Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
      String image = c.getImage();
      assertTrue(
          image.startsWith(REGISTRY + module + ":"),
          module + " runs image " + image + ", not the module's own");

      int port = Integer.parseInt(properties(module).getProperty("quarkus.http.port"));
      assertEquals(port, c.getPorts().get(0).getContainerPort(), module + " container port");
      assertProbe(module, c.getLivenessProbe(), "/q/health/live", port);
      assertProbe(module, c.getReadinessProbe(), "/q/health/ready", port);
      Service s = one(all, Service.class, module);
      assertEquals(
          port, s.getSpec().getPorts().get(0).getTargetPort().getIntVal(), module + " Service");
      assertEquals(
          d.getSpec().getSelector().getMatchLabels(),
          s.getSpec().getSelector(),
          module + "'s Service selects its pods");
      assertNotNull(c.getResources().getLimits().get("memory"), module + " memory limit");

      Set<String> env = new HashSet<>();
      c.getEnv().forEach(e -> env.add(e.getName()));
      List<String> missing =
          (module.equals(PORTAL) ? PORTAL_REQUIRED : REQUIRED)
              .stream().filter(k -> !env.contains(k)).toList();
      assertTrue(missing.isEmpty(), module + " lacks " + missing);
      if (module.equals("curriculum-service")) {
        // Its pseudonym keys: the secret's keys are the variables (current key id and each key).
        assertTrue(
            c.getEnvFrom().stream()
                .anyMatch(
                    f ->
                        f.getSecretRef() != null
                            && f.getSecretRef().getName().equals("qiao-pseudonym-keys")),
            "curriculum-service takes its pseudonym keys from qiao-pseudonym-keys");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void eachServiceUsesItsOwnDatabaseThroughItsReadWriteService(String overlay) throws IOException {
    List<HasMetadata> all = parse(rendered.resolve(overlay + ".yaml"));
    for (App app : SERVICES) {
      GenericKubernetesResource cluster = generic(all, "Cluster", app.cluster());
      assertEquals(
          app.database(), cluster.get("spec", "bootstrap", "initdb", "database"), app.cluster());
      Container c = container(all, app.module());
      assertEquals(
          "jdbc:postgresql://" + app.cluster() + "-rw:5432/" + app.database(),
          env(c, "QUARKUS_DATASOURCE_JDBC_URL").getValue());
      for (String key : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
        assertEquals(
            app.cluster() + "-app",
            env(c, key).getValueFrom().getSecretKeyRef().getName(),
            app.module() + " " + key + " from the operator's secret");
      }
      GenericKubernetesResource kafka = generic(all, "Kafka", KAFKA);
      List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
      assertEquals(
          KAFKA + "-kafka-bootstrap:" + listeners.get(0).get("port"),
          env(c, "QIAO_MESSAGING_BOOTSTRAP_SERVERS").getValue());

      NetworkPolicy policy = one(all, NetworkPolicy.class, app.module());
      Set<String> databases = new TreeSet<>();
      policy
          .getSpec()
          .getEgress()
          .forEach(
              rule ->
                  rule.getTo().stream()
                      .map(NetworkPolicyPeer::getPodSelector)
                      .filter(sel -> sel != null && sel.getMatchLabels() != null)
                      .map(sel -> sel.getMatchLabels().get("cnpg.io/cluster"))
                      .filter(java.util.Objects::nonNull)
                      .forEach(databases::add));
      assertEquals(Set.of(app.cluster()), databases, app.module() + " reaches only its database");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void everyTopicAServiceTouchesIsAKafkaTopicWithItsRetention(String overlay) throws IOException {
    List<HasMetadata> all = parse(rendered.resolve(overlay + ".yaml"));
    for (App app : SERVICES) {
      Properties p = properties(app.module());
      Map<String, Long> expected = new java.util.LinkedHashMap<>();
      long events = retention(p, "qiao.messaging.retention.events", Duration.ofDays(7));
      long deadLetters = retention(p, "qiao.messaging.retention.dead-letters", Duration.ofDays(14));
      expected.put(p.getProperty("qiao.messaging.topic"), events);
      for (String t : p.getProperty("qiao.messaging.consumer.topics", "").split(",")) {
        if (!t.isBlank()) {
          expected.put(t.strip(), events);
        }
      }
      expected.put(p.getProperty("qiao.messaging.consumer.group-id") + ".dlt", deadLetters);
      expected.forEach(
          (topic, retention) -> {
            GenericKubernetesResource t = generic(all, "KafkaTopic", topic);
            assertEquals(KAFKA, t.getMetadata().getLabels().get("strimzi.io/cluster"), topic);
            Map<String, Object> config = t.get("spec", "config");
            assertEquals(
                retention,
                ((Number) config.get("retention.ms")).longValue(),
                topic + " retention (ADR 0011) as " + app.module() + " sets it");
            assertEquals("delete", config.get("cleanup.policy"), topic + " is never compacted");
          });
    }
  }

  @Test
  void productionRunsSeveralOfEverything() throws IOException {
    List<HasMetadata> all = parse(rendered.resolve("production.yaml"));
    assertEquals(
        3,
        ((Number) generic(all, "KafkaNodePool", "dual-role").get("spec", "replicas")).intValue());
    for (HasMetadata r : all) {
      if (r instanceof GenericKubernetesResource g && g.getKind().equals("KafkaTopic")) {
        assertEquals(3, ((Number) g.get("spec", "replicas")).intValue(), g.getMetadata().getName());
        Map<String, Object> config = g.get("spec", "config");
        assertEquals(2, ((Number) config.get("min.insync.replicas")).intValue());
      }
      if (r instanceof GenericKubernetesResource g && g.getKind().equals("Cluster")) {
        assertEquals(
            3, ((Number) g.get("spec", "instances")).intValue(), g.getMetadata().getName());
        assertEquals(1, ((Number) g.get("spec", "minSyncReplicas")).intValue(), "synchronous");
      }
    }
    assertEquals(List.of(2, 2, 2, 2, 2), instances(all), "instances at least, in production");
    assertEquals(List.of(1, 1, 1, 1, 1), instances(parse(rendered.resolve("dev.yaml"))), "in dev");
  }

  /**
   * The least number of instances of each module: its HorizontalPodAutoscaler's minimum when it has
   * one (and then no replica count of its own, which would reset the autoscaler at every apply),
   * else its Deployment's replicas.
   */
  private static List<Integer> instances(List<HasMetadata> all) {
    List<Integer> counts = new ArrayList<>();
    for (String module : modules()) {
      Deployment d = one(all, Deployment.class, module);
      var hpa =
          all.stream()
              .filter(r -> r.getKind().equals("HorizontalPodAutoscaler"))
              .filter(r -> r.getMetadata().getName().equals(module))
              .findFirst();
      if (hpa.isPresent()) {
        assertEquals(null, d.getSpec().getReplicas(), module + " replicas beside its autoscaler");
        var spec =
            ((io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler) hpa.get())
                .getSpec();
        assertEquals(module, spec.getScaleTargetRef().getName());
        counts.add(spec.getMinReplicas());
      } else {
        counts.add(d.getSpec().getReplicas());
      }
    }
    return counts;
  }

  @Test
  void noSecretValueIsCommitted() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(K8S)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.toString().contains("node_modules")
            || f.getFileName().toString().endsWith(".json") && f.getParent().endsWith("tools")) {
          continue;
        }
        String text = Files.readString(f);
        if (text.contains("-----BEGIN")) {
          found.add(f + ": a PEM block");
        }
      }
    }
    for (String overlay : List.of("dev", "production")) {
      for (HasMetadata r : parse(rendered.resolve(overlay + ".yaml"))) {
        if (r.getKind().equals("Secret")) {
          found.add(overlay + ": Secret " + r.getMetadata().getName());
        }
        if (r instanceof Deployment d) {
          for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
            for (EnvVar e : c.getEnv()) {
              if (SECRET_NAME.matcher(e.getName()).matches() && e.getValue() != null) {
                found.add(
                    overlay
                        + ": "
                        + d.getMetadata().getName()
                        + " "
                        + e.getName()
                        + " has a value");
              }
            }
          }
        }
      }
    }
    assertTrue(found.isEmpty(), "secret values in deploy/kubernetes: " + found);
  }

  @Test
  void alertsAndTheDashboardReadMetricsTheServicesExport() throws IOException {
    List<HasMetadata> all = parse(rendered.resolve("production.yaml"));
    GenericKubernetesResource rule = generic(all, "PrometheusRule", "qiao");
    String rules = new ObjectMapper().writeValueAsString(rule.get("spec"));
    for (String alert :
        List.of(
            "QiaoOutboxRelayStuck",
            "QiaoConsumerLagGrowing",
            "QiaoDeadLetter",
            "QiaoServiceRestarting")) {
      assertTrue(rules.contains("\"alert\":\"" + alert + "\""), alert);
    }
    String dashboard = Files.readString(K8S.resolve("base/monitoring/grafana-dashboard.json"));
    new ObjectMapper().readTree(dashboard); // valid JSON
    // Every qiao_* metric the alerts and the dashboard read is a meter some service registers
    // (Prometheus names: dots become underscores, units and _total appended).
    String sources = javaSources();
    Set<String> unknown = new TreeSet<>();
    Matcher m = Pattern.compile("qiao_[a-z_]+").matcher(rules + dashboard);
    while (m.find()) {
      String meter =
          m.group()
              .replaceAll("_(total|seconds_max|seconds_count|seconds_sum|seconds)$", "")
              .replace('_', '.');
      if (!sources.contains("\"" + meter + "\"")) {
        unknown.add(m.group());
      }
    }
    assertTrue(unknown.isEmpty(), "metrics no service registers: " + unknown);
  }

  private static void assertProbe(String module, Probe probe, String path, int port) {
    assertNotNull(probe, module + " has no probe for " + path);
    assertEquals(path, probe.getHttpGet().getPath(), module);
    assertEquals(port, probe.getHttpGet().getPort().getIntVal(), module + " probe port");
  }

  private static List<String> modules() {
    List<String> m = new ArrayList<>(SERVICES.stream().map(App::module).toList());
    m.add(PORTAL);
    return m;
  }

  private static Properties properties(String module) throws IOException {
    Properties p = new Properties();
    try (var in =
        Files.newBufferedReader(
            ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
      p.load(in);
    }
    return p;
  }

  private static long retention(Properties p, String key, Duration fallback) {
    String v = p.getProperty(key);
    return (v == null ? fallback : Duration.parse(v)).toMillis();
  }

  private static String javaSources() throws IOException {
    StringBuilder all = new StringBuilder();
    for (String dir :
        List.of(
            "service-kit",
            "talent-demand-service",
            "curriculum-service",
            "internship-service",
            "matching-service")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(dir).resolve("src/main/java"))) {
        for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
          all.append(Files.readString(f));
        }
      }
    }
    return all.toString();
  }

  static List<HasMetadata> parse(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Object o = new KubernetesSerialization().unmarshal(in);
      if (o == null) {
        return List.of();
      }
      if (o instanceof List<?> l) {
        return l.stream().map(HasMetadata.class::cast).toList();
      }
      if (o instanceof KubernetesList kl) {
        return kl.getItems();
      }
      return List.of((HasMetadata) o);
    }
  }

  private static <T extends HasMetadata> T one(List<HasMetadata> all, Class<T> type, String name) {
    List<T> found =
        all.stream()
            .filter(type::isInstance)
            .map(type::cast)
            .filter(r -> r.getMetadata().getName().equals(name))
            .toList();
    assertEquals(1, found.size(), "one " + type.getSimpleName() + " " + name);
    return found.get(0);
  }

  private static GenericKubernetesResource generic(
      List<HasMetadata> all, String kind, String name) {
    return all.stream()
        .filter(r -> r instanceof GenericKubernetesResource)
        .map(GenericKubernetesResource.class::cast)
        .filter(r -> r.getKind().equals(kind) && r.getMetadata().getName().equals(name))
        .findFirst()
        .orElseGet(() -> fail("no " + kind + " " + name));
  }

  private static Container container(List<HasMetadata> all, String module) {
    return one(all, Deployment.class, module)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
  }

  private static EnvVar env(Container c, String name) {
    return c.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseGet(() -> fail(c.getName() + " has no " + name));
  }
}
