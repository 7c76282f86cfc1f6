package org.qiao.curriculum.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiao.kit.problem.ProblemException;

class InstitutionCodeTest {

  @ParameterizedTest
  @ValueSource(strings = {"4131010246", "4111010001", "4144010559", "4261010888", "4182010001"})
  void realCodesOfHigherEducationAreAccepted(String code) {
    assertNull(InstitutionCode.problemWith(code));
    assertEquals(code, new InstitutionCode(code).value());
  }

  @ParameterizedTest
  @CsvSource({
    "'', is required",
    "413101024, must be 10 digits",
    "41310102460, must be 10 digits",
    "41310I0246, must be 10 digits",
    "３１３１０１０２４６, must be 10 digits",
    "3131010246, must start with the higher-education category 41 or 42",
    "4331010246, must start with the higher-education category 41 or 42",
    "4191010246, digits 3-4 ('91') are not a provincial division code",
    "4100010246, digits 3-4 ('00') are not a provincial division code",
    "4131110246, digit 5 must be 0"
  })
  void malformedCodesAreRefusedWithTheReason(String code, String reason) {
    String problem = InstitutionCode.problemWith(code);
    assertTrue(problem != null && problem.startsWith(reason), code + " -> " + problem);
    ProblemException e = assertThrows(ProblemException.class, () -> new InstitutionCode(code));
    assertEquals(400, e.status());
    assertEquals("institutionCode", e.errors().get(0).field());
  }

  @ParameterizedTest
  @CsvSource({"4131010246, 31", "4111010001, 11", "4165010755, 65"})
  void theProvinceIsReadFromDigitsThreeAndFour(String code, String province) {
    assertEquals(province, new InstitutionCode(code).provinceCode());
  }
}
