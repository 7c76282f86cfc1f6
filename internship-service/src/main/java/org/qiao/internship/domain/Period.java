package org.qiao.internship.domain;

import java.time.LocalDate;
import org.qiao.kit.problem.Rules;

/** Days from {@code from} to {@code to}, both included: what a report covers. */
public record Period(LocalDate from, LocalDate to) {

  /** Reports cover at most about ten years: a bound on what one query scans. */
  public static final int MAX_DAYS = 3660;

  public Period {
    if (from == null) {
      throw Rules.invalid("from", "is required");
    }
    if (to == null) {
      throw Rules.invalid("to", "is required");
    }
    if (to.isBefore(from)) {
      throw Rules.invalid("to", "must not be before from");
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      throw Rules.invalid("to", "must be within " + MAX_DAYS + " days of from");
    }
  }
}
