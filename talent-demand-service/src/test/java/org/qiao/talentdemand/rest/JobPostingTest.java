package org.qiao.talentdemand.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qiao.talentdemand.support.Api;
import org.qiao.talentdemand.support.Bodies;

/**
 * Demands as schema.org JobPostings, read as linked data by a JSON-LD processor (Titanium): after
 * expansion every property is one schema.org defines on its node's type, and every property search
 * engines require or recommend for a job posting is there with a value of the right kind.
 */
@QuarkusTest
class JobPostingTest {

  private static final String SCHEMA = "http://schema.org/";
  private static final String LD_JSON = "application/ld+json";

  /** Required by search engines' job posting guidelines. */
  private static final List<String> REQUIRED =
      List.of("title", "description", "datePosted", "hiringOrganization", "jobLocation");

  /** Recommended there, and asked for by partners' job boards. */
  private static final List<String> RECOMMENDED =
      List.of(
          "validThrough",
          "employmentType",
          "identifier",
          "occupationalCategory",
          "educationRequirements",
          "skills",
          "totalJobOpenings");

  private static final Set<String> EMPLOYMENT_TYPES =
      Set.of(
          "FULL_TIME",
          "PART_TIME",
          "CONTRACTOR",
          "TEMPORARY",
          "INTERN",
          "VOLUNTEER",
          "PER_DIEM",
          "OTHER");

  private static final Set<String> CREDENTIAL_CATEGORIES =
      Set.of(
          "high school",
          "associate degree",
          "bachelor degree",
          "professional certificate",
          "postgraduate degree",
          "no requirements");

  private static final Map<String, Set<String>> VOCABULARY = vocabulary();

  @Test
  void everyDemandTemplateGivesAValidJobPosting() throws Exception {
    Api.Org enterprise = Api.enterprise();
    List<Map<String, Object>> templates =
        enterprise
            .call()
            .get("/api/v1/demand-templates")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertFalse(templates.isEmpty(), "no demand templates");
    String[] cities = {"上海", "深圳市", "苏州", "北京", "嘉兴"};
    String[] employment = {"FULL_TIME", "INTERNSHIP", "PART_TIME"};
    List<String> created = new ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      Map<String, Object> t = templates.get(i);
      Bodies body =
          Bodies.aDemand()
              .with("title", t.get("occupationName") + "（" + (i + 1) + "）")
              .with("occupationCode", t.get("occupationCode"))
              .with("skills", skillsOf(t))
              .with("majorCodes", t.get("majorCodes"))
              .with("city", cities[i % cities.length])
              .with("employmentType", employment[i % employment.length])
              .with("headcount", i + 2);
      body =
          t.get("minimumDegree") == null
              ? body.without("minimumDegree")
              : body.with("minimumDegree", t.get("minimumDegree"));
      if (i % 2 == 1) {
        // Neither a description nor a salary: the posting still has every required property.
        body = body.without("description").without("salaryMin").without("salaryMax");
      } else {
        body = body.with("startDate", Bodies.today().plusMonths(2).toString());
      }
      String id = Api.create(enterprise, "/api/v1/demands", body.build());
      created.add(id);

      JsonObject posting = jobPosting(expand(jsonLd(enterprise, "/api/v1/demands/" + id)));
      assertValidPosting(posting);
      assertEquals(
          t.get("occupationCode"), text(node(posting, "occupationalCategory"), "codeValue"));
      assertEquals(
          (Object) (i + 2),
          Integer.parseInt(text(posting, "totalJobOpenings")),
          "openings of " + id);
      assertEquals(i % 2 == 0, posting.containsKey(SCHEMA + "baseSalary"), "salary where given");
      if (i % 2 == 0) {
        JsonObject range = node(node(posting, "baseSalary"), "value");
        assertEquals("CNY", text(node(posting, "baseSalary"), "currency"));
        assertEquals("12000", text(range, "minValue"));
        assertEquals("20000", text(range, "maxValue"));
        assertEquals("MONTH", text(range, "unitText"));
      }
    }
    // Cities this platform knows carry their GB/T 2260 code.
    JsonObject shanghai =
        jobPosting(expand(jsonLd(enterprise, "/api/v1/demands/" + created.get(0))));
    JsonObject place = node(shanghai, "jobLocation");
    assertEquals("310000", text(node(place, "identifier"), "value"));
    assertEquals("上海市", text(node(place, "address"), "addressLocality"));
    assertEquals("CN", text(node(place, "address"), "addressCountry"));
    assertEquals(
        enterprise.code(), text(node(node(shanghai, "hiringOrganization"), "identifier"), "value"));

    // The collection: every open one appears once, each a valid posting.
    Set<String> seen = new HashSet<>();
    String next = "/api/v1/job-postings?limit=3";
    int pages = 0;
    while (next != null && pages++ < 10_000) {
      Response page = enterprise.call().accept(LD_JSON).get(next);
      page.then().statusCode(200).contentType(LD_JSON);
      JsonObject list = only(expand(page.asString()));
      assertTrue(types(list).contains("ItemList"));
      assertProperties(list);
      for (JsonValue element : list.getJsonArray(SCHEMA + "itemListElement")) {
        JsonObject posting = node((JsonObject) element, "item");
        assertValidPosting(posting);
        String id = text(node(posting, "identifier"), "value");
        assertTrue(seen.add(id), "listed twice: " + id);
      }
      String link = page.header("Link");
      next = link == null ? null : URI.create(link.substring(1, link.indexOf('>'))).toString();
    }
    assertTrue(seen.containsAll(created), "every open demand is listed");
  }

  @Test
  void onlyOpenDemandsAreJobPostingsAndPlainJsonStaysTheDefault() {
    Api.Org enterprise = Api.enterprise();
    String draft =
        Api.create(enterprise, "/api/v1/demands", Bodies.aDemand().with("publish", false).build());
    enterprise.call().accept(LD_JSON).get("/api/v1/demands/" + draft).then().statusCode(404);

    String open = Api.create(enterprise, "/api/v1/demands", Bodies.aDemand().build());
    // Without a preference for JSON-LD the demand answers as before.
    for (String accept : new String[] {"application/json", "*/*", "application/json, " + LD_JSON}) {
      enterprise
          .call()
          .accept(accept)
          .get("/api/v1/demands/" + open)
          .then()
          .statusCode(200)
          .contentType("application/json")
          .body("id", equalTo(open))
          .body("status", equalTo("PUBLISHED"));
    }
    // Another enterprise's job board reads it as a posting.
    Api.enterprise()
        .call()
        .accept(LD_JSON + ";q=1, application/json;q=0.5")
        .get("/api/v1/demands/" + open)
        .then()
        .statusCode(200)
        .contentType(LD_JSON)
        .body("'@type'", equalTo("JobPosting"));

    enterprise
        .ifMatch("/api/v1/demands/" + open)
        .post("/api/v1/demands/" + open + "/closure")
        .then()
        .statusCode(200);
    enterprise
        .call()
        .accept(LD_JSON)
        .get("/api/v1/demands/" + open)
        .then()
        .statusCode(410)
        .contentType("application/problem+json");
    given().accept(LD_JSON).get("/api/v1/job-postings").then().statusCode(401);
  }

  /** The template's skills, essential and optional, as a demand states them. */
  @SuppressWarnings("unchecked")
  private static List<Object> skillsOf(Map<String, Object> template) {
    List<Object> skills = new ArrayList<>((List<Object>) template.get("essentialSkills"));
    skills.addAll((List<Object>) template.get("optionalSkills"));
    return skills;
  }

  // --- reading a posting as linked data --------------------------------------------------------

  private static String jsonLd(Api.Org caller, String path) {
    Response r = caller.call().accept(LD_JSON).get(path);
    r.then().statusCode(200).contentType(LD_JSON);
    return r.asString();
  }

  /** Expands a document with schema.org's context served offline; undefined terms fail. */
  private static JsonArray expand(String document) throws JsonLdError {
    DocumentLoader offline =
        (url, options) -> {
          String u = url.toString();
          if (!u.equals("https://schema.org") && !u.equals("https://schema.org/")) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "offline: " + u);
          }
          return JsonDocument.of(resource("/schemaorg/jsonldcontext.jsonld"));
        };
    return JsonLd.expand(
            JsonDocument.of(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))))
        .loader(offline)
        .undefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail)
        .get();
  }

  private static JsonObject only(JsonArray expanded) {
    assertEquals(1, expanded.size(), "one top-level node: " + expanded);
    return expanded.getJsonObject(0);
  }

  private static JsonObject jobPosting(JsonArray expanded) {
    JsonObject node = only(expanded);
    assertTrue(types(node).contains("JobPosting"), "a JobPosting: " + node);
    return node;
  }

  private static void assertValidPosting(JsonObject posting) {
    assertProperties(posting);
    for (String p : REQUIRED) {
      assertTrue(posting.containsKey(SCHEMA + p), "required " + p + " in " + posting);
    }
    for (String p : RECOMMENDED) {
      assertTrue(posting.containsKey(SCHEMA + p), "recommended " + p + " in " + posting);
    }
    assertFalse(text(posting, "title").isBlank());
    assertFalse(text(posting, "description").isBlank());
    LocalDate posted = LocalDate.parse(text(posting, "datePosted"));
    OffsetDateTime through = OffsetDateTime.parse(text(posting, "validThrough"));
    assertFalse(through.toLocalDate().isBefore(posted), "valid after posted");
    assertTrue(EMPLOYMENT_TYPES.contains(text(posting, "employmentType")));
    JsonObject org = node(posting, "hiringOrganization");
    assertTrue(types(org).contains("Organization"));
    assertFalse(text(org, "name").isBlank());
    assertEquals("统一社会信用代码", text(node(org, "identifier"), "propertyID"));
    assertTrue(text(node(org, "identifier"), "value").matches("[0-9A-HJ-NPQRTUWXY]{18}"));
    JsonObject place = node(posting, "jobLocation");
    assertTrue(types(place).contains("Place"));
    JsonObject address = node(place, "address");
    assertTrue(types(address).contains("PostalAddress"));
    assertEquals("CN", text(address, "addressCountry"));
    assertNotNull(text(address, "addressLocality"));
    if (place.containsKey(SCHEMA + "identifier")) {
      assertEquals("GB/T 2260", text(node(place, "identifier"), "propertyID"));
      assertTrue(text(node(place, "identifier"), "value").matches("\\d{6}"));
    }
    JsonObject category = node(posting, "occupationalCategory");
    assertTrue(types(category).contains("CategoryCode"));
    assertTrue(text(category, "codeValue").matches("[1-8]-\\d{2}-\\d{2}-\\d{2}"));
    JsonObject credential = node(posting, "educationRequirements");
    assertTrue(types(credential).contains("EducationalOccupationalCredential"));
    assertTrue(CREDENTIAL_CATEGORIES.contains(text(credential, "credentialCategory")));
    assertFalse(posting.getJsonArray(SCHEMA + "skills").isEmpty(), "skills");
    assertTrue(Integer.parseInt(text(posting, "totalJobOpenings")) >= 1);
  }

  /** Every property of the node and of the nodes inside it is one schema.org defines there. */
  private static void assertProperties(JsonObject node) {
    Set<String> allowed = new HashSet<>(VOCABULARY.get("Thing"));
    for (String t : types(node)) {
      Set<String> own = VOCABULARY.get(t);
      assertNotNull(own, "a schema.org type this test knows: " + t);
      allowed.addAll(own);
    }
    for (var e : node.entrySet()) {
      if (e.getKey().startsWith("@")) {
        continue;
      }
      assertTrue(e.getKey().startsWith(SCHEMA), "a schema.org property: " + e.getKey());
      String property = e.getKey().substring(SCHEMA.length());
      assertTrue(allowed.contains(property), property + " is not defined on " + types(node));
      for (JsonValue v : e.getValue().asJsonArray()) {
        if (v instanceof JsonObject o && !o.containsKey("@value") && !o.containsKey("@id")) {
          assertProperties(o);
        } else if (v instanceof JsonObject o && o.containsKey("@type") && o.containsKey("@id")) {
          assertProperties(o);
        }
      }
    }
  }

  private static Set<String> types(JsonObject node) {
    Set<String> out = new HashSet<>();
    if (node.containsKey("@type")) {
      for (JsonValue t : node.getJsonArray("@type")) {
        String iri = ((jakarta.json.JsonString) t).getString();
        assertTrue(iri.startsWith(SCHEMA), "a schema.org type: " + iri);
        out.add(iri.substring(SCHEMA.length()));
      }
    }
    return out;
  }

  private static JsonObject node(JsonObject parent, String property) {
    JsonArray values = parent.getJsonArray(SCHEMA + property);
    assertNotNull(values, property + " in " + parent);
    return values.getJsonObject(0);
  }

  private static String text(JsonObject parent, String property) {
    JsonObject v = node(parent, property);
    JsonValue value = v.get("@value");
    assertNotNull(value, property + " has a value");
    return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
  }

  private static InputStream resource(String path) {
    InputStream in = JobPostingTest.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing " + path);
    }
    return in;
  }

  private static Map<String, Set<String>> vocabulary() {
    Map<String, Set<String>> v = new HashMap<>();
    try (InputStream in = resource("/schemaorg/job-posting-vocabulary.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.strip().split("\t");
        v.put(
            cells[0],
            Set.of(cells).stream()
                .filter(c -> !c.equals(cells[0]))
                .collect(java.util.stream.Collectors.toSet()));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return v;
  }
}
