package org.qiao.kit.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table as a CSV file to download (RFC 4180: CRLF, quoted where needed), UTF-8 with a byte order
 * mark so that Excel opens Chinese headers and values as written instead of in the local code page.
 */
public final class CsvDownload {

  public static final String TEXT_CSV = "text/csv";
  public static final MediaType TYPE = MediaType.valueOf(TEXT_CSV);
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvDownload() {}

  /** The file's bytes: the mark, the header row, then each row; null cells are empty. */
  public static byte[] bytes(List<String> header, List<? extends List<?>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv =
        new CSVPrinter(
            out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
      for (List<?> row : rows) {
        csv.printRecord(row.stream().map(CsvDownload::cell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[BOM.length + text.length];
    System.arraycopy(BOM, 0, file, 0, BOM.length);
    System.arraycopy(text, 0, file, BOM.length, text.length);
    return file;
  }

  /**
   * A text cell a spreadsheet would run as a formula (=, +, -, @ first) is kept as text with a
   * leading apostrophe; numbers stay numbers.
   */
  private static Object cell(Object value) {
    if (value instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return value;
  }

  /** A 200 that downloads the table as {@code filename} (ASCII, given by the service). */
  public static Response response(
      String filename, List<String> header, List<? extends List<?>> rows) {
    return Response.ok(bytes(header, rows), TEXT_CSV + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .build();
  }
}
