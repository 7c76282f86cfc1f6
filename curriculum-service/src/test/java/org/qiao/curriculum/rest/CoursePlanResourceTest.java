package org.qiao.curriculum.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qiao.curriculum.support.Bodies.aMajorPlan;
import static org.qiao.curriculum.support.Bodies.aProgramme;
import static org.qiao.curriculum.support.Bodies.course;
import static org.qiao.curriculum.support.Bodies.with;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventSchemas;
import org.qiao.kit.testing.EventTap;
import org.qiao.kit.testing.TestCaller;

@QuarkusTest
class CoursePlanResourceTest {

  static String publish(TestCaller u, String id) {
    u.ifMatch("/api/v1/course-plans/" + id)
        .post("/api/v1/course-plans/{id}/publication", id)
        .then()
        .statusCode(200);
    return id;
  }

  @Test
  void publishingANewVersionSupersedesTheOldKeepsHistoryAndListsChangesPerCourse() {
    TestCaller u = Api.university();
    String v1 = publish(u, u.create("/api/v1/course-plans", aMajorPlan()));
    // A second draft for the same major and cohort: on publication it is version 2 of the line.
    Map<String, Object> next =
        with(
            aMajorPlan(),
            "courses",
            List.of(
                course("MIC3012", Map.of("Verilog", 4, "SystemVerilog", 3)),
                course("MIC5001", Map.of("Chiplet封装", 2))));
    String v2 = publish(u, u.create("/api/v1/course-plans", next));

    u.call()
        .get("/api/v1/course-plans/{id}", v2)
        .then()
        .body("planVersion", equalTo(2))
        .body("status", equalTo("PUBLISHED"))
        .body("supersedesId", equalTo(v1))
        .body("catalogue", equalTo("UNDERGRADUATE_2024"))
        .body("catalogueEdition", equalTo("2024"));
    u.call()
        .get("/api/v1/course-plans/{id}", v1)
        .then()
        .body("status", equalTo("SUPERSEDED"))
        .body("supersededById", equalTo(v2));
    u.call()
        .get("/api/v1/course-plans/{id}/versions", v1)
        .then()
        .body("planVersion", contains(1, 2))
        .body("id", contains(v1, v2));

    u.call()
        .get("/api/v1/course-plans/{id}/changes?since=1", v2)
        .then()
        .statusCode(200)
        .body("fromVersion", equalTo(1))
        .body("toVersion", equalTo(2))
        .body("courses", hasSize(3))
        .body("courses[0].courseCode", equalTo("MIC3012"))
        .body("courses[0].change", equalTo("CHANGED"))
        .body("courses[0].skillsAdded.name", contains("SystemVerilog"))
        .body("courses[0].skillsRemoved.name", contains("数字IC设计"))
        .body("courses[0].skillsRelevelled[0].toLevel", equalTo(4))
        .body("courses[1].courseCode", equalTo("MIC5001"))
        .body("courses[1].change", equalTo("ADDED"))
        .body("courses[2].courseCode", equalTo("MIC4020"))
        .body("courses[2].change", equalTo("REMOVED"))
        .body("courses[2].skillsRemoved.name", contains("UVM验证"));

    // A reader that is up to date gets no changes; a version that does not exist yet is a 400.
    u.call()
        .get("/api/v1/course-plans/{id}/changes?since=2", v2)
        .then()
        .statusCode(200)
        .body("courses", hasSize(0));
    u.call()
        .get("/api/v1/course-plans/{id}/changes?since=3", v2)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("since"));
  }

  @Test
  void aRevisionStartsADraftInTheSameLineAndPublishedPlansAreNotEdited() {
    TestCaller u = Api.university();
    String v1 = publish(u, u.create("/api/v1/course-plans", aMajorPlan()));
    u.ifMatch("/api/v1/course-plans/" + v1)
        .body(aMajorPlan())
        .put("/api/v1/course-plans/{id}", v1)
        .then()
        .statusCode(409);
    String draft =
        u.call()
            .post("/api/v1/course-plans/{id}/revisions", v1)
            .then()
            .statusCode(201)
            .body("status", equalTo("DRAFT"))
            .body("planVersion", nullValue())
            .extract()
            .path("id");
    publish(u, draft);
    u.call().get("/api/v1/course-plans/{id}", draft).then().body("planVersion", equalTo(2));
    u.ifMatch("/api/v1/course-plans/" + draft)
        .post("/api/v1/course-plans/{id}/retirement", draft)
        .then()
        .statusCode(200)
        .body("status", equalTo("RETIRED"));
    u.ifMatch("/api/v1/course-plans/" + draft)
        .post("/api/v1/course-plans/{id}/retirement", draft)
        .then()
        .statusCode(409);
  }

  @Test
  void aProgrammeWithEligibilityIsPublishedByATrainingProviderOnly() {
    TestCaller provider = Api.trainingProvider();
    String id = publish(provider, provider.create("/api/v1/course-plans", aProgramme()));
    provider
        .call()
        .get("/api/v1/course-plans/{id}", id)
        .then()
        .body("kind", equalTo("PROGRAMME"))
        .body("programme.occupationCode", equalTo("4-04-05-05"))
        .body("programme.eligibility", equalTo("年满40周岁的在职或失业人员"))
        .body("programme.seats", equalTo(40))
        .body("programme.free", equalTo(true))
        .body("majorCode", nullValue());

    TestCaller university = Api.university();
    university
        .call()
        .body(aProgramme())
        .post("/api/v1/course-plans")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("kind"));
  }

  @Test
  void theMajorCodeMustBelongToTheStatedCatalogue() {
    TestCaller u = Api.university();
    u.call()
        .body(with(aMajorPlan(), "catalogue", "VOCATIONAL_2021"))
        .post("/api/v1/course-plans")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("majorCode"));
    u.call()
        .body(with(aMajorPlan(), "catalogue", "VOCATIONAL_2021", "majorCode", "510201"))
        .post("/api/v1/course-plans")
        .then()
        .statusCode(201)
        .body("catalogueEdition", equalTo("2021"));
  }

  @Test
  void eachPublishedVersionEmitsItsSkillsPerCourseAndInTotal() {
    TestCaller u = Api.university();
    try (EventTap tap = EventTap.open("qiao.curriculum.events")) {
      String id = publish(u, u.create("/api/v1/course-plans", aMajorPlan()));
      CloudEvent e = tap.awaitEvents(x -> x.subject().equals(id), 1, Duration.ofSeconds(15)).get(0);
      assertEquals("qiao.course-plan.published.v1", e.type());
      assertEquals(List.of(), EventSchemas.violations(e));
      JsonNode data = e.data();
      java.util.Set<String> firstCourse = new java.util.TreeSet<>();
      data.at("/courses/0/skills").forEach(s -> firstCourse.add(s.get("name").asText()));
      assertEquals(java.util.Set.of("Verilog", "数字IC设计"), firstCourse);
      assertEquals(3, data.get("skills").size(), "Verilog, 数字IC设计, UVM验证 in total");
      for (JsonNode s : data.get("skills")) {
        assertEquals(3, s.get("level").asInt());
      }
      assertEquals(1, data.get("planVersion").asInt());
    }
  }

  @Test
  void anEnterpriseReadsPublishedPlansButNotDrafts() {
    TestCaller u = Api.university();
    String draft = u.create("/api/v1/course-plans", aMajorPlan());
    String published = publish(u, u.create("/api/v1/course-plans", aMajorPlan()));
    TestCaller enterprise = Api.enterprise();
    enterprise.call().get("/api/v1/course-plans/{id}", draft).then().statusCode(404);
    enterprise
        .call()
        .get("/api/v1/course-plans/{id}", published)
        .then()
        .statusCode(200)
        .body("institution.code", equalTo(u.code()));
    u.call().get("/api/v1/course-plans?status=DRAFT").then().body("id", containsInAnyOrder(draft));
  }
}
