package org.qiao.curriculum.support;

import java.util.Map;
import org.qiao.kit.testing.TestCaller;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;

/** Callers for tests: fresh registered institutions and their students, each with a token. */
public final class Api {

  private Api() {}

  public static TestCaller unregisteredUniversity() {
    String code = TestCodes.newInstitutionCode();
    return new TestCaller(code, null, TestJwt.token("university", code));
  }

  /** A registered undergraduate university in Shanghai. */
  public static TestCaller university() {
    return registered(unregisteredUniversity(), "UNDERGRADUATE", "institutionCode");
  }

  /** A registered training provider, known by its credit code. */
  public static TestCaller trainingProvider() {
    String code = TestCodes.newCreditCode();
    return registered(
        new TestCaller(code, null, TestJwt.token("university", code)),
        "TRAINING_PROVIDER",
        "creditCode");
  }

  private static TestCaller registered(TestCaller c, String kind, String field) {
    String id =
        c.create(
            "/api/v1/institutions",
            Map.of(
                field,
                c.code(),
                "profile",
                Map.of("name", "测试学校 " + c.code(), "kind", kind, "city", "上海")));
    return new TestCaller(c.code(), id, c.token());
  }

  /** The student with this pseudonymous id, acting at their institution. */
  public static TestCaller student(TestCaller institution, String pseudonymousId) {
    return new TestCaller(
        institution.code(), null, TestJwt.token("student", institution.code(), pseudonymousId));
  }

  public static TestCaller enterprise() {
    String code = TestCodes.newCreditCode();
    return new TestCaller(code, null, TestJwt.token("enterprise", code));
  }
}
