package org.qiao.curriculum.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.qiao.curriculum.support.Bodies.aStudent;
import static org.qiao.curriculum.support.Bodies.newStudentNumber;
import static org.qiao.curriculum.support.Bodies.with;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.kit.testing.TestCaller;

/** Adding one student with an Idempotency-Key: a retry replays, a broken field is still named. */
@QuarkusTest
class AddStudentTest {

  @Test
  void aBrokenFieldIsNamedWhicheverKeyItComesWith() {
    TestCaller university = Api.university();
    Map<String, Object> student = aStudent(newStudentNumber());
    String key = UUID.randomUUID().toString();
    add(university, key, student).statusCode(201);
    add(university, key, student).statusCode(201).header("Idempotent-Replayed", "true");
    // The phone rule is the domain's, not an annotation's: it too is checked before the key.
    add(university, key, with(student, "phone", "12345"))
        .statusCode(400)
        .body("errors.field", hasItem("phone"));
    add(university, key, with(student, "name", "另一个学生"))
        .statusCode(422)
        .body("type", equalTo("urn:qiao:problem:idempotency-key-reused"));
  }

  private static ValidatableResponse add(
      TestCaller university, String key, Map<String, Object> body) {
    return university
        .call()
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/v1/students")
        .then();
  }
}
