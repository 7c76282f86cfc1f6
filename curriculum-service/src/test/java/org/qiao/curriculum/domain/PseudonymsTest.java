package org.qiao.curriculum.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

  private static String key(char c) {
    return Base64.getEncoder().encodeToString(String.valueOf(c).repeat(32).getBytes());
  }

  private final Pseudonyms k1 = new Pseudonyms("k1", Map.of("k1", key('a')));

  @Test
  void isStableForAStudentAndLooksLikeNeitherNumberNorCode() {
    Pseudonym p = k1.of("4131010246", "2022011234");
    assertEquals(p, k1.of("4131010246", "2022011234"));
    assertEquals("k1", p.keyId());
    assertTrue(p.id().matches("s[a-z2-7]{26}"), p.id());
    assertTrue(!p.id().contains("2022011234") && !p.id().contains("4131010246"));
  }

  @Test
  void differsByStudentByInstitutionAndByKey() {
    String id = k1.of("4131010246", "2022011234").id();
    assertNotEquals(id, k1.of("4131010246", "2022011235").id());
    assertNotEquals(id, k1.of("4131010247", "2022011234").id());
    assertNotEquals(
        id, new Pseudonyms("k2", Map.of("k2", key('b'))).of("4131010246", "2022011234").id());
  }

  @Test
  void afterRotationNewIdsUseTheNewKeyAndEveryKeyIsStillKnown() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("k1", key('a'));
    keys.put("k2", key('b'));
    Pseudonyms rotated = new Pseudonyms("k2", keys);
    String old = k1.of("4131010246", "2022011234").id();
    assertEquals("k2", rotated.of("4131010246", "2022011234").keyId());
    var everyKey = rotated.underEveryKey("4131010246", "2022011234");
    assertTrue(everyKey.stream().map(Pseudonym::id).toList().contains(old));
    assertEquals(rotated.of("4131010246", "2022011234"), rotated.current(everyKey));
  }

  @Test
  void refusesShortOrMissingKeys() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThrows(IllegalArgumentException.class, () -> new Pseudonyms("k", Map.of("k", shortKey)));
    assertThrows(
        IllegalArgumentException.class, () -> new Pseudonyms("k9", Map.of("k1", key('a'))));
  }
}
