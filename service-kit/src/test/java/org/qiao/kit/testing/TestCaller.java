package org.qiao.kit.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * An organisation or person acting through a token in a service's tests: {@code code} is its org
 * claim, {@code id} its record (or subject) where it has one.
 */
public record TestCaller(String code, String id, String token) {

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
