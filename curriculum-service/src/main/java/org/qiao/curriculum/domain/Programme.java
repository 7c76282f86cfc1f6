package org.qiao.curriculum.domain;

import java.util.regex.Pattern;
import org.qiao.kit.problem.Rules;

/**
 * What makes a training provider's plan a short programme (AI+ retraining such as 人工智能训练师,
 * mid-career transition): the occupation it trains for, its certificate, who may enrol, and cost.
 */
public record Programme(
    String occupationCode,
    int hours,
    String certificateName,
    String eligibility,
    Integer feeYuan,
    boolean free,
    int seats) {

  private static final Pattern OCCUPATION = Pattern.compile("[1-8]-\\d{2}-\\d{2}-\\d{2}");

  public Programme {
    if (occupationCode == null || !OCCUPATION.matcher(occupationCode).matches()) {
      throw Rules.invalid(
          "programme.occupationCode", "must be an occupation code like 4-04-05-05 (职业分类大典)");
    }
    Rules.between("programme.hours", hours, 1, 5000);
    certificateName = Rules.optional(certificateName);
    eligibility = Rules.optional(eligibility);
    if (feeYuan != null && feeYuan < 0) {
      throw Rules.invalid("programme.feeYuan", "must not be negative (0 or absent: free)");
    }
    Rules.between("programme.seats", seats, 1, 100_000);
    // Derived, and stated with the terms so readers need not know that 0 and absent both mean free.
    free = feeYuan == null || feeYuan == 0;
  }

  public Programme(
      String occupationCode,
      int hours,
      String certificateName,
      String eligibility,
      Integer feeYuan,
      int seats) {
    this(occupationCode, hours, certificateName, eligibility, feeYuan, true, seats);
  }
}
