package org.qiao.curriculum.domain;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.qiao.kit.codes.CreditCodes;
import org.qiao.kit.codes.DivisionCodes;
import org.qiao.kit.problem.Rules;

/**
 * Where a graduate went (毕业去向): the employer by credit code and name, the occupation (职业分类大典),
 * where the job is (GB/T 2260), and when it starts. Each field is checked; a bad one is a 400
 * naming it.
 */
public record Destination(
    String employerCreditCode,
    String employerName,
    String occupationCode,
    String divisionCode,
    LocalDate startDate) {

  private static final Pattern OCCUPATION = Pattern.compile("[1-8]-\\d{2}-\\d{2}-\\d{2}");

  public Destination {
    String creditProblem = CreditCodes.problemWith(employerCreditCode);
    if (creditProblem != null) {
      throw Rules.invalid("employerCreditCode", creditProblem);
    }
    employerName = Rules.required("employerName", employerName);
    if (employerName.length() > 200) {
      throw Rules.invalid("employerName", "must be at most 200 characters");
    }
    if (occupationCode == null || !OCCUPATION.matcher(occupationCode).matches()) {
      throw Rules.invalid("occupationCode", "must be an occupation code like 2-02-10-01 (职业分类大典)");
    }
    String divisionProblem = DivisionCodes.problemWith(divisionCode);
    if (divisionProblem != null) {
      throw Rules.invalid("divisionCode", divisionProblem);
    }
    if (startDate == null) {
      throw Rules.invalid("startDate", "is required");
    }
    if (startDate.getYear() < 2000 || startDate.getYear() > 2100) {
      throw Rules.invalid("startDate", "must be a date between 2000 and 2100");
    }
  }
}
