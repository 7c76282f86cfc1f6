package org.qiao.portal.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * CSV files passed on from the services as they made them (UTF-8 with BOM, Chinese headers),
 * streamed: an import's row errors can run to tens of MB, and several downloads at once must not
 * each hold one in the heap.
 */
final class Downloads {

  private Downloads() {}

  /** The body as it arrives from the service; closed once sent. */
  static Response csv(InputStream body, String filename) {
    StreamingOutput out =
        sink -> {
          try (InputStream in = body) {
            in.transferTo(sink);
          }
        };
    return Response.ok(out, "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** A file the generated client wrote to a temporary file: sent, then removed. */
  static Response csv(File file, String filename) {
    try {
      InputStream in = Files.newInputStream(file.toPath());
      return csv(
          new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
              try {
                super.close();
              } finally {
                Files.deleteIfExists(file.toPath());
              }
            }
          },
          filename);
    } catch (IOException e) {
      file.delete();
      throw new UncheckedIOException(e);
    }
  }
}
