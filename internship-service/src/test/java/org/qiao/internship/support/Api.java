package org.qiao.internship.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.qiao.internship.domain.KnownStudent;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.TestCaller;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;
import org.qiao.kit.testing.TestProducer;

/** Callers for tests: organisations, their mentors and students, each with a token. */
public final class Api {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Api() {}

  /** A mentor of the organisation, registered with the given capacity, acting as themself. */
  public static TestCaller mentor(TestCaller organisation, int capacity) {
    String id =
        organisation.create(
            "/api/v1/mentors",
            Map.of(
                "name",
                "导师 " + organisation.code(),
                "title",
                "高级工程师",
                "skills",
                List.of("UVM验证"),
                "capacity",
                capacity));
    return new TestCaller(
        organisation.code(), id, TestJwt.token("mentor", organisation.code(), id));
  }

  public static TestCaller university() {
    String code = TestCodes.newInstitutionCode();
    return new TestCaller(code, null, TestJwt.token("university", code));
  }

  public static TestCaller enterprise() {
    String code = TestCodes.newCreditCode();
    return new TestCaller(code, null, TestJwt.token("enterprise", code));
  }

  public static TestCaller government() {
    return new TestCaller("gov", null, TestJwt.token("government", "shanghai-education"));
  }

  /**
   * A student of the institution that curriculum-service has published (a profile event on the real
   * topic), once this service has consumed it.
   */
  public static TestCaller student(TestCaller institution) {
    StringBuilder id = new StringBuilder("s");
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    for (int i = 0; i < 26; i++) {
      id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    String pseudonym = id.toString();
    publishProfile(pseudonym, institution.code(), 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(() -> KnownStudent.findById(pseudonym) != null));
    return new TestCaller(
        institution.code(), pseudonym, TestJwt.token("student", institution.code(), pseudonym));
  }

  /** curriculum-service's profile event for a student, as the contract describes it. */
  public static void publishProfile(String pseudonym, String institutionCode, long version) {
    publishProfile(pseudonym, institutionCode, version, "2027-03-02T01:00:00Z");
  }

  /** The profile event of a consent given at {@code consentGivenAt}. */
  public static CloudEvent publishProfile(
      String pseudonym, String institutionCode, long version, String consentGivenAt) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("pseudonymousId", pseudonym);
    ObjectNode inst = data.putObject("institution");
    inst.put("institutionId", UUID.randomUUID().toString());
    inst.put("code", institutionCode);
    inst.put("name", "测试大学");
    inst.put("kind", "UNDERGRADUATE");
    data.put("majorCode", "080710T");
    data.put("degree", "BACHELOR");
    data.put("graduationYear", 2027);
    data.putNull("cohortYear");
    data.putArray("skills");
    data.putArray("preferredCities").add("310000");
    data.put("consentTextVersion", "2026-01");
    data.put("consentGivenAt", consentGivenAt);
    data.put("version", version);
    data.put("updatedAt", consentGivenAt);
    CloudEvent e =
        CloudEvent.create(
            "curriculum-service", "qiao.student.profile-published.v1", pseudonym, data);
    TestProducer.send("qiao.curriculum.events", e);
    return e;
  }

  /** curriculum-service's forget event for a student. */
  public static CloudEvent publishForget(String pseudonym, String institutionCode) {
    return publishForget(pseudonym, institutionCode, "CONSENT_WITHDRAWN", "2027-04-01T01:00:00Z");
  }

  /** curriculum-service's forget event for a reason (CONSENT_WITHDRAWN, ERASED) at a time. */
  public static CloudEvent publishForget(
      String pseudonym, String institutionCode, String reason, String at) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("pseudonymousId", pseudonym);
    data.put("institutionCode", institutionCode);
    data.put("reason", reason);
    data.put("forgottenAt", at);
    CloudEvent e =
        CloudEvent.create("curriculum-service", "qiao.student.forgotten.v1", pseudonym, data);
    TestProducer.send("qiao.curriculum.events", e);
    return e;
  }
}
