package org.qiao.portal.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.arc.Arc;
import jakarta.inject.Singleton;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.qiao.client.curriculum.model.StudentImport;
import org.qiao.portal.config.PortalConfig;
import org.qiao.portal.session.CurrentRequest;

/**
 * The one call the generated client cannot make: a cohort file sent as the raw request body ({@code
 * text/csv} or XLSX), which is how curriculum-service's contract takes it; the generated client
 * only writes the JSON variant. The answer is read into the generated model.
 */
@Singleton
public class Uploads {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(Uploads.class);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();
  private final URI endpoint;

  Uploads(PortalConfig config) {
    this.endpoint = URI.create(config.services().curriculum() + "/api/v1/student-imports");
  }

  /** Every row error of an import, as curriculum-service writes the CSV. */
  /** The job's row errors as CSV, as the service sends them (the caller streams and closes it). */
  public java.io.InputStream importErrors(java.util.UUID id) {
    CurrentRequest current = Arc.container().instance(CurrentRequest.class).get();
    long start = System.nanoTime();
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(endpoint + "/" + id + "/errors"))
              .timeout(Duration.ofMinutes(1))
              .header("Accept", "text/csv")
              .header("Authorization", "Bearer " + current.token())
              .GET()
              .build();
      HttpResponse<java.io.InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        try (java.io.InputStream problem = response.body()) {
          throw ApiProblem.of(
              response.statusCode(),
              // A problem document is small; more is not read.
              new String(problem.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      return response.body();
    } catch (IOException e) {
      LOG.warnf("import errors of %s: %s", id, e.toString());
      throw ApiProblem.of(0, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiProblem.of(0, null);
    } finally {
      current.apiTook(System.nanoTime() - start);
    }
  }

  public StudentImport importStudents(Path file, String contentType, String idempotencyKey) {
    CurrentRequest current = Arc.container().instance(CurrentRequest.class).get();
    long start = System.nanoTime();
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(endpoint)
              .timeout(Duration.ofMinutes(10))
              .header("Content-Type", contentType)
              .header("Accept", "application/json")
              .header("Authorization", "Bearer " + current.token())
              .POST(HttpRequest.BodyPublishers.ofFile(file));
      if (idempotencyKey != null && idempotencyKey.matches("[0-9a-fA-F-]{36}")) {
        request.header("Idempotency-Key", idempotencyKey);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw ApiProblem.of(response.statusCode(), response.body());
      }
      return JSON.readValue(response.body(), StudentImport.class);
    } catch (FileNotFoundException e) {
      throw new ApiProblem(400, "file", null, java.util.Map.of());
    } catch (IOException e) {
      LOG.warnf("cohort upload: %s", e.toString());
      throw ApiProblem.of(0, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiProblem.of(0, null);
    } finally {
      current.apiTook(System.nanoTime() - start);
    }
  }
}
