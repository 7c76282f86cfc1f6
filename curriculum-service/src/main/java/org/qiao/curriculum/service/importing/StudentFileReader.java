package org.qiao.curriculum.service.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a registrar's cohort file row by row, streaming (a 258,000-row file never sits in memory as
 * a workbook or a string): maps the header to {@link ImportColumn}s, ignores columns it does not
 * know, skips blank rows and hands every other row to a sink. Cell contents are not validated here;
 * problems with the file as a whole are an {@link ImportFileException}.
 */
public final class StudentFileReader {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final CSVFormat CSV =
      // Empty lines stay records so that record numbers are the rows a registrar sees.
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
  private static final int BLOCK = 1 << 16;

  private StudentFileReader() {}

  /**
   * Reads the file and hands each non-blank data row to the sink, in file order.
   *
   * @param declaredCharset the charset the upload declared (CSV only), or null to detect it: a
   *     UTF-8 BOM or valid UTF-8 is UTF-8, anything else GB18030 (what Excel on Chinese Windows
   *     writes)
   * @return the number of data rows handed to the sink
   * @throws ImportFileException the file as a whole cannot be imported; the message says why
   */
  public static long read(
      ImportFormat format, Path file, Charset declaredCharset, Consumer<SourceRow> sink)
      throws ImportFileException, IOException {
    if (Files.size(file) == 0) {
      throw new ImportFileException("the file is empty");
    }
    return switch (format) {
      case CSV -> readCsv(file, declaredCharset, sink);
      case XLSX -> readXlsx(file, sink);
    };
  }

  // --- CSV ------------------------------------------------------------------------------------

  private static long readCsv(Path file, Charset declared, Consumer<SourceRow> sink)
      throws ImportFileException, IOException {
    boolean bom = startsWithUtf8Bom(file);
    Charset charset = csvCharset(file, declared, bom);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BLOCK)) {
      if (bom && charset.equals(StandardCharsets.UTF_8)) {
        in.skipNBytes(UTF8_BOM.length);
      }
      return parseCsv(
          CSVParser.parse(new InputStreamReader(in, strict(charset)), CSV), charset, sink);
    }
  }

  private static long parseCsv(CSVParser parser, Charset charset, Consumer<SourceRow> sink)
      throws ImportFileException, IOException {
    try (parser) {
      Iterator<CSVRecord> records = parser.iterator();
      HeaderSearch search = new HeaderSearch();
      Header header = null;
      long rows = 0;
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          // The record the parser failed on is the one after the last it returned.
          throw malformed(parser.getRecordNumber() + 1, e.getCause(), charset);
        }
        List<String> cells = record.toList();
        if (blank(cells)) {
          continue;
        }
        if (header == null) {
          header = search.offer(cells);
          continue;
        }
        // Outside the try above: an exception of the sink is the caller's, not a file problem.
        sink.accept(header.row(record.getRecordNumber(), cells));
        rows++;
      }
      if (header == null) {
        throw search.notFound();
      }
      return rows;
    }
  }

  /**
   * The charset to decode with, after checking that the whole file decodes with it: the rows go to
   * the sink as they are read, so a charset problem must show before the first one does.
   */
  private static Charset csvCharset(Path file, Charset declared, boolean bom)
      throws ImportFileException, IOException {
    if (declared != null) {
      long line =
          firstUndecodableLine(file, declared, bom && declared.equals(StandardCharsets.UTF_8));
      if (line > 0) {
        throw new ImportFileException(
            "line "
                + line
                + " is not valid "
                + declared.name()
                + ", the charset the upload declared; declare the charset the file was saved in"
                + " or save it as CSV UTF-8");
      }
      return declared;
    }
    if (bom) {
      long line = firstUndecodableLine(file, StandardCharsets.UTF_8, true);
      if (line > 0) {
        throw new ImportFileException(
            "the file starts with a UTF-8 byte order mark but line "
                + line
                + " is not valid UTF-8");
      }
      return StandardCharsets.UTF_8;
    }
    if (firstUndecodableLine(file, StandardCharsets.UTF_8, false) < 0) {
      return StandardCharsets.UTF_8;
    }
    long line = firstUndecodableLine(file, GB18030, false);
    if (line > 0) {
      throw new ImportFileException(
          "the file is neither UTF-8 nor GB18030 text (line "
              + line
              + " is not GB18030); save it as CSV UTF-8");
    }
    return GB18030;
  }

  private static CharsetDecoder strict(Charset charset) {
    // REPORT, never REPLACE: a wrong charset must not turn names into U+FFFD silently.
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static ImportFileException malformed(long row, IOException e, Charset charset) {
    if (e instanceof CharacterCodingException) {
      // Checked before parsing; only a file changed since would get here.
      return new ImportFileException("row " + row + " is not valid " + charset.name(), e);
    }
    String m = String.valueOf(e.getMessage());
    if (m.contains("EOF reached before encapsulated token finished")) {
      return new ImportFileException(
          "row " + row + ": a quoted cell is not closed (the file ends inside quotes)", e);
    }
    if (m.contains("between encapsulated token and delimiter")) {
      return new ImportFileException(
          "row "
              + row
              + ": a quoted cell has text after its closing quote (a quote inside a cell must be"
              + " doubled)",
          e);
    }
    return new ImportFileException("row " + row + ": the CSV cannot be read (" + m + ")", e);
  }

  private static boolean startsWithUtf8Bom(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(UTF8_BOM.length), UTF8_BOM);
    }
  }

  /**
   * The first line (1-based) that does not decode strictly in the charset, or -1 when the whole
   * file does. Decodes block by block: a 40 MB file never becomes one string.
   */
  private static long firstUndecodableLine(Path file, Charset charset, boolean skipBom)
      throws IOException {
    CharsetDecoder decoder = strict(charset);
    ByteBuffer bytes = ByteBuffer.allocate(BLOCK);
    CharBuffer chars = CharBuffer.allocate(BLOCK);
    long newlines = 0;
    try (InputStream in = Files.newInputStream(file)) {
      if (skipBom) {
        in.skipNBytes(UTF8_BOM.length);
      }
      boolean end = false;
      while (!end) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        end = n < 0;
        if (n > 0) {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
        CoderResult r;
        do {
          r = decoder.decode(bytes, chars, end);
          newlines += newlines(chars);
          if (r.isError()) {
            return newlines + 1;
          }
        } while (r.isOverflow());
        bytes.compact();
      }
      CoderResult r;
      do {
        r = decoder.flush(chars);
        newlines += newlines(chars);
      } while (r.isOverflow());
      return r.isError() ? newlines + 1 : -1;
    }
  }

  /** Counts and discards the decoded characters. */
  private static int newlines(CharBuffer chars) {
    chars.flip();
    int n = 0;
    while (chars.hasRemaining()) {
      if (chars.get() == '\n') {
        n++;
      }
    }
    chars.clear();
    return n;
  }

  // --- XLSX -----------------------------------------------------------------------------------

  private static long readXlsx(Path file, Consumer<SourceRow> sink)
      throws ImportFileException, IOException {
    SheetRows rows = new SheetRows(sink);
    OPCPackage pkg;
    try {
      // A File, not a stream: ZipSecureFile then guards against zip bombs (its defaults kept).
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (OLE2NotOfficeXmlFileException e) {
      throw new ImportFileException(
          "the file is an old Excel 97-2003 (.xls) workbook; save it as .xlsx or CSV UTF-8", e);
    } catch (Exception e) {
      throw new ImportFileException("the file is not a readable XLSX workbook", e);
    }
    try {
      XSSFReader reader = new XSSFReader(pkg);
      boolean date1904 = usesDate1904(reader);
      // Phonetic runs (pinyin, furigana) are not part of the text the registrar typed.
      SharedText strings = new SharedText(new ReadOnlySharedStringsTable(pkg, false));
      StylesTable styles = reader.getStylesTable();
      if (styles == null) {
        // Without styles POI hands numbers over raw ("2.021001234E9"); the default style is
        // General, which the formatter below writes as typed.
        styles = new StylesTable();
      }
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new ImportFileException("the workbook has no sheet");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(
            new XSSFSheetXMLHandler(styles, null, strings, rows, new AsTyped(date1904), false));
        parser.parse(new InputSource(sheet));
      }
    } catch (ImportFileException e) {
      throw e;
    } catch (Exception e) {
      // The parser may wrap what the handler threw; what it recorded tells which it was.
      if (rows.sinkFailure != null) {
        throw rows.sinkFailure;
      }
      if (rows.headerFailure != null) {
        throw rows.headerFailure;
      }
      throw new ImportFileException("the file is not a readable XLSX workbook", e);
    } finally {
      // revert(), not close(): close() would try to save a package opened read-only.
      pkg.revert();
    }
    if (rows.header == null) {
      throw rows.search.notFound();
    }
    return rows.count;
  }

  /** Whether the workbook counts dates from 1904 (old Mac Excel) instead of 1900. */
  private static boolean usesDate1904(XSSFReader reader) throws Exception {
    boolean[] date1904 = {false};
    XMLReader parser = XMLHelper.newXMLReader();
    parser.setContentHandler(
        new DefaultHandler() {
          @Override
          public void startElement(String uri, String local, String qName, Attributes attrs) {
            if ("workbookPr".equals(local)) {
              String v = attrs.getValue("date1904");
              date1904[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
            }
          }
        });
    try (InputStream workbook = reader.getWorkbookData()) {
      parser.parse(new InputSource(workbook));
    }
    return date1904[0];
  }

  /**
   * The shared strings, each decoded once. POI's table builds an XmlBeans rich text for every
   * lookup, which made a 258,000-row sheet take about three times as long as parsing it.
   */
  private static final class SharedText implements SharedStrings {
    private final ReadOnlySharedStringsTable table;
    private String[] decoded;

    SharedText(ReadOnlySharedStringsTable table) {
      this.table = table;
      // The file's uniqueCount is only a hint, and may be absurd.
      this.decoded = new String[Math.min(Math.max(16, table.getUniqueCount()), 100_000)];
    }

    @Override
    public RichTextString getItemAt(int idx) {
      if (idx >= decoded.length) {
        decoded = Arrays.copyOf(decoded, Math.max(idx + 1, decoded.length * 2));
      }
      String s = decoded[idx];
      if (s == null) {
        s = table.getItemAt(idx).getString(); // also decodes Excel's _xHHHH_ escapes
        decoded[idx] = s;
      }
      return new PlainText(s);
    }

    @Override
    public int getCount() {
      return table.getCount();
    }

    @Override
    public int getUniqueCount() {
      return table.getUniqueCount();
    }
  }

  /** A shared string for POI's sheet handler, which only reads its text. */
  private record PlainText(String text) implements RichTextString {
    @Override
    public String getString() {
      return text;
    }

    @Override
    public String toString() {
      return text;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public int numFormattingRuns() {
      return 0;
    }

    @Override
    public int getIndexOfFormattingRun(int index) {
      return 0;
    }

    @Override
    public void applyFont(int startIndex, int endIndex, short fontIndex) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void applyFont(int startIndex, int endIndex, Font font) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void applyFont(Font font) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void applyFont(short fontIndex) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void clearFormatting() {
      throw new UnsupportedOperationException("read-only");
    }
  }

  /** Stops the sheet parser; the reason is in the handler's fields. */
  private static final class StopReading extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopReading() {
      super(null, null, false, false);
    }
  }

  /** Collects one sheet row's cells and hands finished rows on. */
  private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final Consumer<SourceRow> sink;
    private final List<String> cells = new ArrayList<>();
    private final HeaderSearch search = new HeaderSearch();
    private Header header;
    private long count;
    private long rowNumber;
    private ImportFileException headerFailure;
    private RuntimeException sinkFailure;

    SheetRows(Consumer<SourceRow> sink) {
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      rowNumber = rowNum + 1L; // the sheet's own numbering, gaps and all
      cells.clear();
    }

    @Override
    public void cell(String ref, String value, XSSFComment comment) {
      int column = column(ref);
      while (cells.size() < column) {
        cells.add("");
      }
      if (column < cells.size()) {
        cells.set(column, value == null ? "" : value);
      } else {
        cells.add(value == null ? "" : value);
      }
    }

    /** The 0-based column of a reference like "AB12" (CellReference costs a tenth of the read). */
    private int column(String ref) {
      int column = 0;
      int i = 0;
      for (; ref != null && i < ref.length(); i++) {
        char c = Character.toUpperCase(ref.charAt(i));
        if (c < 'A' || c > 'Z') {
          break;
        }
        column = column * 26 + (c - 'A' + 1);
      }
      // A cell without a reference follows the previous one.
      return i == 0 ? cells.size() : column - 1;
    }

    @Override
    public void endRow(int rowNum) {
      if (blank(cells)) {
        return;
      }
      if (header == null) {
        try {
          header = search.offer(cells);
        } catch (ImportFileException e) {
          headerFailure = e;
          throw new StopReading();
        }
        return;
      }
      try {
        sink.accept(header.row(rowNumber, cells));
      } catch (RuntimeException e) {
        sinkFailure = e;
        throw new StopReading();
      }
      count++;
    }
  }

  /**
   * Cell text as the registrar typed it. A whole number in General (or Text) format is its plain
   * digits (a student number 2021001234, a phone 13800138000, a year 2026: never 2.021001234E9,
   * 1.38E+10 or 2026.0); a date-formatted number is ISO 8601 (2026-06-30, or 2026-06-30T10:00:00
   * with a time); anything else as Excel shows it.
   */
  private static final class AsTyped extends DataFormatter {
    private static final DateTimeFormatter DATE_TIME =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private final boolean date1904;
    private final Map<Integer, Boolean> dateFormats = new HashMap<>();

    AsTyped(boolean date1904) {
      super(Locale.ROOT); // the server's locale must not turn 3.5 into "3,5"
      this.date1904 = date1904;
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (Double.isFinite(value)
          && isDateFormat(formatIndex, formatString)
          && DateUtil.isValidExcelDate(value)) {
        LocalDateTime t = DateUtil.getLocalDateTime(value, date1904, true);
        return t.toLocalTime().toSecondOfDay() == 0
            ? t.toLocalDate().toString()
            : DATE_TIME.format(t);
      }
      if (Double.isFinite(value) && value == Math.rint(value) && generalOrText(formatString)) {
        // POI's General writes 202100123456 as 2.021E+11. Excel keeps 15 significant digits.
        return new BigDecimal(value).round(EXCEL_DIGITS).toPlainString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }

    /**
     * POI remembers only the last format it classified; a row alternating General and date cells
     * would run its regular expressions on every cell.
     */
    private boolean isDateFormat(int formatIndex, String formatString) {
      return dateFormats.computeIfAbsent(
          formatIndex, i -> DateUtil.isADateFormat(formatIndex, formatString));
    }

    /** General, or Text ("@") applied to a column after the numbers were typed. */
    private static boolean generalOrText(String formatString) {
      return formatString == null
          || "General".equalsIgnoreCase(formatString)
          || "@".equals(formatString);
    }
  }

  // --- both -----------------------------------------------------------------------------------

  /**
   * Finds the header: the first non-blank row that names a known column. Exports may put a title
   * above it (2026届毕业生名单); a few such rows are skipped, a file of them is refused.
   */
  private static final class HeaderSearch {
    private static final int MAX_TITLE_ROWS = 10;
    private boolean anyRow;
    private int titleRows;

    /** The header when this non-blank row is it, or null for a title row. */
    Header offer(List<String> cells) throws ImportFileException {
      anyRow = true;
      for (String cell : cells) {
        if (ImportColumn.ofHeader(cell).isPresent()) {
          return Header.of(cells);
        }
      }
      if (++titleRows == MAX_TITLE_ROWS) {
        throw notFound();
      }
      return null;
    }

    ImportFileException notFound() {
      return anyRow
          ? Header.missing(List.of(ImportColumn.values()))
          : new ImportFileException("the file is empty");
    }
  }

  /** Which position of a row holds which column; null where the header is unknown. */
  private record Header(ImportColumn[] byPosition) {

    static Header of(List<String> names) throws ImportFileException {
      ImportColumn[] byPosition = new ImportColumn[names.size()];
      Map<ImportColumn, String> seen = new EnumMap<>(ImportColumn.class);
      for (int i = 0; i < names.size(); i++) {
        var column = ImportColumn.ofHeader(names.get(i));
        if (column.isEmpty()) {
          continue; // exports carry columns Qiao does not need (班级, 辅导员, …)
        }
        String earlier = seen.put(column.get(), names.get(i).strip());
        if (earlier != null) {
          throw new ImportFileException(
              "column "
                  + column.get().label()
                  + " appears twice (as "
                  + earlier
                  + " and "
                  + names.get(i).strip()
                  + ")");
        }
        byPosition[i] = column.get();
      }
      List<ImportColumn> absent = new ArrayList<>();
      for (ImportColumn c : ImportColumn.values()) {
        if (!seen.containsKey(c)) {
          absent.add(c);
        }
      }
      if (absent.stream().anyMatch(ImportColumn::required)) {
        throw missing(absent);
      }
      return new Header(byPosition);
    }

    /** Names the required columns among those the header lacks. */
    static ImportFileException missing(List<ImportColumn> absent) {
      return new ImportFileException(
          "the header row has no column for "
              + String.join(
                  ", ",
                  absent.stream()
                      .filter(ImportColumn::required)
                      .map(ImportColumn::label)
                      .toList()));
    }

    SourceRow row(long number, List<String> cells) {
      Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
      int n = Math.min(byPosition.length, cells.size());
      for (int i = 0; i < n; i++) {
        if (byPosition[i] != null && cells.get(i) != null) {
          values.put(byPosition[i], cells.get(i)); // SourceRow strips and drops empty cells
        }
      }
      return new SourceRow(number, values);
    }
  }

  private static boolean blank(List<String> cells) {
    for (String c : cells) {
      if (c != null && !c.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
