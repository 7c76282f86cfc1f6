package org.qiao.contracttests.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qiao.client.curriculum.api.InstitutionsApi;
import org.qiao.client.curriculum.api.StudentImportsApi;
import org.qiao.client.curriculum.model.ImportStatus;
import org.qiao.client.curriculum.model.InstitutionKind;
import org.qiao.client.curriculum.model.InstitutionProfile;
import org.qiao.client.curriculum.model.InstitutionRegistration;
import org.qiao.client.curriculum.model.StudentImportRow;
import org.qiao.client.curriculum.model.StudentImportRows;
import org.qiao.client.talentdemand.api.DemandsApi;
import org.qiao.client.talentdemand.model.DemandRequest;
import org.qiao.client.talentdemand.model.Skill;
import org.qiao.contracttests.Clients;
import org.qiao.contracttests.RunningServices;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;

/**
 * Each persona's main journey in a real headless Chromium against the web portal and the four
 * services, all started from their jars; the portal reaches the services only through their public
 * APIs. Every page a journey visits is checked with axe-core (no serious or critical violation),
 * and each persona's main page is photographed (target/portal-screenshots; the current ones are
 * committed under docs/portal). Each journey makes its own organisations and people.
 */
@DisabledIfSystemProperty(named = "qiao.browser.skip", matches = "true")
class PortalJourneysTest {

  @RegisterExtension
  static final RunningServices SERVICES =
      new RunningServices(
          new RunningServices.Service("talent-demand-service", "talent_demand"),
          new RunningServices.Service("curriculum-service", "curriculum"),
          new RunningServices.Service("internship-service", "internship"),
          new RunningServices.Service("matching-service", "matching"),
          RunningServices.PORTAL);

  /** The occupation template the journeys post from: four essential skills. */
  static final String TEMPLATE = "2-02-10-09";

  static final List<String> ALL_ESSENTIALS = List.of("Python", "机器学习", "深度学习", "线性代数与概率统计");

  private static PortalBrowser browser;

  @BeforeAll
  static void launch() throws Exception {
    browser = PortalBrowser.launch();
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
  }

  private static String portal(String path) {
    return SERVICES.baseUri("web-portal") + path;
  }

  /** Signs in with the development sign-in, by keyboard only: role, organisation, person. */
  private static void signIn(Page page, String role, String org, String subject) {
    page.navigate(portal("/"));
    PortalBrowser.assertAccessible(page);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登录")).last().click();
    assertThat(page.locator(".dev-warning")).containsText("开发环境登录");
    PortalBrowser.assertAccessible(page);
    page.locator("input[name=role][value=" + role + "]").focus();
    page.keyboard().press("Space");
    page.keyboard().press("Tab");
    page.keyboard().type(org);
    if (subject != null) {
      page.keyboard().press("Tab");
      page.keyboard().type(subject);
    }
    page.keyboard().press("Enter");
  }

  @Test
  void anSmeRegistersPostsADemandFromATemplateAndReadsCandidatesAndTheDiagnosis() throws Exception {
    // Graduates to be found: 6 with every essential skill, 4 without 深度学习.
    University uni = University.register();
    List<StudentImportRow> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      List<String> skills = new ArrayList<>(ALL_ESSENTIALS);
      if (i >= 6) {
        skills.remove("深度学习");
      }
      rows.add(student(i, skills, true));
    }
    uni.importRows(rows);

    String creditCode = TestCodes.newCreditCode();
    Page page = browser.newPage("zh-CN");
    signIn(page, "enterprise", creditCode, null);

    // Registration: the credit code is checked as it is typed.
    assertThat(page.locator("h1")).hasText("登记企业");
    Locator code = page.locator("#creditCode");
    code.fill(creditCode.substring(0, 17) + (creditCode.charAt(17) == '0' ? '1' : '0'));
    assertThat(page.locator("#creditCode-check")).containsText("代码无效");
    code.fill(creditCode);
    assertThat(page.locator("#creditCode-check")).containsText("代码有效");
    page.getByLabel("企业名称").fill("上海智算科技有限公司");
    page.getByLabel("企业规模").selectOption("SMALL");
    page.getByLabel("联系电话").fill("not a phone");
    PortalBrowser.assertAccessible(page);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记")).click();
    // The API's problem is shown, each named field beside its input, nothing typed is lost.
    assertThat(page.locator("#problem")).isVisible();
    assertThat(page.locator("#industry-error")).isVisible();
    assertThat(page.locator("#contactPhone-error")).isVisible();
    assertThat(page.locator("#name")).hasValue("上海智算科技有限公司");
    assertThat(page.locator("#sizeClass")).hasValue("SMALL");
    assertThat(page.locator("#contactPhone")).hasAttribute("aria-invalid", "true");
    PortalBrowser.assertAccessible(page);
    page.getByLabel("行业").fill("人工智能");
    page.getByLabel("联系人").fill("陈经理");
    page.getByLabel("联系电话").fill("021-12345678");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记")).click();
    assertThat(page.locator("h1")).hasText("上海智算科技有限公司");
    PortalBrowser.assertAccessible(page);

    // A demand from the occupation template, with skill suggestions in Chinese and English.
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("发布人才需求")).first().click();
    page.getByLabel("职业模板").selectOption(TEMPLATE);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("使用模板")).click();
    assertThat(page.locator("#title")).hasValue("人工智能工程技术人员");
    assertThat(page.locator("#skill0Name")).hasValue("Python");
    page.locator("#skill6Name")
        .pressSequentially("pyto", new Locator.PressSequentiallyOptions().setDelay(30));
    assertThat(page.locator("#skill6-options option").first())
        .hasAttribute("value", Pattern.compile("PyTorch"));
    page.locator("#skill6Name").fill("");
    page.getByLabel("工作城市").fill("上海");
    page.locator("#skill0Level").fill("9");
    PortalBrowser.assertAccessible(page);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布")).click();
    assertThat(page.locator("#skill0Level-error")).isVisible();
    assertThat(page.locator("#skill1Name")).hasValue("机器学习");
    assertThat(page.locator("#city")).hasValue("上海");
    PortalBrowser.assertAccessible(page);
    page.locator("#skill0Level").fill("4");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布")).click();

    // Candidates, explained, and the diagnosis as a funnel with its relaxations.
    assertThat(page.locator("h1")).hasText("人工智能工程技术人员");
    // Other journeys' students are on the platform too: the best fit holds every essential skill.
    Locator candidates = page.locator("#candidates-heading + table tbody tr");
    assertThat(candidates.first())
        .isVisible(
            new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(30_000));
    assertThat(candidates.first().locator(".tag.declared")).hasCount(4);
    assertThat(candidates.first().locator(".tag.missing")).hasCount(0);
    assertThat(candidates.first()).containsText("同专业");
    assertThat(page.locator(".chart svg")).isVisible();
    assertThat(page.locator(".relaxations"))
        .containsText(Pattern.compile("不再把“深度学习”作为必备 → 多 \\d+ 人"));
    PortalBrowser.assertAccessible(page);
    PortalBrowser.screenshot(page, "enterprise");

    // Invite the best candidate; the invitation is followed on the same page.
    candidates.first().getByRole(AriaRole.BUTTON).click();
    assertThat(page.locator("#applications")).containsText("已邀请");
    PortalBrowser.assertAccessible(page);
  }

  @Test
  void aUniversityImportsACohortWatchesItsProgressDownloadsTheErrorsAndReadsTheGapChart()
      throws Exception {
    // The market: one open demand asking for Python and 深度学习.
    var enterprise = Clients.registeredEnterprise(SERVICES, "上海数据科技");
    new DemandsApi(enterprise.client())
        .createDemand(
            new DemandRequest()
                .title("数据工程师")
                .occupationCode(TEMPLATE)
                .city("上海")
                .headcount(3)
                .validThrough(java.time.LocalDate.now().plusMonths(2))
                .skills(
                    List.of(
                        new Skill().name("Python").level(3).essential(true),
                        new Skill().name("深度学习").level(3).essential(true))),
            UUID.randomUUID().toString());

    String institution = TestCodes.newInstitutionCode();
    Page page = browser.newPage("zh-CN");
    signIn(page, "university", institution, null);
    assertThat(page.locator("h1")).hasText("登记高校");
    assertThat(page.locator("#institutionCode")).hasValue(institution);
    page.getByLabel("院校名称").fill("上海浦江大学");
    page.getByLabel("所在城市").fill("上海");
    PortalBrowser.assertAccessible(page);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记")).click();
    assertThat(page.locator("h1")).hasText("上海浦江大学");
    PortalBrowser.assertAccessible(page);

    // A cohort file with three bad rows among 3,000.
    Path csv = Files.createTempFile("cohort", ".csv");
    StringBuilder b = new StringBuilder("姓名,学号,专业代码,学历,毕业年份,技能,意向城市,同意匹配,同意书版本,同意时间\n");
    for (int i = 0; i < 3000; i++) {
      String year = i % 1000 == 7 ? "20x6" : "2026";
      b.append("学生")
          .append(i)
          .append(",U")
          .append(100000 + i)
          .append(",080901,本科,")
          .append(year)
          .append(",Python;机器学习,上海,是,2026-01,2026-06-01\n");
    }
    Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("导入毕业生")).first().click();
    PortalBrowser.assertAccessible(page);
    page.getByLabel("毕业生名单文件").setInputFiles(csv);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传")).click();
    // The progress bar, fed by the import job, reaches the end and the result is shown.
    Locator bar = page.locator("progress#import-bar");
    assertThat(bar).isVisible();
    assertThat(bar).hasAttribute("max", "3000");
    assertThat(page.locator("#import-progress [role=status]"))
        .hasText(
            "导入完成",
            new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                .setTimeout(60_000));
    assertThat(bar).hasAttribute("value", "3000");
    assertThat(page.locator("#import-progress table").first()).containsText("2997");
    PortalBrowser.assertAccessible(page);
    String errors = download(page, "下载全部错误（CSV）");
    assertTrue(errors.startsWith("\uFEFF"), "the errors CSV starts with a BOM");
    assertEquals(3, errors.lines().filter(l -> l.contains("graduationYear")).count(), errors);

    // The skill-gap report as a chart: what the market asks for that no course teaches.
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("技能缺口")).first().click();
    assertThat(page.locator(".chart svg")).isVisible();
    assertThat(page.locator("table").last()).containsText("深度学习");
    assertThat(page.locator("table").last()).containsText("未覆盖");
    PortalBrowser.assertAccessible(page);
    page.getByLabel("对比日期").fill(java.time.LocalDate.now().minusDays(30).toString());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看")).click();
    assertThat(page.locator("main")).containsText("以来");
    PortalBrowser.assertAccessible(page);
    PortalBrowser.screenshot(page, "university");
    page.navigate(portal("/university"));
    assertThat(page.locator("#students-heading + table tbody tr").first()).isVisible();
    PortalBrowser.assertAccessible(page);
  }

  @Test
  void aStudentGivesConsentSeeingTheTextVersionAndThenReadsTheirMatches() throws Exception {
    University uni = University.register();
    String pseudonym = uni.importRows(List.of(student(0, ALL_ESSENTIALS, false))).get(0);
    var enterprise = Clients.registeredEnterprise(SERVICES, "上海智能制造");
    new DemandsApi(enterprise.client())
        .createDemand(
            new DemandRequest()
                .title("机器学习工程师")
                .occupationCode(TEMPLATE)
                .city("上海")
                .headcount(1)
                .validThrough(java.time.LocalDate.now().plusMonths(2))
                .skills(List.of(new Skill().name("机器学习").level(3).essential(true))),
            UUID.randomUUID().toString());

    Page page = browser.newPage("zh-CN");
    signIn(page, "student", uni.code, pseudonym);
    assertThat(page.locator(".notice")).containsText("还没有授权");
    PortalBrowser.assertAccessible(page);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("授权").setExact(true))
        .first()
        .click();
    assertThat(page.locator("#consent-text-heading")).containsText("qiao-portal-2026-12");
    PortalBrowser.assertAccessible(page);
    page.getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName("同意（版本 qiao-portal-2026-12）"))
        .click();
    assertThat(page.locator("main [role=status]")).containsText("已授权");
    assertThat(page.locator("main [role=status]")).containsText("qiao-portal-2026-12");
    PortalBrowser.assertAccessible(page);

    // Matches, explained, once matching-service has the profile.
    Locator match = page.locator("table tbody tr", new Page.LocatorOptions().setHasText("机器学习工程师"));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (match.count() == 0 && System.nanoTime() < deadline) {
      page.waitForTimeout(500);
      page.navigate(portal("/student"));
    }
    assertThat(match).isVisible();
    assertThat(match).containsText("机器学习 · 自述");
    PortalBrowser.assertAccessible(page);
    PortalBrowser.screenshot(page, "student");

    // In English, by the switch: the same page, every text translated.
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
    assertThat(page.locator("h1")).hasText("My matches");
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    assertThat(page.locator("main")).not().containsText("[");
    PortalBrowser.assertAccessible(page);

    // Their applications and who read their contact card: pages in English, checked too.
    page.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Invitations and applications"))
        .click();
    assertThat(page.locator("h1")).hasText("Invitations and applications");
    PortalBrowser.assertAccessible(page);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who read my contact card"))
        .click();
    assertThat(page.locator("h1")).hasText("Who read my contact card");
    PortalBrowser.assertAccessible(page);

    // Withdrawal is the student's too.
    page.navigate(portal("/student/consent"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw consent"))
        .click();
    assertThat(page.locator("main [role=status]")).containsText("Not given");
  }

  @Test
  void governmentReadsMarketStatisticsAsAChartWithSuppressedCellsAndDownloadsTheCsv()
      throws Exception {
    Page page = browser.newPage("zh-CN");
    signIn(page, "government", "gov-" + UUID.randomUUID().toString().substring(0, 8), null);
    assertThat(page.locator("h1")).hasText("人才市场统计");
    PortalBrowser.assertAccessible(page);
    page.getByLabel("统计维度").selectOption("CITY");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看")).click();
    // The day's snapshot is made shortly after matching-service starts.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (page.locator(".chart").count() == 0 && System.nanoTime() < deadline) {
      page.waitForTimeout(1000);
      page.reload();
    }
    assertThat(page.locator("main")).containsText("快照");
    assertThat(page.locator(".chart svg")).isVisible();
    assertThat(page.locator("thead th").first()).hasText("城市");
    PortalBrowser.assertAccessible(page);
    PortalBrowser.screenshot(page, "government");
    String csv = download(page, "下载 CSV");
    assertTrue(csv.startsWith("\uFEFF统计项,统计日期,毕业年份,维度"), csv.lines().findFirst().orElse(""));
    assertTrue(csv.contains(",CITY,") || csv.lines().count() == 1, "rows are by city");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("实习安全事件统计")).click();
    assertThat(page.locator("h1")).hasText("实习安全事件统计");
    PortalBrowser.assertAccessible(page);
    assertTrue(download(page, "下载 CSV").startsWith("\uFEFF统计日期,月份"));

    // Another persona's pages are refused.
    page.navigate(portal("/enterprise"));
    assertEquals("当前身份不能查看此页面。", page.locator("main p").first().textContent());
    PortalBrowser.assertAccessible(page);
    // A tampered link back from the language switch is answered, never a server error.
    int status = page.navigate(portal("/language?to=zh&back=/%25%25zz")).status();
    assertTrue(status < 500, "language switch with a malformed path answered " + status);
  }

  @Test
  void aUniversityPublishesACoursePlanAnswersAnOrderAndTheEnterpriseComparesAndAwards()
      throws Exception {
    String institution = TestCodes.newInstitutionCode();
    University.register(institution);
    Page uni = browser.newPage("zh-CN");
    signIn(uni, "university", institution, null);
    uni.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("培养方案")).first().click();
    PortalBrowser.assertAccessible(uni);
    uni.getByLabel("方案名称").fill("计算机科学与技术 2027 级订单班");
    uni.getByLabel("专业代码").fill("080901");
    uni.getByLabel("入学年级").fill("2027");
    uni.locator("#course0Code").fill("CS101");
    uni.locator("#course0Name").fill("机器学习导论");
    uni.locator("#course0Hours").fill("48");
    uni.locator("#course0Credits").fill("3");
    uni.locator("#course0Term").fill("9");
    uni.locator("#course0Skills").fill("机器学习:3; Python:7");
    uni.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("创建草稿")).click();
    // The API names what is wrong; the rows keep what was typed.
    assertThat(uni.locator("#course0-error")).isVisible();
    assertThat(uni.locator("#course0Name")).hasValue("机器学习导论");
    PortalBrowser.assertAccessible(uni);
    uni.locator("#course0Term").fill("5");
    uni.locator("#course0Skills").fill("机器学习:3; Python:3");
    uni.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("创建草稿")).click();
    assertThat(uni.locator("h2").last()).hasText("编辑草稿");
    uni.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存并发布")).click();
    assertThat(uni.locator("main p").first()).containsText("已发布");
    PortalBrowser.assertAccessible(uni);

    String creditCode = TestCodes.newCreditCode();
    Page sme = browser.newPage("zh-CN");
    Clients.registeredEnterprise(SERVICES, "上海订单科技", creditCode);
    signIn(sme, "enterprise", creditCode, null);
    sme.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("订单式培养")).first().click();
    sme.getByLabel("订单名称").fill("机器学习订单班");
    sme.getByLabel("入学年级").fill("2027");
    sme.getByLabel("专业代码").fill("080901");
    sme.getByLabel("技能要求").fill("机器学习 Python");
    sme.getByLabel("指定高校").fill(institution);
    PortalBrowser.assertAccessible(sme);
    sme.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("下达培养订单")).click();
    assertThat(sme.locator("h1")).hasText("机器学习订单班");
    String orderPage = sme.url();

    uni.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("订单式培养")).first().click();
    Locator order = uni.locator("section", new Page.LocatorOptions().setHasText("机器学习订单班"));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (order.count() == 0 && System.nanoTime() < deadline) {
      uni.waitForTimeout(500);
      uni.reload();
    }
    order.getByLabel("方案摘要").fill("校企共建机器学习课程，企业导师参与实训。");
    PortalBrowser.assertAccessible(uni);
    order.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("提交方案")).click();
    assertThat(uni.locator("#proposals-heading + table")).containsText("已提交");

    // The enterprise compares the proposals (what each plan teaches of the order) and awards.
    Locator proposal = sme.locator("#proposals-heading + table tbody tr").first();
    deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (sme.locator("#proposals-heading + table").count() == 0 && System.nanoTime() < deadline) {
      sme.waitForTimeout(500);
      sme.navigate(orderPage);
    }
    assertThat(proposal).containsText(institution);
    PortalBrowser.assertAccessible(sme);
    proposal.getByLabel("授予人数").fill("20");
    proposal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("授予")).click();
    assertThat(sme.locator("main p").first()).containsText("已签约");
    assertThat(sme.locator("#proposals-heading + table")).containsText("已授予");
    PortalBrowser.assertAccessible(sme);
  }

  /**
   * What the page's download link gives, fetched with the page's own session (its cookies): an
   * attachment served as UTF-8 CSV. (The headless Chromium cancels downloads it is to save itself.)
   */
  private static String download(Page page, String linkName) {
    Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(linkName));
    assertThat(link).isVisible();
    var response = page.context().request().get(portal(link.getAttribute("href")));
    assertEquals(200, response.status(), response.text());
    assertTrue(response.headers().get("content-type").startsWith("text/csv"));
    assertTrue(response.headers().get("content-disposition").startsWith("attachment"));
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** A cohort row: major 080901, bachelor, 2026, Shanghai; consent as given. */
  private static StudentImportRow student(int i, List<String> skills, boolean consent) {
    StudentImportRow row =
        new StudentImportRow()
            .name("学生" + i)
            .studentNumber(
                "S"
                    + UUID.randomUUID()
                        .toString()
                        .substring(0, 8)
                        .toUpperCase(java.util.Locale.ROOT))
            .majorCode("080901")
            .degree("本科")
            .graduationYear("2026")
            .skills(skills)
            .preferredCities(List.of("上海"))
            .consent(consent ? "是" : "否");
    if (consent) {
      row.consentTextVersion("2026-01").consentAt("2026-06-01");
    }
    return row;
  }

  /** A registered university acting through the generated curriculum client. */
  private record University(String code, org.qiao.client.curriculum.ApiClient client) {

    static University register() throws Exception {
      return register(TestCodes.newInstitutionCode());
    }

    static University register(String code) throws Exception {
      var client = new org.qiao.client.curriculum.ApiClient();
      client.updateBaseUri(SERVICES.baseUri("curriculum-service"));
      String token = TestJwt.token("university", code);
      client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
      new InstitutionsApi(client)
          .registerInstitution(
              new InstitutionRegistration()
                  .institutionCode(code)
                  .profile(
                      new InstitutionProfile()
                          .name("测试大学 " + code)
                          .city("上海")
                          .kind(InstitutionKind.UNDERGRADUATE)),
              UUID.randomUUID().toString());
      return new University(code, client);
    }

    /** Imports the rows, waits for the job; returns the students' pseudonymous ids in order. */
    List<String> importRows(List<StudentImportRow> rows) throws Exception {
      StudentImportsApi imports = new StudentImportsApi(client);
      var job =
          imports.importStudents(new StudentImportRows().rows(rows), UUID.randomUUID().toString());
      UUID jobId = job.getId();
      org.awaitility.Awaitility.await("import " + jobId)
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> imports.getStudentImport(jobId),
              j -> {
                assertTrue(
                    j.getStatus() != ImportStatus.FAILED, "import failed: " + j.getFailure());
                return j.getStatus() == ImportStatus.SUCCEEDED;
              });
      var students =
          new org.qiao.client.curriculum.api.StudentsApi(client)
              .listStudents(null, null, null, null, 100, null);
      List<String> ids = new ArrayList<>();
      for (StudentImportRow row : rows) {
        ids.add(
            students.stream()
                .filter(s -> s.getStudentNumber().equalsIgnoreCase(row.getStudentNumber()))
                .findFirst()
                .orElseThrow(
                    () ->
                        new AssertionError(
                            row.getStudentNumber() + " is not among " + students.size()))
                .getPseudonymousId());
      }
      return ids;
    }
  }
}
