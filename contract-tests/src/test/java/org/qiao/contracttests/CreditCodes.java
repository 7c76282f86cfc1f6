package org.qiao.contracttests;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid unified social credit codes (GB 32100-2015), so that every run registers a new enterprise.
 */
final class CreditCodes {

  private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCodes() {}

  /** A Shanghai enterprise's code: 9 1 310115, nine random characters, the check character. */
  static String newCode() {
    StringBuilder s = new StringBuilder("91310115");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 9; i++) {
      s.append(CHARSET.charAt(random.nextInt(CHARSET.length())));
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CHARSET.indexOf(s.charAt(i)) * WEIGHTS[i];
    }
    return s.append(CHARSET.charAt((31 - sum % 31) % 31)).toString();
  }
}
