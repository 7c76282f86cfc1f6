package org.qiao.portal.api;

import io.quarkus.arc.Arc;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.qiao.portal.config.PortalConfig;
import org.qiao.portal.session.CurrentRequest;

/**
 * The services, reached only through the clients generated from their committed OpenAPI documents
 * (module api-clients). One client per API for the whole portal; each request carries the bearer
 * token of the session it serves, and how long it took is added to the page's Server-Timing. A
 * singleton, not a proxied bean: the pages read its fields directly.
 */
@Singleton
public class Apis {

  public final org.qiao.client.talentdemand.api.EnterprisesApi enterprises;
  public final org.qiao.client.talentdemand.api.DemandsApi demands;
  public final org.qiao.client.talentdemand.api.DemandTemplatesApi demandTemplates;
  public final org.qiao.client.talentdemand.api.ApplicationsApi applications;
  public final org.qiao.client.talentdemand.api.TrainingOrdersApi trainingOrders;
  public final org.qiao.client.curriculum.api.InstitutionsApi institutions;
  public final org.qiao.client.curriculum.api.StudentImportsApi studentImports;
  public final org.qiao.client.curriculum.api.StudentsApi students;
  public final org.qiao.client.curriculum.api.CoursePlansApi coursePlans;
  public final org.qiao.client.curriculum.api.ProposalsApi proposals;
  public final org.qiao.client.curriculum.api.ContactGrantsApi contactGrants;
  public final org.qiao.client.curriculum.api.TrainingOrdersApi openTrainingOrders;
  public final org.qiao.client.internship.api.IncidentsApi incidents;
  public final org.qiao.client.matching.api.PublishedDemandsApi publishedDemands;
  public final org.qiao.client.matching.api.StudentMatchesApi studentMatches;
  public final org.qiao.client.matching.api.SkillGapsApi skillGaps;
  public final org.qiao.client.matching.api.SkillsApi skills;
  public final org.qiao.client.matching.api.MarketStatisticsApi marketStatistics;
  public final org.qiao.client.matching.api.OutcomesApi outcomes;
  public final org.qiao.client.matching.api.TrainingOrderMatchesApi trainingOrderMatches;

  Apis(PortalConfig config) {
    PortalConfig.Services s = config.services();
    var td = new org.qiao.client.talentdemand.ApiClient();
    td.updateBaseUri(s.talentDemand());
    prepare(td::setRequestInterceptor, td::setReadTimeout, td::setHttpClientBuilder, s);
    var cu = new org.qiao.client.curriculum.ApiClient();
    cu.updateBaseUri(s.curriculum());
    prepare(cu::setRequestInterceptor, cu::setReadTimeout, cu::setHttpClientBuilder, s);
    var in = new org.qiao.client.internship.ApiClient();
    in.updateBaseUri(s.internship());
    prepare(in::setRequestInterceptor, in::setReadTimeout, in::setHttpClientBuilder, s);
    var ma = new org.qiao.client.matching.ApiClient();
    ma.updateBaseUri(s.matching());
    prepare(ma::setRequestInterceptor, ma::setReadTimeout, ma::setHttpClientBuilder, s);

    enterprises = new org.qiao.client.talentdemand.api.EnterprisesApi(td);
    demands = new org.qiao.client.talentdemand.api.DemandsApi(td);
    demandTemplates = new org.qiao.client.talentdemand.api.DemandTemplatesApi(td);
    applications = new org.qiao.client.talentdemand.api.ApplicationsApi(td);
    trainingOrders = new org.qiao.client.talentdemand.api.TrainingOrdersApi(td);
    institutions = new org.qiao.client.curriculum.api.InstitutionsApi(cu);
    studentImports = new org.qiao.client.curriculum.api.StudentImportsApi(cu);
    students = new org.qiao.client.curriculum.api.StudentsApi(cu);
    coursePlans = new org.qiao.client.curriculum.api.CoursePlansApi(cu);
    proposals = new org.qiao.client.curriculum.api.ProposalsApi(cu);
    contactGrants = new org.qiao.client.curriculum.api.ContactGrantsApi(cu);
    openTrainingOrders = new org.qiao.client.curriculum.api.TrainingOrdersApi(cu);
    incidents = new org.qiao.client.internship.api.IncidentsApi(in);
    publishedDemands = new org.qiao.client.matching.api.PublishedDemandsApi(ma);
    studentMatches = new org.qiao.client.matching.api.StudentMatchesApi(ma);
    skillGaps = new org.qiao.client.matching.api.SkillGapsApi(ma);
    skills = new org.qiao.client.matching.api.SkillsApi(ma);
    marketStatistics = new org.qiao.client.matching.api.MarketStatisticsApi(ma);
    outcomes = new org.qiao.client.matching.api.OutcomesApi(ma);
    trainingOrderMatches = new org.qiao.client.matching.api.TrainingOrderMatchesApi(ma);
  }

  private static void prepare(
      Consumer<Consumer<HttpRequest.Builder>> interceptor,
      Consumer<java.time.Duration> readTimeout,
      Consumer<HttpClient.Builder> builder,
      PortalConfig.Services s) {
    // HTTP/1.1 to the services: they speak plain http inside the platform; one shared pool.
    builder.accept(
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(3)));
    readTimeout.accept(s.timeout());
    interceptor.accept(
        request -> {
          String token = Arc.container().instance(CurrentRequest.class).get().token();
          if (token != null) {
            request.setHeader("Authorization", "Bearer " + token);
          }
          request.setHeader("Accept-Language", "zh-CN, en;q=0.5");
        });
  }

  /** A call whose failure (problem, refused connection, timeout) becomes an {@link ApiProblem}. */
  public <T> T call(Callable<T> call) {
    CurrentRequest current = Arc.container().instance(CurrentRequest.class).get();
    long start = System.nanoTime();
    try {
      return call.call();
    } catch (org.qiao.client.talentdemand.ApiException e) {
      throw ApiProblem.of(e.getCode(), e.getResponseBody());
    } catch (org.qiao.client.curriculum.ApiException e) {
      throw ApiProblem.of(e.getCode(), e.getResponseBody());
    } catch (org.qiao.client.internship.ApiException e) {
      throw ApiProblem.of(e.getCode(), e.getResponseBody());
    } catch (org.qiao.client.matching.ApiException e) {
      throw ApiProblem.of(e.getCode(), e.getResponseBody());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw ApiProblem.of(0, null);
    } finally {
      current.apiTook(System.nanoTime() - start);
    }
  }
}
