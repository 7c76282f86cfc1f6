package org.qiao.kit.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTableTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://x\",\"y\")",
        "+1+1",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1",
        "\r=1",
        "=cmd|' /C calc'!A0"
      })
  void aCellThatASpreadsheetWouldRunIsShownAsText(String formula) {
    String csv = new CsvTable("column").row(formula).toString();
    String secondLine = csv.split("\r\n", -1)[1];
    assertEquals("\"'" + formula.replace("\"", "\"\"") + "\"", secondLine);
  }

  @Test
  void ordinaryCellsAreQuotedAndKeptAsTheyAre() {
    String csv = new CsvTable("row", "column", "reason").row(7, "姓名", "太长 \"x\", y").toString();
    assertEquals(
        "\uFEFF\"row\",\"column\",\"reason\"\r\n\"7\",\"姓名\",\"太长 \"\"x\"\", y\"\r\n", csv);
  }

  @Test
  void negativeNumbersAndEmptyCells() {
    // A number the platform wrote itself is still neutralised: the rule is by first character.
    assertEquals("'-5", CsvTable.cell(-5));
    assertEquals("", CsvTable.cell(null));
    assertEquals("", CsvTable.cell(""));
  }
}
