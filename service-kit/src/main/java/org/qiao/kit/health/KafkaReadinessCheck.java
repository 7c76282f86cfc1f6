package org.qiao.kit.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.qiao.kit.config.KafkaClients;
import org.qiao.kit.config.MessagingConfig;

/** Ready only while the broker answers: without it no event leaves the outbox. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

  private final MessagingConfig config;
  private volatile Admin admin;

  KafkaReadinessCheck(MessagingConfig config) {
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("kafka");
    try {
      int nodes = admin().describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
      return response.up().withData("nodes", nodes).build();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }

  private Admin admin() {
    if (admin == null) {
      synchronized (this) {
        if (admin == null) {
          admin = KafkaClients.admin(config.bootstrapServers());
        }
      }
    }
    return admin;
  }

  @jakarta.annotation.PreDestroy
  void close() {
    if (admin != null) {
      admin.close();
    }
  }
}
