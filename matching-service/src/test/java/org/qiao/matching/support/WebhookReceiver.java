package org.qiao.matching.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP endpoint on 127.0.0.1 that receives webhook deliveries and keeps each request
 * (headers and exact body bytes). It answers 204, 500, or not at all (hangs until closed), as a
 * test says.
 */
public final class WebhookReceiver implements AutoCloseable {

  public enum Mode {
    OK,
    FAIL,
    HANG
  }

  /** One request as it arrived. */
  public record Request(String id, String timestamp, String signature, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final List<Request> accepted = new CopyOnWriteArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicInteger hanging = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Mode mode;

  public WebhookReceiver(Mode mode) throws IOException {
    this.mode = mode;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/hook", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  public void mode(Mode m) {
    mode = m;
  }

  /** Requests answered 2xx, in the order they arrived. */
  public List<Request> accepted() {
    return List.copyOf(accepted);
  }

  /** Every request, answered or not. */
  public int attempts() {
    return attempts.get();
  }

  /** Requests held unanswered right now. */
  public int hanging() {
    return hanging.get();
  }

  private void handle(HttpExchange x) throws IOException {
    attempts.incrementAndGet();
    byte[] body;
    try (InputStream in = x.getRequestBody()) {
      body = in.readAllBytes();
    }
    Mode m = mode;
    try (OutputStream out = x.getResponseBody()) {
      if (m == Mode.HANG) {
        hanging.incrementAndGet();
        try {
          closed.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          hanging.decrementAndGet();
        }
        return;
      }
      if (m == Mode.FAIL) {
        byte[] answer =
            "{\"error\":\"receiver down for maintenance\"}".getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(500, answer.length);
        out.write(answer);
        return;
      }
      accepted.add(
          new Request(
              x.getRequestHeaders().getFirst("webhook-id"),
              x.getRequestHeaders().getFirst("webhook-timestamp"),
              x.getRequestHeaders().getFirst("webhook-signature"),
              body));
      x.sendResponseHeaders(204, -1);
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }
}
