package org.qiao.curriculum.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One upload on its own HTTP/1.1 connection, written byte by byte, so a test controls what the
 * server has seen when it answers: the head alone (with or without {@code Expect: 100-continue}),
 * part of the body, or all of it; with a declared length or chunked. The body comes from a stream
 * and is never held.
 */
public final class RawUpload implements AutoCloseable {

  /** An answer: status, headers (names lower-case) and body. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final boolean chunked;

  private RawUpload(Socket socket, boolean chunked) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = socket.getInputStream();
    this.chunked = chunked;
  }

  /**
   * Opens a connection and sends the request head of a POST to {@code /api/v1/student-imports};
   * {@code length} &lt; 0 sends the body chunked.
   */
  public static RawUpload start(
      int port, String token, String contentType, long length, boolean expectContinue) {
    try {
      Socket socket = new Socket("localhost", port);
      socket.setSoTimeout(60_000);
      RawUpload u = new RawUpload(socket, length < 0);
      StringBuilder head =
          new StringBuilder("POST /api/v1/student-imports HTTP/1.1\r\n")
              .append("Host: localhost:")
              .append(port)
              .append(token == null ? "" : "\r\nAuthorization: Bearer " + token)
              .append("\r\nContent-Type: ")
              .append(contentType)
              .append("\r\nAccept: application/json, application/problem+json\r\n");
      head.append(length < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length)
          .append(length < 0 ? "" : "\r\n");
      if (expectContinue) {
        head.append("Expect: 100-continue\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      u.out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      u.out.flush();
      return u;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits at most {@code millis} for the next response head (100 Continue or the answer). */
  public Answer awaitHead(int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      return readAnswer();
    } finally {
      socket.setSoTimeout(60_000);
    }
  }

  /** Sends up to {@code max} bytes of the body; returns how many were sent. */
  public long send(InputStream body, long max) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long sent = 0;
    while (sent < max) {
      int n = body.read(buffer, 0, (int) Math.min(buffer.length, max - sent));
      if (n < 0) {
        break;
      }
      if (chunked) {
        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(buffer, 0, n);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      } else {
        out.write(buffer, 0, n);
      }
      sent += n;
    }
    out.flush();
    return sent;
  }

  /** Ends a chunked body. */
  public void endChunks() throws IOException {
    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /**
   * Sends the body from another thread while waiting here for the answer: a server that refuses
   * part way answers before the body is all sent, and may close the connection on the rest.
   */
  public Answer sendWhileAwaitingAnswer(InputStream body, long max) throws IOException {
    Thread sender =
        new Thread(
            () -> {
              try {
                send(body, max);
                if (chunked) {
                  endChunks();
                }
              } catch (IOException closedByServer) {
                // expected once the server has answered
              }
            },
            "raw-upload-sender");
    sender.setDaemon(true);
    sender.start();
    return answer();
  }

  /** Reads the (final) answer with its body. */
  public Answer answer() throws IOException {
    Answer a = readAnswer();
    while (a.status() == 100) {
      a = readAnswer();
    }
    return a;
  }

  private Answer readAnswer() throws IOException {
    String head = readHead();
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    if (status == 100) {
      return new Answer(100, headers, "");
    }
    return new Answer(status, headers, readBody(headers));
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before an answer");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private String readBody(Map<String, String> headers) throws IOException {
    String length = headers.get("content-length");
    if (length != null) {
      return new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = readLine();
        int n = Integer.parseInt(size.split(";")[0].trim(), 16);
        if (n == 0) {
          readLine();
          return body.toString(StandardCharsets.UTF_8);
        }
        body.write(in.readNBytes(n));
        readLine();
      }
    }
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
