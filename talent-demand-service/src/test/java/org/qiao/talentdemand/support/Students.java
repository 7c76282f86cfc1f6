package org.qiao.talentdemand.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.InboxProbe;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;
import org.qiao.kit.testing.TestProducer;
import org.qiao.talentdemand.domain.KnownStudent;

/** Students as curriculum-service announces them (the contract's examples), each with a token. */
public final class Students {

  public static final String TOPIC = "qiao.curriculum.events";
  public static final String PROFILE = "qiao.student.profile-published.v1";
  public static final String FORGOTTEN = "qiao.student.forgotten.v1";
  public static final String CONSENTED = "2027-03-02T01:00:00Z";

  private Students() {}

  /** A student no event has named: its token, its pseudonymous id as {@code id}. */
  public static Api.Org unknown() {
    String id = TestCodes.newPseudonym();
    String institution = TestCodes.newInstitutionCode();
    return new Api.Org(institution, id, TestJwt.token("student", institution, id));
  }

  /** A student whose consented profile this service has taken in: one an enterprise may invite. */
  public static Api.Org published() {
    Api.Org s = unknown();
    awaitProcessed(profile(s, 1, CONSENTED));
    return s;
  }

  /** curriculum-service's profile event for the student, sent. */
  public static CloudEvent profile(Api.Org student, long version, String consentGivenAt) {
    ObjectNode data = ContractExamples.data(PROFILE);
    data.put("pseudonymousId", student.id())
        .put("version", version)
        .put("consentGivenAt", consentGivenAt)
        .put("updatedAt", consentGivenAt);
    ((ObjectNode) data.get("institution")).put("code", student.code());
    return send(ContractExamples.event("curriculum-service", PROFILE, student.id(), data));
  }

  /** curriculum-service's forget event (CONSENT_WITHDRAWN or ERASED), sent. */
  public static CloudEvent forget(Api.Org student, String reason, String at) {
    ObjectNode data = ContractExamples.data(FORGOTTEN);
    data.put("pseudonymousId", student.id())
        .put("institutionCode", student.code())
        .put("reason", reason)
        .put("forgottenAt", at);
    return send(ContractExamples.event("curriculum-service", FORGOTTEN, student.id(), data));
  }

  /** curriculum-service's event: the student revoked the contact grant of an application. */
  public static CloudEvent contactRevoked(String applicationId, String studentId) {
    String type = "qiao.contact-grant.revoked.v1";
    ObjectNode data = ContractExamples.data(type);
    data.put("applicationId", applicationId).put("studentId", studentId);
    String grant = data.get("grantId").asText();
    return send(ContractExamples.event("curriculum-service", type, grant, data));
  }

  public static void awaitProcessed(CloudEvent e) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> InboxProbe.processed("talent-demand-service", e.id()));
  }

  /** Whether an enterprise may invite the student now (blocks aside). */
  public static boolean contactable(String pseudonymousId) {
    return QuarkusTransaction.requiringNew().call(() -> KnownStudent.isContactable(pseudonymousId));
  }

  private static CloudEvent send(CloudEvent e) {
    TestProducer.send(TOPIC, e);
    return e;
  }
}
