package org.qiao.kit.problem;

import java.util.List;

/** The two ways a domain rule refuses: a bad value (400 naming the field) or a bad move (409). */
public final class Rules {

  private Rules() {}

  public static ProblemException invalid(String field, String message) {
    return ProblemException.invalidField(field, message);
  }

  public static ProblemException illegal(String detail) {
    return new ProblemException(409, "illegal-transition", "Conflict", detail, List.of());
  }

  public static String required(String field, String text) {
    if (text == null || text.isBlank()) {
      throw invalid(field, "is required");
    }
    return text.strip();
  }

  public static String optional(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  public static int between(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(field, "must be between " + min + " and " + max);
    }
    return value;
  }
}
