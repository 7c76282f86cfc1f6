package org.qiao.portal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text a template names exists in Chinese and in English, and the two bundles agree. */
class TextsTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");

  @Test
  void bothLanguagesHaveTheSameKeys() {
    assertEquals(Texts.keys("zh"), Texts.keys("en"));
  }

  @Test
  void everyKeyATemplateNamesExistsAndEveryPatternParses() throws IOException {
    Set<String> missing = new TreeSet<>();
    Pattern plain = Pattern.compile("\\{t:([A-Za-z0-9_]+)\\}|=t:([A-Za-z0-9_]+)");
    Pattern literal = Pattern.compile("tf:(?:fmt2?|key)\\('([A-Za-z0-9_]+)'");
    Pattern prefix = Pattern.compile("tf:k\\('([A-Za-z0-9_]+)'");
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        String s = Files.readString(f);
        for (Matcher m = plain.matcher(s); m.find(); ) {
          String key = m.group(1) != null ? m.group(1) : m.group(2);
          if (!Texts.keys("zh").contains(key)) {
            missing.add(f.getFileName() + ": " + key);
          }
        }
        for (Matcher m = literal.matcher(s); m.find(); ) {
          if (!Texts.keys("zh").contains(m.group(1))) {
            missing.add(f.getFileName() + ": " + m.group(1));
          }
        }
        for (Matcher m = prefix.matcher(s); m.find(); ) {
          String p = m.group(1);
          if (Texts.keys("zh").stream().noneMatch(k -> k.startsWith(p))) {
            missing.add(f.getFileName() + ": " + p + "*");
          }
        }
      }
    }
    assertTrue(missing.isEmpty(), "texts missing: " + missing);
    for (String key : Texts.keys("zh")) {
      for (Locale l : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
        new MessageFormat(Texts.text(key, l), l);
      }
    }
  }

  @Test
  void aMissingKeyShowsItselfAndChineseIsTheDefault() {
    assertEquals("[noSuchKey]", Texts.text("noSuchKey", Locale.ENGLISH));
    assertEquals("登录", Texts.text("signIn", Locale.GERMAN));
    assertEquals("Sign in", Texts.text("signIn", Locale.ENGLISH));
    assertEquals("2 of 3 rows read", Texts.format("rowsOf", Locale.ENGLISH, 2, 3));
  }
}
