package org.qiao.talentdemand.domain;

import java.time.LocalDate;
import org.qiao.kit.codes.DivisionCodes;

/**
 * An offer (录用通知): monthly salary range in CNY, start date, the date the student answers by, and
 * where the job is (a GB/T 2260 county-level division code). Validates itself against the day it is
 * made ({@code today}, China time).
 */
public record Offer(
    int salaryMin, int salaryMax, LocalDate startDate, LocalDate answerBy, String divisionCode) {

  /** The most days a student may be given to answer: an offer is not an option held forever. */
  public static final int MAX_ANSWER_DAYS = 60;

  public static Offer of(
      Integer salaryMin,
      Integer salaryMax,
      LocalDate startDate,
      LocalDate answerBy,
      String divisionCode,
      LocalDate today) {
    if (salaryMin == null || salaryMin <= 0) {
      throw new DomainViolation("salaryMin", "must be a positive monthly salary in CNY");
    }
    if (salaryMax == null || salaryMax < salaryMin) {
      throw new DomainViolation("salaryMax", "must be at least salaryMin");
    }
    if (salaryMax > 1_000_000) {
      throw new DomainViolation("salaryMax", "must be at most 1000000");
    }
    CalendarDate.plausible("startDate", startDate);
    CalendarDate.plausible("answerBy", answerBy);
    if (answerBy == null || answerBy.isBefore(today)) {
      throw new DomainViolation("answerBy", "must be today or later");
    }
    if (answerBy.isAfter(today.plusDays(MAX_ANSWER_DAYS))) {
      throw new DomainViolation("answerBy", "must be at most " + MAX_ANSWER_DAYS + " days away");
    }
    if (startDate == null || startDate.isBefore(answerBy)) {
      throw new DomainViolation("startDate", "must be on or after answerBy");
    }
    String placeProblem = DivisionCodes.problemWith(divisionCode);
    if (placeProblem != null) {
      throw new DomainViolation("divisionCode", placeProblem);
    }
    return new Offer(salaryMin, salaryMax, startDate, answerBy, divisionCode);
  }

  /** The band of the range's midpoint, as placements report it (never the figure). */
  public String salaryBand() {
    long mid = ((long) salaryMin + salaryMax) / 2;
    if (mid < 5_000) {
      return "UNDER_5000";
    } else if (mid < 8_000) {
      return "FROM_5000_TO_7999";
    } else if (mid < 12_000) {
      return "FROM_8000_TO_11999";
    } else if (mid < 20_000) {
      return "FROM_12000_TO_19999";
    }
    return "FROM_20000";
  }
}
