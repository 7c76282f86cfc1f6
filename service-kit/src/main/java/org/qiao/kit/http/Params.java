package org.qiao.kit.http;

import java.util.Locale;
import java.util.UUID;
import org.qiao.kit.problem.ProblemException;

/**
 * Reads query parameters so that a bad value is a 400 naming the parameter (JAX-RS's own conversion
 * would answer 404, as if the resource did not exist).
 */
public final class Params {

  private Params() {}

  public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  public static UUID uuid(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(name, "must be a UUID");
    }
  }

  /** A UUID that must be there (a path segment): blank or malformed is a 400 naming it. */
  public static UUID requiredUuid(String value, String name) {
    UUID id = uuid(value, name);
    if (id == null) {
      throw ProblemException.invalidField(name, "must be a UUID");
    }
    return id;
  }

  /** An optional whole number in [min, max]; null when absent. */
  public static Integer intValue(String value, String name, int min, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.invalidField(name, "must be a whole number from " + min + " to " + max);
  }

  /** An optional ISO date (2027-06-30); null when absent. */
  public static java.time.LocalDate date(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      java.time.LocalDate d = java.time.LocalDate.parse(value.trim());
      if (d.getYear() >= 2000 && d.getYear() <= 2100) {
        return d;
      }
    } catch (java.time.format.DateTimeParseException e) {
      // answered below
    }
    throw ProblemException.invalidField(name, "must be a date between 2000 and 2100 (2027-06-30)");
  }

  /** The page size: {@link Page#DEFAULT_LIMIT} when absent, at most {@link Page#MAX_LIMIT}. */
  public static int limit(String value) {
    if (value == null || value.isBlank()) {
      return Page.DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= Page.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.invalidField("limit", "must be a number from 1 to " + Page.MAX_LIMIT);
  }
}
