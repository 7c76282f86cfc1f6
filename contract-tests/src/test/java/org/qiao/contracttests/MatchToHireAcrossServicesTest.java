package org.qiao.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qiao.client.curriculum.api.ContactGrantsApi;
import org.qiao.client.curriculum.api.GraduateDestinationsApi;
import org.qiao.client.curriculum.api.InstitutionsApi;
import org.qiao.client.curriculum.api.StudentsApi;
import org.qiao.client.curriculum.model.ConsentGiven;
import org.qiao.client.curriculum.model.ContactCard;
import org.qiao.client.curriculum.model.InstitutionKind;
import org.qiao.client.curriculum.model.InstitutionProfile;
import org.qiao.client.curriculum.model.InstitutionRegistration;
import org.qiao.client.curriculum.model.Student;
import org.qiao.client.curriculum.model.StudentRecord;
import org.qiao.client.matching.api.MarketStatisticsApi;
import org.qiao.client.matching.api.OutcomesApi;
import org.qiao.client.matching.api.PublishedDemandsApi;
import org.qiao.client.matching.api.StudentMatchesApi;
import org.qiao.client.matching.model.OutcomeCell;
import org.qiao.client.talentdemand.api.ApplicationsApi;
import org.qiao.client.talentdemand.api.DemandsApi;
import org.qiao.client.talentdemand.model.Application;
import org.qiao.client.talentdemand.model.ApplicationRequest;
import org.qiao.client.talentdemand.model.ApplicationStatus;
import org.qiao.client.talentdemand.model.Demand;
import org.qiao.client.talentdemand.model.DemandRequest;
import org.qiao.client.talentdemand.model.DemandStatus;
import org.qiao.client.talentdemand.model.Interview;
import org.qiao.client.talentdemand.model.InterviewChoice;
import org.qiao.client.talentdemand.model.InterviewRequest;
import org.qiao.client.talentdemand.model.InterviewSlot;
import org.qiao.client.talentdemand.model.InvitationRequest;
import org.qiao.client.talentdemand.model.Mode;
import org.qiao.client.talentdemand.model.OfferRequest;
import org.qiao.client.talentdemand.model.Skill;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;

/**
 * From a match to a hire across talent-demand-, curriculum- and matching-service and the real
 * broker, through the clients generated from the committed documents only: the enterprise's side
 * (ranking → invitation → acceptance → contact card → interview with its calendar file → offer →
 * hire → demand filled → destination, outcomes and statistics) and the student's side (ranked
 * demands → application → … → hire), with the refusals on the way (another enterprise, government,
 * after revocation).
 */
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
class MatchToHireAcrossServicesTest {

  private static final String TALENT_DEMAND = "talent-demand-service";
  private static final String CURRICULUM = "curriculum-service";
  private static final String MATCHING = "matching-service";
  private static final Duration ARRIVAL = Duration.ofSeconds(30);
  private static final String MAJOR = "080710T";

  @RegisterExtension
  static final RunningServices SERVICES =
      new RunningServices(
          new RunningServices.Service(TALENT_DEMAND, "talent_demand"),
          new RunningServices.Service(CURRICULUM, "curriculum"),
          new RunningServices.Service(MATCHING, "matching"));

  /** A student as they act: their pseudonymous id and clients under their own token. */
  private record Graduate(
      String id,
      String institutionCode,
      org.qiao.client.talentdemand.ApiClient talentDemand,
      org.qiao.client.curriculum.ApiClient curriculum,
      org.qiao.client.matching.ApiClient matching) {}

  @Test
  void theEnterpriseRanksInvitesReadsTheCardInterviewsOffersAndHires() throws Exception {
    String institution = registeredInstitution();
    Graduate graduate = consentingGraduate(institution, "张三", "13800138000");
    var enterprise = Clients.registeredEnterprise(SERVICES, "上海芯联微电子有限公司");
    var demands = new DemandsApi(enterprise.client());
    var applications = new ApplicationsApi(enterprise.client());
    Demand demand = demands.createDemand(aDemand(1), UUID.randomUUID().toString());

    // The graduate is ranked for the demand (after both events arrived in matching-service).
    var ranking =
        new PublishedDemandsApi(
            matching("enterprise", enterprise.enterprise().getCreditCode(), null));
    await(
        () -> ranking.rankStudentsForDemand(demand.getId(), null, 50),
        m -> m.getMatches().stream().anyMatch(c -> c.getStudentId().equals(graduate.id())));

    Application a =
        awaitAccepted(
            () ->
                demands.inviteStudent(
                    demand.getId(),
                    new InvitationRequest().studentId(graduate.id()),
                    UUID.randomUUID().toString()));
    // The ranking now tells the recruiter this candidate was invited, so no one invites twice.
    await(
        () -> ranking.rankStudentsForDemand(demand.getId(), null, 50),
        m ->
            m.getMatches().stream()
                .anyMatch(
                    c ->
                        c.getStudentId().equals(graduate.id())
                            && Boolean.TRUE.equals(c.getAlreadyInvited())));
    var asStudent = new ApplicationsApi(graduate.talentDemand());
    a = asStudent.acceptApplication(a.getId(), etag(a.getVersion()));
    assertEquals(ApplicationStatus.ACCEPTED, a.getStatus());

    // The student's acceptance lets this enterprise, and no one else, read the contact card.
    var cards =
        new ContactGrantsApi(
            curriculum("enterprise", enterprise.enterprise().getCreditCode(), null));
    UUID applicationId = a.getId();
    ContactCard card = awaitFound(() -> cards.getContactCard(applicationId));
    assertEquals("张三", card.getName());
    assertEquals("13800138000", card.getPhone());
    assertEquals(MAJOR, card.getMajorCode());
    refusedCard(curriculum("enterprise", TestCodes.newCreditCode(), null), applicationId);
    refusedCard(curriculum("government", "gov-sh", null), applicationId);

    // An interview round, picked by the student, lands in both calendars.
    Instant day = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    Interview round =
        applications.proposeInterview(
            applicationId,
            new InterviewRequest()
                .slots(
                    List.of(
                        new InterviewSlot().startsAt(day.atOffset(ZoneOffset.UTC)).minutes(45),
                        new InterviewSlot()
                            .startsAt(day.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
                            .minutes(60)))
                .mode(Mode.ON_SITE)
                .divisionCode("310115")
                .note("张江高科技园区 3 号楼"),
            UUID.randomUUID().toString());
    round =
        asStudent.chooseInterviewSlot(
            applicationId, round.getId(), etag(round.getVersion()), new InterviewChoice().slot(1));
    for (ApplicationsApi party : List.of(applications, asStudent)) {
      VEvent event = onlyEvent(party.getInterviewCalendar(applicationId, round.getId()));
      assertEquals(
          day.plus(Duration.ofDays(1)),
          Instant.from(event.getDateTimeStart().orElseThrow().getDate()));
    }

    // Offer, acceptance: hired, and the demand (headcount 1) is filled.
    a = applications.getApplication(applicationId);
    a = applications.makeOffer(applicationId, etag(a.getVersion()), anOffer());
    a = asStudent.acceptOffer(applicationId, etag(a.getVersion()));
    assertEquals(ApplicationStatus.HIRED, a.getStatus());
    assertEquals(DemandStatus.FILLED, demands.getDemand(demand.getId()).getStatus());

    // The placement pre-fills the graduate destination for the student to confirm.
    var destination =
        await(
            () -> new GraduateDestinationsApi(graduate.curriculum()).getOwnDestination(),
            d ->
                d != null
                    && enterprise.enterprise().getCreditCode().equals(d.getEmployerCreditCode()));
    assertEquals("2-02-10-03", destination.getOccupationCode());
    assertEquals("310115", destination.getDivisionCode());

    // The student sees who read their card, and revokes the grant: the card is gone at once.
    var grants = new ContactGrantsApi(graduate.curriculum());
    assertTrue(
        grants.listOwnDisclosures(null, null).stream()
            .anyMatch(d -> d.getApplicationId().equals(applicationId)));
    var grant = grants.listOwnContactGrants(null, null).get(0);
    grants.revokeContactGrant(grant.getId());
    refusedCard(
        curriculum("enterprise", enterprise.enterprise().getCreditCode(), null), applicationId);
    assertEquals(
        ApplicationStatus.HIRED,
        applications.getApplication(applicationId).getStatus(),
        "revoking after the hire ends the card, not the hire");
  }

  @Test
  void theStudentFindsADemandAppliesAndIsHired() throws Exception {
    String institution = registeredInstitution();
    Graduate graduate = consentingGraduate(institution, "李四", "13900139000");
    var enterprise = Clients.registeredEnterprise(SERVICES, "苏州微测科技有限公司");
    var applications = new ApplicationsApi(enterprise.client());
    Demand demand =
        new DemandsApi(enterprise.client()).createDemand(aDemand(2), UUID.randomUUID().toString());

    var ranked = new StudentMatchesApi(graduate.matching());
    await(
        () -> ranked.rankDemandsForStudent(graduate.id(), 50),
        m -> m.getMatches().stream().anyMatch(d -> d.getDemandId().equals(demand.getId())));
    var asStudent = new ApplicationsApi(graduate.talentDemand());
    Application a =
        awaitAccepted(
            () ->
                asStudent.applyToDemand(
                    new ApplicationRequest().demandId(demand.getId()),
                    UUID.randomUUID().toString()));
    UUID applicationId = a.getId();
    // Applying is the student's consent to contact: the card is readable before the answer.
    var cards =
        new ContactGrantsApi(
            curriculum("enterprise", enterprise.enterprise().getCreditCode(), null));
    assertEquals("李四", awaitFound(() -> cards.getContactCard(applicationId)).getName());
    a = applications.acceptApplication(applicationId, etag(a.getVersion()));
    a = interviewOfferAndHire(applications, asStudent, applicationId);
    assertEquals(ApplicationStatus.HIRED, a.getStatus());
    Demand after = new DemandsApi(enterprise.client()).getDemand(demand.getId());
    assertEquals(DemandStatus.PUBLISHED, after.getStatus(), "one of a headcount of two");
    assertEquals(1, after.getFilledCount());
  }

  @Test
  void hiresReachTheInstitutionsOutcomesAndTheGovernmentsStatistics() throws Exception {
    // A graduation year of its own, so the counts are this test's alone.
    int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 3;
    String institution = registeredInstitution();
    var enterprise = Clients.registeredEnterprise(SERVICES, "杭州智芯电子有限公司");
    var applications = new ApplicationsApi(enterprise.client());
    Demand demand =
        new DemandsApi(enterprise.client()).createDemand(aDemand(5), UUID.randomUUID().toString());
    for (int i = 0; i < 5; i++) {
      Graduate g = consentingGraduate(institution, "王" + i, "1370013700" + i, year);
      var asStudent = new ApplicationsApi(g.talentDemand());
      Application a =
          awaitAccepted(
              () ->
                  asStudent.applyToDemand(
                      new ApplicationRequest().demandId(demand.getId()),
                      UUID.randomUUID().toString()));
      a = applications.acceptApplication(a.getId(), etag(a.getVersion()));
      interviewOfferAndHire(applications, asStudent, a.getId());
    }
    assertEquals(
        DemandStatus.FILLED,
        new DemandsApi(enterprise.client()).getDemand(demand.getId()).getStatus());

    // The institution's outcomes count the five at once (a cell of five is shown, not folded).
    var outcomes = new OutcomesApi(matching("university", institution, null));
    var o =
        await(() -> outcomes.getInstitutionOutcomes(institution, year), x -> x.getPlaced() == 5);
    assertEquals(5L, o.getGraduatesKnown());
    assertEquals(1.0, o.getPlacementRate());
    OutcomeCell byOccupation = o.getByOccupation().get(0);
    assertEquals("2-02-10-03", byOccupation.getKey());
    assertEquals(5L, byOccupation.getPlaced());
    var otherUniversity =
        new OutcomesApi(matching("university", TestCodes.newInstitutionCode(), null));
    assertEquals(
        404,
        assertThrows(
                org.qiao.client.matching.ApiException.class,
                () -> otherUniversity.getInstitutionOutcomes(institution, year))
            .getCode());

    // Government statistics are snapshots of closed days: matching-service, run a day ahead,
    // takes today's at start, with the five placements.
    SERVICES.restart(MATCHING, Map.of("QIAO_CLOCK_OFFSET", "P1D"));
    var statistics = new MarketStatisticsApi(matching("government", "gov-sh", null));
    var snapshot =
        await(
            () -> statistics.getMarketStatistics("OCCUPATION", null, year),
            st -> st.getAsOf().equals(LocalDate.now(ZoneId.of("Asia/Shanghai"))));
    OutcomeCell cell =
        snapshot.getPlacements().stream()
            .filter(c -> "2-02-10-03".equals(c.getKey()))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no occupation cell: " + snapshot.getPlacements()));
    assertEquals(5L, cell.getPlaced());
    assertEquals(false, cell.getSuppressed());
  }

  /** The enterprise interviews (one online round), offers, and the student accepts: hired. */
  private static Application interviewOfferAndHire(
      ApplicationsApi enterprise, ApplicationsApi student, UUID applicationId) throws Exception {
    Interview round =
        enterprise.proposeInterview(
            applicationId,
            new InterviewRequest()
                .slots(
                    List.of(
                        new InterviewSlot()
                            .startsAt(
                                OffsetDateTime.now(ZoneOffset.UTC)
                                    .plusDays(2)
                                    .truncatedTo(ChronoUnit.HOURS))
                            .minutes(30)))
                .mode(Mode.ONLINE),
            UUID.randomUUID().toString());
    student.chooseInterviewSlot(
        applicationId, round.getId(), etag(round.getVersion()), new InterviewChoice().slot(0));
    Application a = enterprise.getApplication(applicationId);
    a = enterprise.makeOffer(applicationId, etag(a.getVersion()), anOffer());
    a = student.acceptOffer(applicationId, etag(a.getVersion()));
    assertEquals(ApplicationStatus.HIRED, a.getStatus());
    return a;
  }

  /**
   * The call once talent-demand-service knows the student: until their profile arrives an
   * invitation is 404 and an application 409.
   */
  private static Application awaitAccepted(Callable<Application> call) {
    return Awaitility.await()
        .atMost(ARRIVAL)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsMatching(
            e ->
                e instanceof org.qiao.client.talentdemand.ApiException x
                    && (x.getCode() == 404 || x.getCode() == 409))
        .until(call, v -> v != null);
  }

  private static DemandRequest aDemand(int headcount) {
    return new DemandRequest()
        .title("集成电路版图设计工程师")
        .occupationCode("2-02-10-03")
        .majorCodes(List.of(MAJOR))
        .skills(List.of(new Skill().name("Verilog").essential(true).level(3)))
        .headcount(headcount)
        .city("上海")
        .validThrough(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60));
  }

  private static OfferRequest anOffer() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    return new OfferRequest()
        .salaryMin(9000)
        .salaryMax(12000)
        .answerBy(today.plusDays(7))
        .startDate(today.plusDays(30))
        .divisionCode("310115");
  }

  /** A newly registered university; its institution code. */
  private static String registeredInstitution() throws Exception {
    String code = TestCodes.newInstitutionCode();
    new InstitutionsApi(curriculum("university", code, null))
        .registerInstitution(
            new InstitutionRegistration()
                .institutionCode(code)
                .profile(
                    new InstitutionProfile()
                        .name("上海某理工大学")
                        .kind(InstitutionKind.UNDERGRADUATE)
                        .city("上海")),
            UUID.randomUUID().toString());
    return code;
  }

  /** A graduate the university adds and who consents: their profile is published. */
  private static Graduate consentingGraduate(String institution, String name, String phone)
      throws Exception {
    return consentingGraduate(
        institution, name, phone, LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1);
  }

  private static Graduate consentingGraduate(
      String institution, String name, String phone, int graduationYear) throws Exception {
    Student added =
        new StudentsApi(curriculum("university", institution, null))
            .addStudent(
                new StudentRecord()
                    .name(name)
                    .studentNumber("S" + UUID.randomUUID().toString().substring(0, 8))
                    .majorCode(MAJOR)
                    .degree(org.qiao.client.curriculum.model.Degree.BACHELOR)
                    .graduationYear(graduationYear)
                    .phone(phone)
                    .email("graduate@example.edu.cn")
                    .skills(List.of("Verilog"))
                    .preferredCities(List.of("上海")),
                UUID.randomUUID().toString());
    String id = added.getPseudonymousId();
    var curriculum = curriculum("student", institution, id);
    new StudentsApi(curriculum)
        .giveConsent(
            added.getId(), etag(added.getVersion()), new ConsentGiven().textVersion("2026-01"));
    var talentDemand = new org.qiao.client.talentdemand.ApiClient();
    talentDemand.updateBaseUri(SERVICES.baseUri(TALENT_DEMAND));
    String token = TestJwt.token("student", institution, id);
    talentDemand.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    return new Graduate(
        id, institution, talentDemand, curriculum, matching("student", institution, id));
  }

  private static org.qiao.client.curriculum.ApiClient curriculum(
      String role, String org, String sub) {
    var client = new org.qiao.client.curriculum.ApiClient();
    client.updateBaseUri(SERVICES.baseUri(CURRICULUM));
    String token = sub == null ? TestJwt.token(role, org) : TestJwt.token(role, org, sub);
    client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    return client;
  }

  private static org.qiao.client.matching.ApiClient matching(String role, String org, String sub) {
    var client = new org.qiao.client.matching.ApiClient();
    client.updateBaseUri(SERVICES.baseUri(MATCHING));
    String token = sub == null ? TestJwt.token(role, org) : TestJwt.token(role, org, sub);
    client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    return client;
  }

  private static void refusedCard(org.qiao.client.curriculum.ApiClient caller, UUID application) {
    var refused =
        assertThrows(
            org.qiao.client.curriculum.ApiException.class,
            () -> new ContactGrantsApi(caller).getContactCard(application));
    assertEquals(404, refused.getCode());
  }

  private static VEvent onlyEvent(java.io.File ics) throws Exception {
    try (Reader in = new FileReader(ics, StandardCharsets.UTF_8)) {
      Calendar calendar = new CalendarBuilder().build(in);
      calendar.validate();
      List<VEvent> events = calendar.getComponents("VEVENT");
      assertEquals(1, events.size());
      return events.get(0);
    }
  }

  private static String etag(long version) {
    return "\"" + version + "\"";
  }

  /** The value once the service answers it (a 404 meanwhile: the event has not arrived). */
  private static <T> T awaitFound(Callable<T> read) {
    return Awaitility.await()
        .atMost(ARRIVAL)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsMatching(
            e -> e instanceof org.qiao.client.curriculum.ApiException x && x.getCode() == 404)
        .until(read, v -> v != null);
  }

  private static <T> T await(Callable<T> read, Predicate<T> done) {
    return Awaitility.await()
        .atMost(ARRIVAL)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsMatching(
            e ->
                e instanceof org.qiao.client.curriculum.ApiException x && x.getCode() == 404
                    || e instanceof org.qiao.client.matching.ApiException y && y.getCode() == 404)
        .until(read, done);
  }
}
