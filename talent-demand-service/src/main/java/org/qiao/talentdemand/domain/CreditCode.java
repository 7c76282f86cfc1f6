package org.qiao.talentdemand.domain;

import org.qiao.kit.codes.CreditCodes;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character set, a
 * registration authority and organisation type, the administrative division, the organisation code,
 * and a check character over the first 17.
 */
public record CreditCode(String value) {

  public static final String FIELD = "creditCode";

  public CreditCode {
    String problem = CreditCodes.problemWith(value);
    if (problem != null) {
      throw new DomainViolation(FIELD, problem);
    }
  }

  /** Why the text is not a valid credit code, or null when it is. */
  public static String problemWith(String text) {
    return CreditCodes.problemWith(text);
  }

  /** The check character (position 18) of the first 17 characters. */
  public static char checkCharacter(String first17) {
    return CreditCodes.checkCharacter(first17);
  }

  /** The GB/T 2260 administrative division of registration (positions 3–8). */
  public String divisionCode() {
    return value.substring(2, 8);
  }

  @Override
  public String toString() {
    return value;
  }
}
