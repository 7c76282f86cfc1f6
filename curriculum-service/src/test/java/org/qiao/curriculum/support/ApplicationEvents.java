package org.qiao.curriculum.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.InboxProbe;
import org.qiao.kit.testing.TestProducer;

/**
 * Application and placement events exactly as talent-demand-service publishes them (the contract's
 * examples), sent to the real broker.
 */
public final class ApplicationEvents {

  public static final String TOPIC = "qiao.talent-demand.events";
  private static final String SOURCE = "talent-demand-service";

  private ApplicationEvents() {}

  /** One application of a student to an enterprise (by credit code). */
  public record Application(String id, String studentId, String creditCode, String startedBy) {

    public static Application byStudent(String studentId, String creditCode) {
      return new Application(UUID.randomUUID().toString(), studentId, creditCode, "STUDENT");
    }

    public static Application byEnterprise(String studentId, String creditCode) {
      return new Application(UUID.randomUUID().toString(), studentId, creditCode, "ENTERPRISE");
    }

    /** The event of a stage (applied, accepted, withdrawn …) at a version and time. */
    public CloudEvent event(String stage, long version, Instant updatedAt) {
      String type = "qiao.application." + stage + ".v1";
      ObjectNode data = ContractExamples.data(type);
      data.put("applicationId", id)
          .put("studentId", studentId)
          .put("startedBy", startedBy)
          .put("status", stage.toUpperCase(Locale.ROOT))
          .put("version", version)
          .put("updatedAt", updatedAt.toString());
      ((ObjectNode) data.get("enterprise"))
          .put("id", enterpriseId(creditCode))
          .put("creditCode", creditCode)
          .put("name", "测试企业 " + creditCode);
      return ContractExamples.event(SOURCE, type, id, data);
    }

    public CloudEvent event(String stage, long version) {
      return event(stage, version, Instant.now());
    }
  }

  public static String enterpriseId(String creditCode) {
    return UUID.nameUUIDFromBytes(creditCode.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** A hire of the student by the enterprise, hired at {@code hiredAt}. */
  public static CloudEvent placement(
      String studentId, String creditCode, Instant hiredAt, LocalDate startDate) {
    String id = UUID.randomUUID().toString();
    ObjectNode data = ContractExamples.data("qiao.placement.recorded.v1");
    data.put("placementId", id)
        .put("applicationId", id)
        .put("studentId", studentId)
        .put("hiredAt", hiredAt.toString())
        .put("startDate", startDate.toString());
    ((ObjectNode) data.get("enterprise"))
        .put("id", enterpriseId(creditCode))
        .put("creditCode", creditCode)
        .put("name", "测试企业 " + creditCode);
    return ContractExamples.event(SOURCE, "qiao.placement.recorded.v1", id, data);
  }

  /** Sends the event and waits until curriculum-service has applied it. */
  public static CloudEvent applied(CloudEvent event) {
    TestProducer.send(TOPIC, event);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> InboxProbe.processed("curriculum-service", event.id()));
    return event;
  }
}
