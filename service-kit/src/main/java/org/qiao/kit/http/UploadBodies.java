package org.qiao.kit.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.qiao.kit.problem.ProblemException;

/**
 * Upload bodies streamed to a file as they arrive, never held in memory (a resource takes the body
 * as an {@link InputStream} from a blocking method; Quarkus then hands it over chunk by chunk as
 * the client sends it), and answers given before a body was read without reading it into memory.
 */
public final class UploadBodies {

  private static final Logger LOG = Logger.getLogger(UploadBodies.class);
  private static final int BUFFER = 64 * 1024;

  private UploadBodies() {}

  /** An upload kept in a file: its size and SHA-256 (lower-case hex). */
  public record Received(Path file, long size, String sha256) {}

  /**
   * Streams the body into a new file. Over {@code maxSize} bytes answers 413, slower than {@code
   * maxDuration} 408, a body that breaks off 400; in each case the file is deleted and the rest of
   * the body left unread (see {@link #closeAfterAnswer}).
   */
  public static Received receive(InputStream body, Path file, long maxSize, Duration maxDuration) {
    long deadline = System.nanoTime() + maxDuration.toNanos();
    MessageDigest sha = sha256();
    long size = 0;
    boolean kept = false;
    try (OutputStream out =
        Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      byte[] buffer = new byte[BUFFER];
      int n;
      while ((n = read(body, buffer)) >= 0) {
        size += n;
        if (size > maxSize) {
          throw tooLarge(maxSize);
        }
        if (System.nanoTime() - deadline > 0) {
          throw new ProblemException(
              408,
              "request-timeout",
              "Request Timeout",
              "The upload took longer than "
                  + maxDuration.toSeconds()
                  + " s to arrive; send it again over a faster connection",
              List.of());
        }
        sha.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      kept = true;
      return new Received(file, size, HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      // Writing failed (reading failures are answered in read): a fault of this server.
      throw new UncheckedIOException("cannot keep the upload", e);
    } finally {
      if (!kept) {
        delete(file);
      }
    }
  }

  /** The 413 problem for a body over {@code limit} bytes. */
  public static ProblemException tooLarge(long limit) {
    return new ProblemException(
        413,
        "content-too-large",
        "Content Too Large",
        "The request body is larger than " + limit + " bytes",
        List.of());
  }

  /**
   * For an answer given before the body was read: the body is never held. A client that waits to be
   * told to send it ({@code Expect: 100-continue}) is not told, and its connection closes after the
   * answer; any other's body is thrown away as it arrives (up to {@code maxDrain} bytes, then the
   * connection closes), so a client that sends its whole body before reading still gets the answer.
   */
  public static void dropUnread(RoutingContext rc, long maxDrain) {
    HttpServerRequest request = rc.request();
    if (request.isEnded()) {
      return;
    }
    if (request.version() != HttpVersion.HTTP_2
        && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
      closeAfterAnswer(rc);
      return;
    }
    AtomicLong drained = new AtomicLong();
    request.handler(
        chunk -> {
          if (drained.addAndGet(chunk.length()) > maxDrain) {
            request.connection().close();
          }
        });
    request.resume();
  }

  /**
   * Closes an HTTP/1 connection once the answer is out: the rest of a body that was refused part
   * way (too large, too slow) is not worth reading.
   */
  public static void closeAfterAnswer(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    if (request.isEnded() || request.version() == HttpVersion.HTTP_2) {
      return;
    }
    rc.response().putHeader(HttpHeaders.CONNECTION, "close");
    rc.addEndHandler(done -> request.connection().close());
  }

  /** Deletes an upload's file, if it is still there. */
  public static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warnf("Could not delete the upload %s", file);
    }
  }

  private static int read(InputStream body, byte[] buffer) {
    try {
      return body.read(buffer);
    } catch (IOException e) {
      // The client went away or stopped sending (the server's read timeout).
      throw new ProblemException(
          400,
          "upload-incomplete",
          "Invalid request",
          "The upload broke off before its end; send it again",
          List.of());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
