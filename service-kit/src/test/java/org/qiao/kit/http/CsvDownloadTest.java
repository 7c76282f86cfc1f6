package org.qiao.kit.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvDownloadTest {

  @Test
  void utf8WithAMarkCrlfQuotedWhereNeededNullsEmptyAndNoFormulas() {
    byte[] file =
        CsvDownload.bytes(
            List.of("城市", "说明", "人数"),
            List.of(
                Arrays.asList("上海市", "含,逗号与\"引号\"", 5),
                Arrays.asList("=HYPERLINK(\"http://x\")", "+1", -3),
                Arrays.asList("@SUM(A1)", null, null)));
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(file, 3), "BOM first");
    String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
    assertEquals(
        "城市,说明,人数\r\n"
            + "上海市,\"含,逗号与\"\"引号\"\"\",5\r\n"
            + "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,-3\r\n"
            + "'@SUM(A1),,\r\n",
        text);
  }
}
