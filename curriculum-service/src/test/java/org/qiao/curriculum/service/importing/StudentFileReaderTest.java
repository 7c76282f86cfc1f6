package org.qiao.curriculum.service.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiao.curriculum.support.CohortFiles;

class StudentFileReaderTest {

  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final List<String> ENGLISH =
      List.of("name", "studentNumber", "majorCode", "degree", "graduationYear");
  private static final List<String> CHINESE = List.of("姓名", "学号", "专业代码", "学历", "毕业年份", "班级");

  @TempDir Path dir;

  private List<SourceRow> read(ImportFormat format, byte[] content, Charset declared)
      throws Exception {
    Path file = Files.write(dir.resolve("cohort"), content);
    List<SourceRow> rows = new ArrayList<>();
    long n = StudentFileReader.read(format, file, declared, rows::add);
    assertEquals(rows.size(), n, "the count returned is the rows handed over");
    return rows;
  }

  private ImportFileException refused(ImportFormat format, byte[] content, Charset declared) {
    return assertThrows(ImportFileException.class, () -> read(format, content, declared));
  }

  private static Map<ImportColumn, String> student(
      String name, String number, String major, String degree, String year) {
    return Map.of(
        ImportColumn.NAME, name,
        ImportColumn.STUDENT_NUMBER, number,
        ImportColumn.MAJOR_CODE, major,
        ImportColumn.DEGREE, degree,
        ImportColumn.GRADUATION_YEAR, year);
  }

  // --- CSV charsets -----------------------------------------------------------------------------

  @Test
  void utf8WithoutBom() throws Exception {
    byte[] csv =
        CohortFiles.csv(
            ENGLISH,
            List.of(
                List.of("李雷", "2022011235", "080901", "本科", "2026"),
                List.of(" 韩梅梅 ", "2022011236", "080901", "硕士", "2027")),
            StandardCharsets.UTF_8,
            false);
    assertEquals(
        List.of(
            new SourceRow(2, student("李雷", "2022011235", "080901", "本科", "2026")),
            new SourceRow(3, student("韩梅梅", "2022011236", "080901", "硕士", "2027"))),
        read(ImportFormat.CSV, csv, null));
  }

  @Test
  void utf8WithBomReadsTheSameAsWithout() throws Exception {
    List<List<String>> rows = List.of(List.of("李雷", "2022011235", "080710T", "本科", "2026", ""));
    byte[] bom = CohortFiles.csv(CHINESE, rows, StandardCharsets.UTF_8, true);
    assertEquals((byte) 0xEF, bom[0]);
    assertEquals(
        List.of(new SourceRow(2, student("李雷", "2022011235", "080710T", "本科", "2026"))),
        read(ImportFormat.CSV, bom, null),
        "the BOM is not part of the first header, 姓名");
  }

  @Test
  void aBomBeforeAQuotedFirstHeaderIsNotPartOfIt() throws Exception {
    // Some tools quote every cell; the quote only opens a quoted cell when the BOM is skipped.
    byte[] csv =
        "\uFEFF\"姓名\",\"学号\",\"专业代码\",\"学历\",\"毕业年份\"\r\n\"李雷\",\"1\",\"X\",\"本科\",\"2026\"\r\n"
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(
        List.of(new SourceRow(2, student("李雷", "1", "X", "本科", "2026"))),
        read(ImportFormat.CSV, csv, null));
    assertEquals(
        List.of(new SourceRow(2, student("李雷", "1", "X", "本科", "2026"))),
        read(ImportFormat.CSV, csv, StandardCharsets.UTF_8));
  }

  @Test
  void gb18030IsDetectedWithoutADeclaredCharset() throws Exception {
    byte[] csv =
        CohortFiles.csv(
            CHINESE,
            List.of(List.of("韩梅梅", "2022011234", "080710T", "本科", "2026", "微电子1班")),
            GB18030,
            false);
    assertEquals(
        List.of(new SourceRow(2, student("韩梅梅", "2022011234", "080710T", "本科", "2026"))),
        read(ImportFormat.CSV, csv, null));
  }

  @Test
  void aDeclaredCharsetIsUsed() throws Exception {
    // Not UTF-8, and not GB18030 either (0xE9 then a comma): only the declaration reads it.
    byte[] latin1 =
        "name,studentNumber,majorCode,degree,graduationYear\r\nJosé,1,080901,BSc,2026\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(
        "the file is neither UTF-8 nor GB18030 text (line 2 is not GB18030); save it as CSV UTF-8",
        refused(ImportFormat.CSV, latin1, null).getMessage());
    assertEquals(
        "José",
        read(ImportFormat.CSV, latin1, StandardCharsets.ISO_8859_1).get(0).get(ImportColumn.NAME));

    byte[] gb =
        CohortFiles.csv(CHINESE, List.of(List.of("王芳", "7", "X", "本科", "2026")), GB18030, false);
    assertEquals("王芳", read(ImportFormat.CSV, gb, GB18030).get(0).get(ImportColumn.NAME));
  }

  @Test
  void bytesThatAreNotTheDeclaredCharsetRefuseTheFileBeforeAnyRow() throws Exception {
    byte[] gb =
        CohortFiles.csv(
            ENGLISH,
            List.of(
                List.of("Li Lei", "1", "080710T", "BSc", "2026"),
                List.of("韩梅梅", "2", "080710T", "BSc", "2026")),
            GB18030,
            false);
    Path file = Files.write(dir.resolve("gb.csv"), gb);
    List<SourceRow> handedOver = new ArrayList<>();
    var e =
        assertThrows(
            ImportFileException.class,
            () ->
                StudentFileReader.read(
                    ImportFormat.CSV, file, StandardCharsets.UTF_8, handedOver::add));
    assertEquals(
        "line 3 is not valid UTF-8, the charset the upload declared; declare the charset the file"
            + " was saved in or save it as CSV UTF-8",
        e.getMessage());
    assertEquals(List.of(), handedOver);
  }

  @Test
  void theLineOfTheFirstUndecodableByteIsNamed() {
    byte[] csv =
        "name,studentNumber,majorCode,degree,graduationYear\r\nA,1,X,B,2026\r\nB\u00e9"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(
        "line 3 is not valid UTF-8, the charset the upload declared; declare the charset the file"
            + " was saved in or save it as CSV UTF-8",
        refused(ImportFormat.CSV, csv, StandardCharsets.UTF_8).getMessage());
  }

  // --- CSV structure ----------------------------------------------------------------------------

  @Test
  void quotedCellsWithCommasQuotesAndLineBreaksKeepTheRowNumbersAfterThem() throws Exception {
    String csv =
        "name,studentNumber,majorCode,degree,graduationYear,skills\r\n"
            + "\"Li, Lei\",1,080710T,本科,2026,\"Java\r\nPython\nSQL\"\r\n"
            + "\"Han \"\"Meimei\"\"\",2,080710T,本科,2026,Go\n"
            + "Wang,3,080710T,本科,2026,\"\"\r\n";
    List<SourceRow> rows = read(ImportFormat.CSV, csv.getBytes(StandardCharsets.UTF_8), null);
    assertEquals(3, rows.size());
    assertEquals(2, rows.get(0).rowNumber());
    assertEquals("Li, Lei", rows.get(0).get(ImportColumn.NAME));
    assertEquals("Java\r\nPython\nSQL", rows.get(0).get(ImportColumn.DECLARED_SKILLS));
    assertEquals(3, rows.get(1).rowNumber(), "a record, not a physical line");
    assertEquals("Han \"Meimei\"", rows.get(1).get(ImportColumn.NAME));
    assertEquals(4, rows.get(2).rowNumber());
    assertNull(rows.get(2).get(ImportColumn.DECLARED_SKILLS), "an empty cell is absent");
    assertEquals(5, rows.get(2).cells().size());
  }

  @Test
  void blankRowsAreSkippedButCounted() throws Exception {
    String csv =
        "\r\n"
            + "name,studentNumber,majorCode,degree,graduationYear\r\n"
            + "A,1,X,本科,2026\r\n"
            + "\r\n"
            + " , ,\u3000,,\r\n"
            + ",,,,\n"
            + "B,2,X,本科,2026\r\n"
            + "\r\n";
    List<SourceRow> rows = read(ImportFormat.CSV, csv.getBytes(StandardCharsets.UTF_8), null);
    assertEquals(List.of(3L, 7L), rows.stream().map(SourceRow::rowNumber).toList());
  }

  @Test
  void aQuoteThatIsNeverClosedNamesItsRow() {
    String csv =
        "name,studentNumber,majorCode,degree,graduationYear\r\n"
            + "A,1,X,本科,2026\r\n"
            + "\"B,2,X,本科,2026\r\n"
            + "C,3,X,本科,2026\r\n";
    assertEquals(
        "row 3: a quoted cell is not closed (the file ends inside quotes)",
        refused(ImportFormat.CSV, csv.getBytes(StandardCharsets.UTF_8), null).getMessage());
  }

  @Test
  void emptyFilesAreRefused() {
    assertEquals("the file is empty", refused(ImportFormat.CSV, new byte[0], null).getMessage());
    assertEquals(
        "the file is empty",
        refused(ImportFormat.CSV, "\r\n,,\r\n".getBytes(StandardCharsets.UTF_8), null)
            .getMessage());
    assertEquals("the file is empty", refused(ImportFormat.XLSX, new byte[0], null).getMessage());
  }

  @Test
  void nulAndOtherOddCharactersAreKeptForValidation() throws Exception {
    byte[] csv =
        CohortFiles.csv(
            ENGLISH,
            List.of(List.of("A\u0000B", "\u0000", "X", "本科", "2026")),
            StandardCharsets.UTF_8,
            false);
    SourceRow r = read(ImportFormat.CSV, csv, null).get(0);
    assertEquals("A\u0000B", r.get(ImportColumn.NAME));
    assertEquals("\u0000", r.get(ImportColumn.STUDENT_NUMBER));
  }

  // --- header -----------------------------------------------------------------------------------

  @Test
  void unknownColumnsAreIgnored() throws Exception {
    byte[] csv =
        CohortFiles.csv(
            List.of("序号", "姓名", "班级", "学号", "专业代码", "学历", "毕业年份", "辅导员"),
            List.of(List.of("1", "韩梅梅", "微电子1班", "2022011234", "080710T", "本科", "2026", "张老师")),
            StandardCharsets.UTF_8,
            false);
    assertEquals(
        List.of(new SourceRow(2, student("韩梅梅", "2022011234", "080710T", "本科", "2026"))),
        read(ImportFormat.CSV, csv, null));
  }

  @Test
  void aMissingRequiredColumnIsNamed() {
    byte[] csv =
        CohortFiles.csv(
            List.of("姓名", "专业代码", "学历", "毕业年份", "班级"),
            List.of(List.of("韩梅梅", "080710T", "本科", "2026", "1班")),
            StandardCharsets.UTF_8,
            false);
    assertEquals(
        "the header row has no column for 学号 (studentNumber)",
        refused(ImportFormat.CSV, csv, null).getMessage());
    byte[] two =
        CohortFiles.csv(List.of("姓名", "学号", "学历"), List.of(), StandardCharsets.UTF_8, false);
    assertEquals(
        "the header row has no column for 专业代码 (majorCode), 毕业年份 (graduationYear)",
        refused(ImportFormat.CSV, two, null).getMessage());
  }

  @Test
  void aRepeatedColumnIsNamed() {
    byte[] csv =
        CohortFiles.csv(
            List.of("姓名", "学号", "专业代码", "学历", "毕业年份", "Name"),
            List.of(),
            StandardCharsets.UTF_8,
            false);
    assertEquals(
        "column 姓名 (name) appears twice (as 姓名 and Name)",
        refused(ImportFormat.CSV, csv, null).getMessage());
    byte[] xlsx =
        CohortFiles.xlsx(List.of("姓名", "学号", "手机", "专业代码", "学历", "毕业年份", "联系电话"), List.of());
    assertEquals(
        "column 手机号 (phone) appears twice (as 手机 and 联系电话)",
        refused(ImportFormat.XLSX, xlsx, null).getMessage());
  }

  @Test
  void headersMatchWhateverTheirCaseWidthSpacingOrSeparators() throws Exception {
    assertEquals(
        Optional.of(ImportColumn.STUDENT_NUMBER), ImportColumn.ofHeader(" ｓｔｕｄｅｎｔ_Number "));
    assertEquals(Optional.of(ImportColumn.STUDENT_NUMBER), ImportColumn.ofHeader("STUDENT-NUMBER"));
    assertEquals(Optional.of(ImportColumn.MAJOR_CODE), ImportColumn.ofHeader("ｍａｊｏｒ－ｃｏｄｅ"));
    assertEquals(Optional.of(ImportColumn.GRADUATION_YEAR), ImportColumn.ofHeader("\uFEFF预计毕业年份"));
    assertEquals(Optional.of(ImportColumn.DEGREE), ImportColumn.ofHeader("学\u3000历"));
    assertEquals(Optional.of(ImportColumn.DECLARED_SKILLS), ImportColumn.ofHeader("Skills"));
    assertEquals(Optional.empty(), ImportColumn.ofHeader("班级"));
    assertEquals(Optional.empty(), ImportColumn.ofHeader(""));
    assertEquals(Optional.empty(), ImportColumn.ofHeader(null));

    byte[] csv =
        CohortFiles.csv(
            List.of(" NAME ", "Student Number", "ｍａｊｏｒ＿ｃｏｄｅ", "学 历", "graduation-year"),
            List.of(List.of("A", "1", "X", "本科", "2026")),
            StandardCharsets.UTF_8,
            false);
    assertEquals(
        List.of(new SourceRow(2, student("A", "1", "X", "本科", "2026"))),
        read(ImportFormat.CSV, csv, null));
  }

  @Test
  void columnsKnowTheirHeadersAndWhetherTheyAreRequired() {
    assertEquals("studentNumber", ImportColumn.STUDENT_NUMBER.header());
    assertEquals("skills", ImportColumn.DECLARED_SKILLS.header());
    assertEquals(
        List.of(
            ImportColumn.NAME,
            ImportColumn.STUDENT_NUMBER,
            ImportColumn.MAJOR_CODE,
            ImportColumn.DEGREE,
            ImportColumn.GRADUATION_YEAR),
        Arrays.stream(ImportColumn.values()).filter(ImportColumn::required).toList());
    for (ImportColumn c : ImportColumn.values()) {
      assertEquals(Optional.of(c), ImportColumn.ofHeader(c.header()), c.header());
    }
  }

  @Test
  void formatsAreKnownByMediaType() {
    assertEquals(Optional.of(ImportFormat.CSV), ImportFormat.ofMediaType("text/csv"));
    assertEquals(
        Optional.of(ImportFormat.XLSX),
        ImportFormat.ofMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    assertEquals(Optional.empty(), ImportFormat.ofMediaType("application/vnd.ms-excel"));
    assertEquals("text/csv", ImportFormat.CSV.mediaType());
  }

  // --- XLSX -------------------------------------------------------------------------------------

  @Test
  void xlsxNumbersReadAsTypedAndDatesAsIsoDates() throws Exception {
    byte[] xlsx =
        CohortFiles.xlsx(
            List.of("姓名", "学号", "手机号", "专业代码", "学历", "毕业年份", "同意时间", "班级"),
            List.of(
                List.of(
                    "韩梅梅",
                    2021001234L,
                    13800138000L,
                    "080710T",
                    "本科",
                    2026,
                    LocalDate.of(2026, 6, 30),
                    "1班"),
                List.of(
                    "李雷",
                    202100123456.0,
                    "13900139000",
                    80901,
                    "本科",
                    2026.0,
                    LocalDateTime.of(2026, 6, 30, 10, 0))));
    List<SourceRow> rows = read(ImportFormat.XLSX, xlsx, null);
    assertEquals(2, rows.size());
    SourceRow r = rows.get(0);
    assertEquals(2, r.rowNumber());
    assertEquals("韩梅梅", r.get(ImportColumn.NAME));
    assertEquals("2021001234", r.get(ImportColumn.STUDENT_NUMBER));
    assertEquals("13800138000", r.get(ImportColumn.PHONE));
    assertEquals("2026", r.get(ImportColumn.GRADUATION_YEAR));
    assertEquals("2026-06-30", r.get(ImportColumn.CONSENT_AT));
    assertEquals(7, r.cells().size());
    SourceRow s = rows.get(1);
    assertEquals(3, s.rowNumber());
    assertEquals("202100123456", s.get(ImportColumn.STUDENT_NUMBER), "not 2.021E+11");
    assertEquals("13900139000", s.get(ImportColumn.PHONE));
    assertEquals("80901", s.get(ImportColumn.MAJOR_CODE));
    assertEquals("2026", s.get(ImportColumn.GRADUATION_YEAR));
    assertEquals("2026-06-30T10:00:00", s.get(ImportColumn.CONSENT_AT));
  }

  @Test
  void xlsxBlankRowsAreSkippedButKeepTheSheetRowNumbers() throws Exception {
    byte[] xlsx =
        CohortFiles.xlsx(
            ENGLISH,
            List.of(
                List.of("A", 1, "X", "本科", 2026),
                List.of(),
                Arrays.asList(" ", null, ""),
                List.of("B", 2, "X", "本科", 2026)));
    assertEquals(
        List.of(
            new SourceRow(2, student("A", "1", "X", "本科", "2026")),
            new SourceRow(5, student("B", "2", "X", "本科", "2026"))),
        read(ImportFormat.XLSX, xlsx, null));
  }

  @Test
  void aTitleAboveTheHeaderIsSkippedAndRowsKeepTheirSheetNumbers() throws Exception {
    byte[] xlsx;
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet();
      sheet.createRow(0).createCell(2).setCellValue("2026届毕业生名单");
      Row header = sheet.createRow(2);
      for (int i = 0; i < CHINESE.size(); i++) {
        header.createCell(i).setCellValue(CHINESE.get(i));
      }
      for (int r : new int[] {3, 6}) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue("学生" + r);
        row.createCell(1).setCellValue(2021001230 + r);
        row.createCell(2).setCellValue("080901");
        row.createCell(3).setCellValue("本科");
        row.createCell(4).setCellValue(2026);
      }
      wb.write(out);
      xlsx = out.toByteArray();
    }
    assertEquals(
        List.of(
            new SourceRow(4, student("学生3", "2021001233", "080901", "本科", "2026")),
            new SourceRow(7, student("学生6", "2021001236", "080901", "本科", "2026"))),
        read(ImportFormat.XLSX, xlsx, null));

    String csv =
        "2026届毕业生名单,,\r\n\r\n"
            + "name,studentNumber,majorCode,degree,graduationYear\r\n"
            + "A,1,X,B,2026\r\n";
    assertEquals(
        4, read(ImportFormat.CSV, csv.getBytes(StandardCharsets.UTF_8), null).get(0).rowNumber());
  }

  @Test
  void aFileWhoseFirstRowsNameNoColumnIsRefused() {
    String semicolons =
        "name;studentNumber;majorCode;degree;graduationYear\r\n" + "A;1;X;B;2026\r\n".repeat(20);
    assertEquals(
        "the header row has no column for 姓名 (name), 学号 (studentNumber), 专业代码 (majorCode),"
            + " 学历 (degree), 毕业年份 (graduationYear)",
        refused(ImportFormat.CSV, semicolons.getBytes(StandardCharsets.UTF_8), null).getMessage());
  }

  @Test
  void bytesThatAreNotAWorkbookAreRefused() {
    assertEquals(
        "the file is not a readable XLSX workbook",
        refused(ImportFormat.XLSX, "姓名,学号\r\n".getBytes(StandardCharsets.UTF_8), null)
            .getMessage());
    byte[] truncated = CohortFiles.xlsx(ENGLISH, List.of(List.of("A", 1, "X", "本科", 2026)));
    assertEquals(
        "the file is not a readable XLSX workbook",
        refused(ImportFormat.XLSX, Arrays.copyOf(truncated, truncated.length / 2), null)
            .getMessage());
  }

  @Test
  void anExceptionOfTheSinkIsTheCallersNotAFileProblem() throws Exception {
    byte[] xlsx = CohortFiles.xlsx(ENGLISH, List.of(List.of("A", 1, "X", "本科", 2026)));
    Path file = Files.write(dir.resolve("ok.xlsx"), xlsx);
    IllegalStateException thrown = new IllegalStateException("database down");
    var e =
        assertThrows(
            IllegalStateException.class,
            () ->
                StudentFileReader.read(
                    ImportFormat.XLSX,
                    file,
                    null,
                    row -> {
                      throw thrown;
                    }));
    assertSame(thrown, e);

    byte[] csv =
        CohortFiles.csv(
            ENGLISH, List.of(List.of("A", "1", "X", "本科", "2026")), StandardCharsets.UTF_8, false);
    Path csvFile = Files.write(dir.resolve("ok.csv"), csv);
    var f =
        assertThrows(
            IllegalStateException.class,
            () ->
                StudentFileReader.read(
                    ImportFormat.CSV,
                    csvFile,
                    null,
                    row -> {
                      throw thrown;
                    }));
    assertSame(thrown, f);
  }

  @Test
  void sourceRowsHoldOnlyStrippedNonEmptyCells() {
    var cells = new java.util.HashMap<ImportColumn, String>();
    cells.put(ImportColumn.NAME, "  A ");
    cells.put(ImportColumn.PHONE, " ");
    cells.put(ImportColumn.EMAIL, null);
    SourceRow r = new SourceRow(9, cells);
    assertEquals(Map.of(ImportColumn.NAME, "A"), r.cells());
    assertNull(r.get(ImportColumn.PHONE));
  }
}
