package org.qiao.talentdemand.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;

/** Callers for tests: fresh registered enterprises and universities, each with its own token. */
public final class Api {

  private Api() {}

  /** An organisation acting through a token. */
  public record Org(String code, String id, String token) {
    public RequestSpecification call() {
      return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A call that changes the resource at the path, sending the ETag just read as If-Match. */
    public RequestSpecification ifMatch(String resourcePath) {
      String etag = call().get(resourcePath).then().statusCode(200).extract().header("ETag");
      return call().header("If-Match", etag);
    }
  }

  /** A new valid credit code of a Shanghai enterprise. */
  public static String newCreditCode() {
    return TestCodes.newCreditCode();
  }

  /** An enterprise that has a token but has not registered yet. */
  public static Org unregisteredEnterprise() {
    String code = newCreditCode();
    return new Org(code, null, TestJwt.token("enterprise", code));
  }

  /** A registered enterprise. */
  public static Org enterprise() {
    Org org = unregisteredEnterprise();
    String id =
        org.call()
            .body(Bodies.anEnterprise(org.code()).build())
            .post("/api/v1/enterprises")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new Org(org.code(), id, org.token());
  }

  public static Org university() {
    String code = TestCodes.newInstitutionCode();
    return new Org(code, code, TestJwt.token("university", code));
  }

  public static Org government() {
    return new Org("gov-sh", null, TestJwt.token("government", "gov-sh"));
  }

  /** A fresh university's interest in the challenge; its id. */
  public static String interestIn(String challenge) {
    return create(
        university(),
        "/api/v1/challenges/" + challenge + "/interests",
        Map.of("contactName", "李教授"));
  }

  /** Creates a resource and returns its id. */
  public static String create(Org org, String path, Object body) {
    return org.call().body(body).post(path).then().statusCode(201).extract().path("id");
  }
}
