package org.qiao.matching.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.testing.ContractExamples;
import org.qiao.kit.testing.InboxProbe;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestProducer;

/**
 * Test data builders for the events matching consumes, each starting from the contract's example so
 * every event a test sends is one the producers could send. {@link #deliver} sends and waits until
 * matching-service has processed the events.
 */
public final class Events {

  public static final String TALENT_DEMAND = "qiao.talent-demand.events";
  public static final String CURRICULUM = "qiao.curriculum.events";
  public static final String INTERNSHIP = "qiao.internship.events";

  private Events() {}

  /** A fresh pseudonymous id in curriculum-service's format. */
  public static String newStudentId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    StringBuilder s = new StringBuilder("s");
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 26; i++) {
      s.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static final java.util.concurrent.atomic.AtomicInteger CITIES =
      new java.util.concurrent.atomic.AtomicInteger();

  private static final String[] TEST_PROVINCES = {
    "54", "63", "64", "65", "15", "45", "46", "52", "53", "62", "23", "22"
  };

  /**
   * A city-level GB/T 2260 code no other test of this run uses (prefectures 50–99 of remote
   * provinces), so hard constraints and counts by city isolate a test's students.
   */
  public static String newCity() {
    int n = CITIES.getAndIncrement();
    return TEST_PROVINCES[n / 50 % TEST_PROVINCES.length] + (50 + n % 50) + "00";
  }

  /** The city every profile prefers unless a test says otherwise (克拉玛依, no test's own). */
  public static final String DEFAULT_CITY = "650200";

  private static final java.util.concurrent.atomic.AtomicInteger CLASSES =
      new java.util.concurrent.atomic.AtomicInteger(9100);

  /**
   * A 4-digit major class no other test of this run uses (9100, 9101, …: no real discipline starts
   * with 9), so counts by class or relaxations of the major are a test's own.
   */
  public static String newMajorClass() {
    return String.valueOf(CLASSES.getAndIncrement());
  }

  /** Sends the events in order and waits until matching-service processed the last one. */
  public static void deliver(String topic, CloudEvent... events) {
    for (CloudEvent e : events) {
      TestProducer.send(topic, e);
    }
    CloudEvent last = events[events.length - 1];
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> InboxProbe.processed("matching-service", last.id()));
  }

  /** Delivers the events with one producer, in order, so the consumer takes them in few polls. */
  public static void deliverTogether(String topic, CloudEvent... events) {
    TestProducer.sendAll(topic, List.of(events));
    // Keys (students) spread over partitions: every event, not only the last, must be applied.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                java.util.Arrays.stream(events)
                    .allMatch(e -> InboxProbe.processed("matching-service", e.id())));
  }

  public static Profile profile() {
    return new Profile();
  }

  public static Demand demand() {
    return new Demand();
  }

  /** A consented student's profile event. */
  public static final class Profile {
    public final String id = newStudentId();
    private String institutionCode = "4131010246";
    private String majorCode = "080901";
    private String degree = "BACHELOR";
    private int graduationYear = 2027;
    private List<String> cities = List.of(DEFAULT_CITY);
    private final List<String[]> skills = new ArrayList<>();
    private long version = 1;
    private String consentGivenAt;

    public Profile institution(String code) {
      institutionCode = code;
      return this;
    }

    public Profile major(String code) {
      majorCode = code;
      return this;
    }

    public Profile degree(String d) {
      degree = d;
      return this;
    }

    public Profile graduating(int year) {
      graduationYear = year;
      return this;
    }

    public Profile cities(String... names) {
      cities = List.of(names);
      return this;
    }

    /** Skills the student declared. */
    public Profile skills(String... names) {
      for (String n : names) {
        skills.add(new String[] {n, "declared"});
      }
      return this;
    }

    public String majorCode() {
      return majorCode;
    }

    public Profile version(long v) {
      version = v;
      return this;
    }

    /** When the consent the profile is published under was given (default: the example's). */
    public Profile consentGivenAt(String at) {
      consentGivenAt = at;
      return this;
    }

    public String institutionCode() {
      return institutionCode;
    }

    public CloudEvent event() {
      String type = "qiao.student.profile-published.v1";
      ObjectNode d = ContractExamples.data(type);
      d.put("pseudonymousId", id).put("majorCode", majorCode).put("degree", degree);
      d.put("graduationYear", graduationYear).put("version", version);
      if (consentGivenAt != null) {
        d.put("consentGivenAt", consentGivenAt);
      }
      ((ObjectNode) d.get("institution")).put("code", institutionCode);
      ArrayNode s = d.putArray("skills");
      for (String[] k : skills) {
        s.addObject()
            .put("name", k[0])
            .putNull("level")
            .put("declared", true)
            .put("fromCourses", false);
      }
      ArrayNode c = d.putArray("preferredCities");
      cities.forEach(c::add);
      return ContractExamples.event("curriculum-service", type, id, d);
    }
  }

  public static CloudEvent forgotten(String studentId) {
    String type = "qiao.student.forgotten.v1";
    ObjectNode d = ContractExamples.data(type);
    d.put("pseudonymousId", studentId);
    return ContractExamples.event("curriculum-service", type, studentId, d);
  }

  /** A forget event for a reason (CONSENT_WITHDRAWN, ERASED) at a time. */
  public static CloudEvent forgotten(String studentId, String reason, String at) {
    CloudEvent e = forgotten(studentId);
    ((ObjectNode) e.data()).put("reason", reason).put("forgottenAt", at);
    return e;
  }

  /** Mentors of a completed internship verified these skills of the student. */
  public static CloudEvent internshipCompleted(String studentId, String... verifiedSkills) {
    String type = "qiao.internship.completed.v1";
    ObjectNode d = ContractExamples.data(type);
    String id = ContractExamples.newId();
    d.put("internshipId", id).put("studentId", studentId);
    ArrayNode v = d.putArray("verifiedSkills");
    for (String s : verifiedSkills) {
      v.addObject()
          .put("skill", s)
          .put("institutionMentorRating", 4)
          .put("enterpriseMentorRating", 3);
    }
    return ContractExamples.event("internship-service", type, id, d);
  }

  /** A published demand event. */
  public static final class Demand {
    public final String id = ContractExamples.newId();
    public final String enterpriseCode = TestCodes.newCreditCode();
    private String city = "上海";
    private List<String> majors = List.of("080901");
    private String minimumDegree = "BACHELOR";
    private final List<Object[]> skills = new ArrayList<>();
    private int headcount = 3;
    private String occupationCode = "2-02-10-03";
    private String status = "PUBLISHED";
    private long version = 1;

    public Demand city(String c) {
      city = c;
      return this;
    }

    public Demand majors(String... codes) {
      majors = List.of(codes);
      return this;
    }

    public Demand minimumDegree(String d) {
      minimumDegree = d;
      return this;
    }

    public Demand essential(String... names) {
      for (String n : names) {
        skills.add(new Object[] {n, true});
      }
      return this;
    }

    public Demand optional(String... names) {
      for (String n : names) {
        skills.add(new Object[] {n, false});
      }
      return this;
    }

    public Demand headcount(int h) {
      headcount = h;
      return this;
    }

    public Demand occupation(String code) {
      occupationCode = code;
      return this;
    }

    public Demand status(String s) {
      status = s;
      return this;
    }

    public Demand version(long v) {
      version = v;
      return this;
    }

    public CloudEvent event() {
      // The event that leaves a demand in its status.
      String type = "CLOSED".equals(status) ? "qiao.demand.closed.v1" : "qiao.demand.published.v1";
      ObjectNode d = ContractExamples.data(type);
      d.put("demandId", id).put("city", city).put("headcount", headcount).put("version", version);
      d.put("occupationCode", occupationCode).put("status", status);
      d.put("validThrough", "2099-12-31");
      if (minimumDegree == null) {
        d.putNull("minimumDegree");
      } else {
        d.put("minimumDegree", minimumDegree);
      }
      ((ObjectNode) d.get("enterprise")).put("creditCode", enterpriseCode);
      ArrayNode m = d.putArray("majorCodes");
      majors.forEach(m::add);
      ArrayNode s = d.putArray("skills");
      for (Object[] k : skills) {
        s.addObject().put("name", (String) k[0]).put("essential", (Boolean) k[1]).put("level", 3);
      }
      return ContractExamples.event("talent-demand-service", type, id, d);
    }
  }

  /** A course plan version event of an institution for a major, teaching these skills. */
  public static CloudEvent coursePlan(
      String planId,
      String institutionCode,
      String majorCode,
      String status,
      String publishedAt,
      String updatedAt,
      long version,
      String... skills) {
    String type =
        status.equals("PUBLISHED")
            ? "qiao.course-plan.published.v1"
            : "qiao.course-plan.superseded.v1";
    ObjectNode d = ContractExamples.data(type);
    d.put("coursePlanId", planId).put("majorCode", majorCode).put("status", status);
    d.put("publishedAt", publishedAt).put("updatedAt", updatedAt).put("version", version);
    ((ObjectNode) d.get("institution"))
        .put("code", institutionCode)
        .put("name", "院校" + institutionCode);
    ArrayNode s = d.putArray("skills");
    for (String n : skills) {
      s.addObject().put("name", n).put("level", 3).putArray("courseCodes").add("MIC3012");
    }
    return ContractExamples.event("curriculum-service", type, planId, d);
  }

  /**
   * An open training order event for these majors; skills are "name" (essential) or "name?"
   * (optional).
   */
  public static CloudEvent trainingOrder(
      String orderId, String enterpriseCode, List<String> majors, int headcount, String... skills) {
    return trainingOrder(orderId, 1, enterpriseCode, majors, headcount, skills);
  }

  /** The order's state at a version (an older one arriving late must change nothing). */
  public static CloudEvent trainingOrder(
      String orderId,
      long version,
      String enterpriseCode,
      List<String> majors,
      int headcount,
      String... skills) {
    String type = "qiao.training-order.placed.v1";
    ObjectNode d = ContractExamples.data(type);
    d.put("trainingOrderId", orderId).put("headcount", headcount).put("version", version);
    ((ObjectNode) d.get("enterprise")).put("creditCode", enterpriseCode);
    ArrayNode m = d.putArray("majorCodes");
    majors.forEach(m::add);
    ArrayNode s = d.putArray("skills");
    for (String n : skills) {
      boolean optional = n.endsWith("?");
      s.addObject()
          .put("name", optional ? n.substring(0, n.length() - 1) : n)
          .put("essential", !optional)
          .put("level", 3);
    }
    return ContractExamples.event("talent-demand-service", type, orderId, d);
  }

  /**
   * An application event of a stage ({@code invited}, {@code applied}, {@code hired}, …) between a
   * student and a demand, at a version; the status is the stage's.
   */
  public static CloudEvent application(
      String applicationId, Demand demand, String studentId, String stage, long version) {
    String type = "qiao.application." + stage + ".v1";
    ObjectNode d = ContractExamples.data(type);
    d.put("applicationId", applicationId).put("demandId", demand.id).put("studentId", studentId);
    d.put("status", stage.toUpperCase(java.util.Locale.ROOT)).put("version", version);
    d.put("startedBy", stage.equals("applied") ? "STUDENT" : "ENTERPRISE");
    d.put(
        "updatedAt",
        java.time.Instant.parse("2027-03-02T02:00:00Z").plusSeconds(version).toString());
    ((ObjectNode) d.get("enterprise")).put("creditCode", demand.enterpriseCode);
    return ContractExamples.event("talent-demand-service", type, applicationId, d);
  }

  /** A placement (hire) of the student on the demand, or of nobody known (a fresh id). */
  public static Placement placement(String studentId) {
    return new Placement(studentId);
  }

  /** A qiao.placement.recorded.v1 being built. */
  public static final class Placement {
    public final String id = ContractExamples.newId();
    private final String studentId;
    private String demandId = ContractExamples.newId();
    private String institutionCode = "4131010246";
    private String majorCode = "080901";
    private int graduationYear = 2027;
    private String occupationCode = "2-02-10-03";
    private String divisionCode = "350200";
    private int daysToOffer = 21;
    private String hiredAt = "2027-03-26T02:00:00Z";

    private Placement(String studentId) {
      this.studentId = studentId;
    }

    public Placement on(Demand demand) {
      demandId = demand.id;
      return this;
    }

    public Placement of(Profile p) {
      institutionCode = p.institutionCode();
      majorCode = p.majorCode();
      graduationYear = p.graduationYear;
      return this;
    }

    public Placement institution(String code) {
      institutionCode = code;
      return this;
    }

    public Placement major(String code) {
      majorCode = code;
      return this;
    }

    public Placement graduating(int year) {
      graduationYear = year;
      return this;
    }

    public Placement occupation(String code) {
      occupationCode = code;
      return this;
    }

    public Placement division(String code) {
      divisionCode = code;
      return this;
    }

    public Placement daysToOffer(int days) {
      daysToOffer = days;
      return this;
    }

    public Placement hiredAt(String at) {
      hiredAt = at;
      return this;
    }

    public CloudEvent event() {
      String type = "qiao.placement.recorded.v1";
      ObjectNode d = ContractExamples.data(type);
      d.put("placementId", id).put("applicationId", id).put("demandId", demandId);
      d.put("studentId", studentId).put("institutionCode", institutionCode);
      d.put("majorCode", majorCode).put("graduationYear", graduationYear);
      d.put("occupationCode", occupationCode).put("divisionCode", divisionCode);
      d.put("daysToOffer", daysToOffer).put("hiredAt", hiredAt);
      return ContractExamples.event("talent-demand-service", type, id, d);
    }
  }

  /** The student said they seek work again at this time. */
  public static CloudEvent jobSeekingResumed(String studentId, String at) {
    String type = "qiao.student.job-seeking-resumed.v1";
    ObjectNode d = ContractExamples.data(type);
    d.put("pseudonymousId", studentId).put("resumedAt", at);
    return ContractExamples.event("curriculum-service", type, studentId, d);
  }
}
