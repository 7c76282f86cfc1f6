package org.qiao.matching.domain.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedCursorTest {

  @Test
  void roundTrips() {
    FeedCursor c =
        FeedCursor.START.with(
            Map.of(
                FeedCursor.key("qiao.talent-demand.events", 0), 17L,
                FeedCursor.key("qiao.talent-demand.events", 2), 0L,
                FeedCursor.key("qiao.curriculum.events", 1), 123456789012L));
    assertEquals(c, FeedCursor.decode(c.encode()).orElseThrow());
    assertEquals(17L, c.offset("qiao.talent-demand.events", 0).orElseThrow());
    assertTrue(c.offset("qiao.talent-demand.events", 1).isEmpty());
    assertEquals(FeedCursor.START, FeedCursor.decode(FeedCursor.START.encode()).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c1|t#0=-1",
        "c1|t#-1=0",
        "c1|t#x=1",
        "c1|t=1",
        "c1|#0=1",
        "c2|t#0=1",
        "c1|t#0=",
        "c1|bad topic#0=1",
        "c1|t#0=99999999999999999999",
        ""
      })
  void refusesWhatItDidNotIssue(String plain) {
    String text =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    assertTrue(FeedCursor.decode(text).isEmpty(), plain);
  }

  @Test
  void refusesNonBase64AndOverlongText() {
    assertTrue(FeedCursor.decode("not base64!").isEmpty());
    assertTrue(FeedCursor.decode("a".repeat(FeedCursor.MAX_LENGTH + 1)).isEmpty());
    assertTrue(FeedCursor.decode(null).isEmpty());
  }

  @Test
  void orderOfPartitionsDoesNotMatter() {
    TreeMap<String, Long> a = new TreeMap<>(Map.of("x#1", 1L, "x#0", 2L));
    assertEquals(new FeedCursor(a).encode(), FeedCursor.START.with(a).encode());
  }
}
