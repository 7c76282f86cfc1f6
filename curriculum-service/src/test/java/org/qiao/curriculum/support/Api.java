package org.qiao.curriculum.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;

/** Callers for tests: fresh registered institutions and their students, each with a token. */
public final class Api {

  private Api() {}

  /** An organisation or person acting through a token; {@code id} is its registered record. */
  public record Caller(String code, String id, String token) {
    public RequestSpecification call() {
      return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A change of the resource at the path, sending the ETag just read as If-Match. */
    public RequestSpecification ifMatch(String resourcePath) {
      String etag = call().get(resourcePath).then().statusCode(200).extract().header("ETag");
      return call().header("If-Match", etag);
    }

    /** Creates a resource and returns its id. */
    public String create(String path, Object body) {
      return call()
          .body(body)
          .post(path)
          .then()
          .log()
          .ifValidationFails()
          .statusCode(201)
          .extract()
          .path("id");
    }
  }

  public static Caller unregisteredUniversity() {
    String code = TestCodes.newInstitutionCode();
    return new Caller(code, null, TestJwt.token("university", code));
  }

  /** A registered undergraduate university in Shanghai. */
  public static Caller university() {
    return registered(unregisteredUniversity(), "UNDERGRADUATE", "institutionCode");
  }

  /** A registered training provider, known by its credit code. */
  public static Caller trainingProvider() {
    String code = TestCodes.newCreditCode();
    return registered(
        new Caller(code, null, TestJwt.token("university", code)),
        "TRAINING_PROVIDER",
        "creditCode");
  }

  private static Caller registered(Caller c, String kind, String field) {
    String id =
        c.create(
            "/api/v1/institutions",
            Map.of(
                field,
                c.code(),
                "profile",
                Map.of("name", "测试学校 " + c.code(), "kind", kind, "city", "上海")));
    return new Caller(c.code(), id, c.token());
  }

  /** The student with this pseudonymous id, acting at their institution. */
  public static Caller student(Caller institution, String pseudonymousId) {
    return new Caller(
        institution.code(), null, TestJwt.token("student", institution.code(), pseudonymousId));
  }

  public static Caller enterprise() {
    String code = TestCodes.newCreditCode();
    return new Caller(code, null, TestJwt.token("enterprise", code));
  }
}
