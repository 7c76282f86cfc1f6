package org.qiao.curriculum.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Cohort files as registrars' tools write them, for tests. */
public final class CohortFiles {

  private CohortFiles() {}

  /**
   * A CSV as RFC 4180 has it (CRLF; a cell quoted when it holds a comma, quote or line break) in
   * the charset, with or without a UTF-8 BOM in front. A null cell is an empty one.
   */
  public static byte[] csv(
      List<String> headers, List<List<String>> rows, Charset charset, boolean bom) {
    StringBuilder s = new StringBuilder();
    line(s, headers);
    rows.forEach(r -> line(s, r));
    byte[] body = s.toString().getBytes(charset);
    if (!bom) {
      return body;
    }
    byte[] out = new byte[body.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(body, 0, out, 3, body.length);
    return out;
  }

  private static void line(StringBuilder s, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i) == null ? "" : cells.get(i);
      if (i > 0) {
        s.append(',');
      }
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        s.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        s.append(c);
      }
    }
    s.append("\r\n");
  }

  /**
   * A workbook whose first sheet holds the header and the rows as Excel stores typed values: {@link
   * Number}s as numeric cells (General format), {@link Boolean}s as boolean cells, {@link
   * LocalDate}s and {@link LocalDateTime}s as date-formatted numbers, anything else as text through
   * the shared-strings table. A null or empty cell is left out.
   */
  public static byte[] xlsx(List<String> headers, List<List<Object>> rows) {
    // Streaming, so a test can write a cohort of 258,000 rows; shared strings as Excel writes.
    SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), 500, true, true);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("学生名单");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle dateTime = wb.createCellStyle();
      dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
      Row h = sheet.createRow(0);
      for (int i = 0; i < headers.size(); i++) {
        h.createCell(i).setCellValue(headers.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<Object> cells = rows.get(r);
        for (int i = 0; i < cells.size(); i++) {
          Object v = cells.get(i);
          if (v == null || v.toString().isEmpty()) {
            continue;
          }
          Cell c = row.createCell(i);
          if (v instanceof Number n) {
            c.setCellValue(n.doubleValue());
          } else if (v instanceof Boolean b) {
            c.setCellValue(b);
          } else if (v instanceof LocalDate d) {
            c.setCellValue(d);
            c.setCellStyle(date);
          } else if (v instanceof LocalDateTime t) {
            c.setCellValue(t);
            c.setCellStyle(dateTime);
          } else {
            c.setCellValue(v.toString());
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        wb.close(); // also deletes the temporary sheet files
      } catch (IOException e) {
        // nothing left to do for a test helper
      }
    }
  }
}
