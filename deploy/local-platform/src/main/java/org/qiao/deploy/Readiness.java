package org.qiao.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Whether a service's readiness endpoint answers 200 right now (not listening: false). */
final class Readiness {

  private Readiness() {}

  static boolean answers(HttpClient http, String url, Duration timeout) {
    HttpRequest ready = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build();
    try {
      return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
