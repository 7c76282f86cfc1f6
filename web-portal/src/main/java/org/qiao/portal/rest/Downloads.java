package org.qiao.portal.rest;

import jakarta.ws.rs.core.Response;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** CSV files passed on from the services as they made them (UTF-8 with BOM, Chinese headers). */
final class Downloads {

  private Downloads() {}

  static Response csv(byte[] body, String filename) {
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** A file the generated client wrote to a temporary file: read, removed, sent. */
  static Response csv(File file, String filename) {
    try {
      byte[] body = Files.readAllBytes(file.toPath());
      return csv(body, filename);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      file.delete();
    }
  }
}
