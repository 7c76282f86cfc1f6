package org.qiao.kit.testing;

import java.util.concurrent.ThreadLocalRandom;
import org.qiao.kit.codes.CreditCodes;

/** Fresh, valid official codes for test organisations, so tests never share an organisation. */
public final class TestCodes {

  private TestCodes() {}

  /** A new valid credit code of a Shanghai enterprise (9 1 310115 + random + check character). */
  public static String newCreditCode() {
    StringBuilder s = new StringBuilder("91310115");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 9; i++) {
      s.append(CreditCodes.CHARSET.charAt(random.nextInt(CreditCodes.CHARSET.length())));
    }
    return s.append(CreditCodes.checkCharacter(s.toString())).toString();
  }

  /**
   * A new institution code (学校标识码) of a Shanghai university: category 41, province 31, then 0 and a
   * random five-digit school number.
   */
  public static String newInstitutionCode() {
    return "41310" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
  }

  /** A new pseudonymous id of a student, of the form curriculum-service issues (ADR 0009). */
  public static String newPseudonym() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    StringBuilder id = new StringBuilder("s");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 26; i++) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
