package org.qiao.kit.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class DivisionCodesTest {

  @Test
  void aCityIsItsCityLevelCodeWhetherGivenAsCodeOrKnownName() {
    assertEquals("310000", DivisionCodes.cityCode("310115"));
    assertEquals("320500", DivisionCodes.cityCode(" 320506 "));
    assertEquals("310000", DivisionCodes.cityCode("上海"));
    assertEquals("310000", DivisionCodes.cityCode("上海市"));
    assertEquals("320500", DivisionCodes.cityCode("苏州市"));
  }

  @Test
  void anythingElseIsNoCity() {
    assertNull(DivisionCodes.cityCode("我家楼下的小卖部"));
    assertNull(DivisionCodes.cityCode("朝阳"));
    assertNull(DivisionCodes.cityCode("990000"));
    assertNull(DivisionCodes.cityCode("31011"));
    assertNull(DivisionCodes.cityCode("市"));
    assertNull(DivisionCodes.cityCode(null));
  }

  @Test
  void everyKnownNameNamesOneValidCityCode() {
    var codes = new HashSet<String>();
    DivisionCodes.cityNames()
        .forEach(
            (name, code) -> {
              assertNull(DivisionCodes.problemWith(code), name);
              assertEquals(code, DivisionCodes.city(code), name);
              codes.add(code);
            });
    assertEquals(DivisionCodes.cityNames().size(), codes.size(), "no two names share a code");
  }
}
