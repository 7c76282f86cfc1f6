package org.qiao.kit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiao.kit.testing.TestJwt;

/**
 * The larger upload limit (4 MiB here) belongs to the upload route only: no spelling of a path (dot
 * segments, percent-escaped dots, matrix parameters, doubled slashes) that starts like the upload
 * path but routes elsewhere carries an upload-sized body to a JSON endpoint.
 */
@QuarkusTest
class BodyLimitByRouteTest {

  private static final int TWO_MIB = 2 * 1024 * 1024;

  @Inject PingDatabase db;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/uploads/../pings",
        "/api/v1/uploads/%2e%2e/pings",
        "/api/v1/pings",
        "/api/v1/uploads/%2E%2E/pings",
        "/api/v1/uploads/.%2e/pings",
        "/api/v1/uploads/%2e./pings",
        "/api/v1/uploads/x/../../pings",
        "/api/v1/uploads;a=b/../pings",
        "/api/v1/uploads/..;/pings",
        "/api/v1/uploads/;/../pings",
        "//api/v1/uploads/../pings",
        "/api/v1/uploads//../pings",
        "/api/v1/./uploads/../pings",
        "/api/v1/uploads/./../pings",
        "/api/v1/uploads%2f..%2fpings",
        "/api/v1/uploads;"
      })
  void aJsonBodyOverTheLimitIs413HoweverThePathIsSpelt(String target) throws IOException {
    for (boolean chunked : List.of(false, true)) {
      long before = db.pings();
      String body = "{\"label\":\"" + "x".repeat(TWO_MIB) + "\"}";
      Answer a = send(target, "application/json", body.getBytes(StandardCharsets.UTF_8), chunked);
      String seen = target + (chunked ? " chunked" : "") + ": " + a.head + "\n" + a.body;
      if (chunked) {
        // Refused while reading, or never read: no route (404) or not a JSON route (415).
        assertTrue(Set.of(413, 404, 415).contains(a.status), seen);
      } else {
        // Refused from its Content-Length before a byte is read, whatever the route.
        assertEquals(413, a.status, seen);
      }
      assertTrue(a.head.contains("application/problem+json"), a.head);
      assertEquals(before, db.pings(), target);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theUploadRouteTakesItsLargerBody(boolean chunked) throws IOException {
    Answer a =
        send("/api/v1/uploads", "application/octet-stream", new byte[3 * 1024 * 1024], chunked);
    assertEquals(200, a.status, a.head);
    assertTrue(a.body.contains("\"bytes\":" + 3 * 1024 * 1024), a.body);
    Answer over =
        send("/api/v1/uploads", "application/octet-stream", new byte[5 * 1024 * 1024], chunked);
    assertEquals(413, over.status, over.head);
  }

  private record Answer(int status, String head, String body) {}

  /** Writes the request byte for byte (clients normalise such paths before sending them). */
  private static Answer send(String target, String type, byte[] body, boolean chunked)
      throws IOException {
    URI server = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(30_000);
      String head =
          "POST "
              + target
              + " HTTP/1.1\r\nHost: "
              + server.getHost()
              + "\r\nAuthorization: Bearer "
              + TestJwt.token("enterprise", "org-route-limit")
              + "\r\nContent-Type: "
              + type
              + "\r\n"
              + (chunked
                  ? "Transfer-Encoding: chunked\r\n"
                  : "Content-Length: " + body.length + "\r\n")
              + "Connection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (chunked) {
          for (int off = 0; off < body.length; off += 65536) {
            int n = Math.min(65536, body.length - off);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, off, n);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else {
          out.write(body);
        }
        out.flush();
      } catch (IOException refusedMidway) {
        // The server may answer and close before the whole body is written: read its answer.
      }
      return read(socket.getInputStream());
    }
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      in.transferTo(all);
    } catch (IOException reset) {
      // A reset after the answer was sent still leaves the answer in what was read.
    }
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    int status = head.isEmpty() ? -1 : Integer.parseInt(head.split(" ")[1]);
    return new Answer(status, head, body);
  }
}
