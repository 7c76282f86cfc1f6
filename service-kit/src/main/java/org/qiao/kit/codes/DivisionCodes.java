package org.qiao.kit.codes;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * GB/T 2260 administrative division codes (six digits: province, prefecture, county): where an
 * organisation is registered or an internship takes place, as a code rather than a typed name.
 */
public final class DivisionCodes {

  /** Province-level prefixes, including Taiwan (71), Hong Kong (81) and Macao (82). */
  public static final Set<String> PROVINCES =
      Set.of(
          "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65", "71", "81", "82");

  /** Beijing, Tianjin, Shanghai, Chongqing: the province is the city. */
  private static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");

  /**
   * City names people type, each naming exactly one city-level code: the municipalities, Hong Kong
   * and Macao, the provincial capitals and the larger prefecture-level cities. A name several
   * divisions share (朝阳, 吉安县/吉安市 …) is deliberately absent; every other city is given by its code.
   */
  private static final Map<String, String> CITY_NAMES = buildCityNames();

  private DivisionCodes() {}

  /**
   * The city-level code of a place given as a division code (any level: 310115 → 310000) or as one
   * of the known city names (上海, 上海市 → 310000); null when it is neither.
   */
  public static String cityCode(String codeOrName) {
    if (codeOrName == null) {
      return null;
    }
    String s = codeOrName.strip();
    if (problemWith(s) == null) {
      return city(s);
    }
    String name = s.endsWith("市") && s.length() > 2 ? s.substring(0, s.length() - 1) : s;
    return CITY_NAMES.get(name);
  }

  /** The known city names and their codes (for documentation and data migrations). */
  public static Map<String, String> cityNames() {
    return CITY_NAMES;
  }

  private static Map<String, String> buildCityNames() {
    String[] pairs = {
      "北京", "110000", "天津", "120000", "上海", "310000", "重庆", "500000", "香港", "810000", "澳门",
      "820000", "石家庄", "130100", "唐山", "130200", "太原", "140100", "呼和浩特", "150100", "沈阳", "210100",
      "大连", "210200", "长春", "220100", "哈尔滨", "230100", "南京", "320100", "无锡", "320200", "徐州",
      "320300", "常州", "320400", "苏州", "320500", "南通", "320600", "杭州", "330100", "宁波", "330200",
      "温州", "330300", "合肥", "340100", "福州", "350100", "厦门", "350200", "泉州", "350500", "南昌",
      "360100", "济南", "370100", "青岛", "370200", "烟台", "370600", "潍坊", "370700", "郑州", "410100",
      "洛阳", "410300", "武汉", "420100", "长沙", "430100", "广州", "440100", "深圳", "440300", "珠海",
      "440400", "佛山", "440600", "东莞", "441900", "南宁", "450100", "海口", "460100", "成都", "510100",
      "贵阳", "520100", "昆明", "530100", "拉萨", "540100", "西安", "610100", "兰州", "620100", "西宁",
      "630100", "银川", "640100", "乌鲁木齐", "650100"
    };
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      names.put(pairs[i], pairs[i + 1]);
    }
    return Map.copyOf(names);
  }

  public static boolean isProvince(String twoDigits) {
    return PROVINCES.contains(twoDigits);
  }

  /** Why the text is not a six-digit division code, or null. */
  public static String problemWith(String code) {
    if (code == null || !code.matches("\\d{6}")) {
      return "must be a six-digit GB/T 2260 division code, such as 310115";
    }
    if (!isProvince(code.substring(0, 2))) {
      return "does not start with a province code (its first two digits)";
    }
    return null;
  }

  /**
   * The city-level code of a division: the municipality (310000) for Beijing, Tianjin, Shanghai and
   * Chongqing, else the prefecture (320500 for any county of Suzhou).
   */
  public static String city(String code) {
    String province = code.substring(0, 2);
    return MUNICIPALITIES.contains(province) ? province + "0000" : code.substring(0, 4) + "00";
  }
}
