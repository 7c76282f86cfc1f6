package org.qiao.kit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts, once per test JVM, a real PostgreSQL (embedded binaries) and a real Kafka broker, and
 * points the service at them. Both live until the JVM exits, so every test class of a module shares
 * them and Quarkus restarts stay cheap.
 */
public class QiaoTestInfrastructure implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedPostgres postgres;
  private static KafkaBroker broker;

  @Override
  public Map<String, String> start() {
    ensureStarted();
    return Map.of(
        "quarkus.datasource.jdbc.url",
        postgres.getJdbcUrl("postgres", "postgres"),
        "quarkus.datasource.username",
        "postgres",
        "quarkus.datasource.password",
        "",
        "qiao.messaging.bootstrap-servers",
        broker.bootstrapServers(),
        "mp.jwt.verify.publickey",
        TestJwt.publicKeyPem(),
        "mp.jwt.verify.issuer",
        TestJwt.ISSUER);
  }

  @Override
  public void stop() {
    // Shared for the whole JVM: stopped by the shutdown hook, not per test class.
  }

  public static synchronized KafkaBroker broker() {
    ensureStarted();
    return broker;
  }

  private static synchronized void ensureStarted() {
    if (postgres != null) {
      return;
    }
    Path work = Path.of(System.getProperty("qiao.test.work-dir", "target/qiao-test-infra"));
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
    broker = KafkaBroker.start(work);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.stop();
                  try {
                    postgres.close();
                  } catch (IOException e) {
                    // the JVM is exiting; the data directory is temporary anyway
                  }
                },
                "qiao-test-infrastructure-stop"));
  }
}
