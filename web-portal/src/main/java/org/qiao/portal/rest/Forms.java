package org.qiao.portal.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a person typed, kept exactly so a form shown again after a validation error loses nothing;
 * and the conversions the pages need, which never throw (a wrong number is the API's to name).
 */
public final class Forms {

  private Forms() {}

  /** The form's first values by name, as typed (trimmed of surrounding blanks only). */
  public static Map<String, String> typed(MultivaluedMap<String, String> form) {
    Map<String, String> typed = new LinkedHashMap<>();
    if (form != null) {
      form.forEach((k, v) -> typed.put(k, v == null || v.isEmpty() ? "" : v.get(0).strip()));
    }
    return typed;
  }

  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A whole number, or null when empty or not a number (the API then names the field). */
  public static Integer integer(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Words typed into one input, split at blanks, commas and semicolons (Chinese ones too). */
  public static java.util.List<String> words(String s) {
    java.util.List<String> words = new java.util.ArrayList<>();
    if (s != null) {
      for (String w : s.split("[\\s,，、;；]+")) {
        if (!w.isBlank()) {
          words.add(w);
        }
      }
    }
    return words;
  }

  /** A date as typed (yyyy-MM-dd), or null when empty or not a date (the API names the field). */
  public static java.time.LocalDate date(String s) {
    try {
      return s == null || s.isBlank() ? null : java.time.LocalDate.parse(s.strip());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** A fresh Idempotency-Key for a form: sent back with it, so a repeated submit creates once. */
  public static String idempotencyKey(Map<String, String> typed) {
    String k = typed.get("idempotencyKey");
    if (k != null) {
      try {
        return UUID.fromString(k).toString();
      } catch (IllegalArgumentException e) {
        // not one of ours: a new one
      }
    }
    return UUID.randomUUID().toString();
  }
}
