package org.qiao.portal.i18n;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The portal's words in Chinese (default) and English: {@code texts/zh.properties} and {@code
 * texts/en.properties}, UTF-8. Templates write {@code {t:key}}, or {@code {tf:fmt('key', arg)}} for
 * a text with an argument; the language is the template instance's locale. Dates and times are
 * shown in China time.
 */
public final class Texts {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final Map<String, Properties> BUNDLES =
      Map.of("zh", load("texts/zh.properties"), "en", load("texts/en.properties"));
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private Texts() {}

  /** The text for a key; a missing key shows itself in brackets (a test checks there are none). */
  public static String text(String key, Locale locale) {
    Properties p = BUNDLES.get(language(locale));
    String v = p.getProperty(key);
    return v != null ? v : "[" + key + "]";
  }

  public static String format(String key, Locale locale, Object... args) {
    return new MessageFormat(text(key, locale), locale).format(args);
  }

  public static Set<String> keys(String language) {
    return BUNDLES.get(language).stringPropertyNames();
  }

  static String language(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? "en" : "zh";
  }

  @TemplateExtension(namespace = "t", matchName = TemplateExtension.ANY)
  static String t(
      String key, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
    return text(key, toLocale(locale));
  }

  /** A text whose key is computed, e.g. from an enum. */
  @TemplateExtension(namespace = "tf")
  static String key(
      String key, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
    return text(key, toLocale(locale));
  }

  /** A text whose key is a prefix and a value, e.g. {@code tf:k('degree_', d.value)}. */
  @TemplateExtension(namespace = "tf")
  static String k(
      String prefix,
      Object value,
      @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
    return text(prefix + value, toLocale(locale));
  }

  @TemplateExtension(namespace = "tf")
  static String fmt(
      String key,
      Object arg,
      @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
    return format(key, toLocale(locale), arg);
  }

  @TemplateExtension(namespace = "tf")
  static String fmt2(
      String key,
      Object a,
      Object b,
      @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
    return format(key, toLocale(locale), a, b);
  }

  /** A fresh random id, e.g. an Idempotency-Key for a form rendered in a list. */
  @TemplateExtension(namespace = "uuid")
  static String random() {
    return java.util.UUID.randomUUID().toString();
  }

  /** An instant in China time, e.g. {@code 2026-12-03 18:05}. */
  @TemplateExtension(namespace = "d")
  static String time(Object value) {
    if (value instanceof OffsetDateTime t) {
      return DATE_TIME.format(t.atZoneSameInstant(CHINA));
    }
    if (value instanceof Instant t) {
      return DATE_TIME.format(t.atZone(CHINA));
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    return value == null ? "" : value.toString();
  }

  private static Locale toLocale(Object locale) {
    if (locale instanceof Locale l) {
      return l;
    }
    return locale == null ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(locale.toString());
  }

  private static Properties load(String resource) {
    Properties p = new Properties();
    try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
