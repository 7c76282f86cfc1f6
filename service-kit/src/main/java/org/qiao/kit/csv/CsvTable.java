package org.qiao.kit.csv;

/**
 * A CSV document the platform writes for people to open in a spreadsheet (RFC 4180, CRLF, UTF-8
 * with a byte-order mark so Excel reads it as UTF-8). Every cell is quoted, and a cell that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return,
 * OWASP "CSV injection") gets a leading apostrophe, so an uploaded header or a typed text is shown,
 * never evaluated.
 */
public final class CsvTable {

  private static final char BOM = '\uFEFF';
  private final StringBuilder text = new StringBuilder().append(BOM);

  /** A table with its header row. */
  public CsvTable(String... header) {
    row((Object[]) header);
  }

  /** Appends one row; {@code null} is an empty cell, anything else its {@code toString()}. */
  public CsvTable row(Object... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append('"').append(cell(cells[i]).replace("\"", "\"\"")).append('"');
    }
    text.append("\r\n");
    return this;
  }

  /** The cell as a spreadsheet will show it: a would-be formula is prefixed with an apostrophe. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return s;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
