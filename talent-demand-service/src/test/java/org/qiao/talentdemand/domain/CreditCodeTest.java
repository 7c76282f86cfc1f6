package org.qiao.talentdemand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

  private static final String[] REAL = {"91350200MA31E12PXF", "913502000728319549"};

  @ParameterizedTest
  @ValueSource(strings = {"91350200MA31E12PXF", "913502000728319549"})
  void acceptsRealCodes(String code) {
    assertNull(CreditCode.problemWith(code));
    assertEquals("350200", new CreditCode(code).divisionCode());
  }

  @Test
  void rejectsEveryOneCharacterChange() {
    String alphabet = org.qiao.kit.codes.CreditCodes.CHARSET + "IOSVZa-";
    int checked = 0;
    for (String code : REAL) {
      for (int i = 0; i < code.length(); i++) {
        for (char c : alphabet.toCharArray()) {
          if (c == code.charAt(i)) {
            continue;
          }
          String changed = code.substring(0, i) + c + code.substring(i + 1);
          assertNotNull(CreditCode.problemWith(changed), () -> changed + " must be rejected");
          checked++;
        }
      }
    }
    assertTrue(checked > 1000, "every position and character was tried");
  }

  @Test
  void rejectsEveryAdjacentSwap() {
    for (String code : REAL) {
      for (int i = 0; i + 1 < code.length(); i++) {
        if (code.charAt(i) == code.charAt(i + 1)) {
          continue;
        }
        String swapped =
            code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
        assertNotNull(CreditCode.problemWith(swapped), () -> swapped + " must be rejected");
      }
    }
  }

  @Test
  void explainsTheLegacyFifteenDigitNumber() {
    assertTrue(CreditCode.problemWith("350200100012345").contains("legacy 15-digit"));
  }

  @Test
  void namesTheFieldAndTheReason() {
    DomainViolation e =
        assertThrows(DomainViolation.class, () -> new CreditCode("91350200MA31E12PX0"));
    assertEquals("creditCode", e.errors().get(0).field());
    assertTrue(e.errors().get(0).message().contains("check character"));
  }

  @Test
  void rejectsWrongLengthUnknownPrefixAndLowerCase() {
    assertTrue(CreditCode.problemWith("91350200MA31E12PX").contains("18 characters"));
    assertTrue(CreditCode.problemWith("99350200MA31E12PXF").contains("do not exist"));
    assertTrue(CreditCode.problemWith("91350200ma31e12pxf").contains("not allowed"));
    assertEquals("is required", CreditCode.problemWith(" "));
  }

  @Test
  void checkCharacterOfGeneratedCodesValidates() {
    String first17 = "91310115MA1K4ABCD";
    String code = first17 + CreditCode.checkCharacter(first17);
    assertNull(CreditCode.problemWith(code));
  }
}
