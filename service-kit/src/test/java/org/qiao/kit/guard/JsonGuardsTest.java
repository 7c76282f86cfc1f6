package org.qiao.kit.guard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qiao.kit.problem.UnsafeTextException;

class JsonGuardsTest {

  private final ObjectMapper mapper = guarded();

  private static ObjectMapper guarded() {
    ObjectMapper m = new ObjectMapper().findAndRegisterModules();
    new JsonGuards().customize(m);
    return m;
  }

  @Test
  void untypedJsonDeeperThanTheLimitIsRefusedBeforeItIsBuilt() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThrows(StreamConstraintsException.class, () -> mapper.readTree(deep));
    String allowed = "[".repeat(32) + "]".repeat(32);
    assertEquals(32, depth(mapperRead(allowed)));
    String oneTooDeep = "[".repeat(33) + "]".repeat(33);
    assertThrows(StreamConstraintsException.class, () -> mapper.readTree(oneTooDeep));
  }

  @Test
  void stringsInsideCollectionsAndMapsAreCheckedToo() {
    var e =
        assertThrows(
            UnsafeTextException.class,
            () ->
                mapper.readValue(
                    "[\"ok\",\"\\u0000\"]",
                    mapper.getTypeFactory().constructCollectionType(List.class, String.class)));
    assertEquals("must not contain U+0000 (NUL)", e.reason());
    assertThrows(
        UnsafeTextException.class,
        () ->
            mapper.readValue(
                "{\"a\":\"\\udfff\"}",
                mapper.getTypeFactory().constructMapType(Map.class, String.class, String.class)));
  }

  record Typed(String text, Integer count, Boolean flag) {}

  @Test
  void noJsonTypeIsCoercedIntoAnother() {
    assertThrows(Exception.class, () -> mapper.readValue("{\"text\":12}", Typed.class));
    assertThrows(Exception.class, () -> mapper.readValue("{\"text\":true}", Typed.class));
    assertThrows(Exception.class, () -> mapper.readValue("{\"count\":\"12\"}", Typed.class));
    assertThrows(Exception.class, () -> mapper.readValue("{\"count\":1.5}", Typed.class));
    assertThrows(Exception.class, () -> mapper.readValue("{\"flag\":\"true\"}", Typed.class));
    assertEquals(
        new Typed("12", 12, true),
        assertDoesNotThrow(
            () -> mapper.readValue("{\"text\":\"12\",\"count\":12,\"flag\":true}", Typed.class)));
  }

  enum Kind {
    FULL_TIME
  }

  record Dated(java.time.LocalDate day, Kind kind, java.util.UUID id) {}

  record Timed(java.time.Instant at, java.time.LocalDate day) {}

  @Test
  void aDateOrTimeIsAStringNeverANumberOrArray() {
    for (String json :
        List.of(
            "{\"at\":1700000000}",
            "{\"at\":1700000000.5}",
            "{\"day\":19000}",
            "{\"day\":[2027,6,30]}")) {
      var e =
          assertThrows(
              com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
              () -> mapper.readValue(json, Timed.class),
              json);
      assertEquals(json.substring(2, json.indexOf('"', 2)), e.getPath().get(0).getFieldName());
    }
    assertEquals(
        new Timed(java.time.Instant.parse("2027-06-30T01:00:00Z"), null),
        assertDoesNotThrow(
            () -> mapper.readValue("{\"at\":\"2027-06-30T01:00:00Z\",\"day\":null}", Timed.class)));
  }

  @Test
  void valuesParsedFromStringsAreCheckedBeforeTheirParserTrimsThem() {
    // LocalDate's own parser would trim the NUL away and accept the date.
    var e =
        assertThrows(
            UnsafeTextException.class,
            () -> mapper.readValue("{\"day\":\"2027-06-30\\u0000\"}", Dated.class));
    assertEquals("day", e.getPath().get(0).getFieldName());
    assertThrows(
        UnsafeTextException.class,
        () -> mapper.readValue("{\"kind\":\"FULL_TIME\\u0000\"}", Dated.class));
    assertEquals(
        new Dated(java.time.LocalDate.of(2027, 6, 30), Kind.FULL_TIME, null),
        assertDoesNotThrow(
            () ->
                mapper.readValue("{\"day\":\"2027-06-30\",\"kind\":\"FULL_TIME\"}", Dated.class)));
  }

  @Test
  void trailingTokensAreNotADocument() {
    assertThrows(Exception.class, () -> mapper.readValue("{\"text\":\"a\"} x", Typed.class));
  }

  @Test
  void safeTextNamesEachKindOfProblem() {
    assertNull(SafeText.problem("集成电路 \uD842\uDFB7 tab\tok"));
    assertEquals("must not contain U+0000 (NUL)", SafeText.problem("a\u0000"));
    assertEquals("must not contain an unpaired UTF-16 surrogate", SafeText.problem("\uD800x"));
    assertEquals("must not contain an unpaired UTF-16 surrogate", SafeText.problem("x\uDC00"));
    assertEquals("must not contain an unpaired UTF-16 surrogate", SafeText.problem("\uD800"));
  }

  private JsonNode mapperRead(String json) {
    try {
      return mapper.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static int depth(JsonNode node) {
    return node.isEmpty() ? 1 : 1 + depth(node.get(0));
  }
}
