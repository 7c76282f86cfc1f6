package org.qiao.talentdemand.domain;

import java.util.Map;

/** Province-level names of GB/T 2260 division codes, enough to say where a code was registered. */
public final class Division {

  private static final Map<String, String> PROVINCES =
      Map.ofEntries(
          Map.entry("11", "北京市"),
          Map.entry("12", "天津市"),
          Map.entry("13", "河北省"),
          Map.entry("14", "山西省"),
          Map.entry("15", "内蒙古自治区"),
          Map.entry("21", "辽宁省"),
          Map.entry("22", "吉林省"),
          Map.entry("23", "黑龙江省"),
          Map.entry("31", "上海市"),
          Map.entry("32", "江苏省"),
          Map.entry("33", "浙江省"),
          Map.entry("34", "安徽省"),
          Map.entry("35", "福建省"),
          Map.entry("36", "江西省"),
          Map.entry("37", "山东省"),
          Map.entry("41", "河南省"),
          Map.entry("42", "湖北省"),
          Map.entry("43", "湖南省"),
          Map.entry("44", "广东省"),
          Map.entry("45", "广西壮族自治区"),
          Map.entry("46", "海南省"),
          Map.entry("50", "重庆市"),
          Map.entry("51", "四川省"),
          Map.entry("52", "贵州省"),
          Map.entry("53", "云南省"),
          Map.entry("54", "西藏自治区"),
          Map.entry("61", "陕西省"),
          Map.entry("62", "甘肃省"),
          Map.entry("63", "青海省"),
          Map.entry("64", "宁夏回族自治区"),
          Map.entry("65", "新疆维吾尔自治区"),
          Map.entry("71", "台湾省"),
          Map.entry("81", "香港特别行政区"),
          Map.entry("82", "澳门特别行政区"));

  /** Prefecture-level cities of the largest economies; the rest are named by province only. */
  private static final Map<String, String> CITIES =
      Map.ofEntries(
          Map.entry("1301", "石家庄市"),
          Map.entry("1401", "太原市"),
          Map.entry("2101", "沈阳市"),
          Map.entry("2102", "大连市"),
          Map.entry("2201", "长春市"),
          Map.entry("2301", "哈尔滨市"),
          Map.entry("3201", "南京市"),
          Map.entry("3202", "无锡市"),
          Map.entry("3204", "常州市"),
          Map.entry("3205", "苏州市"),
          Map.entry("3301", "杭州市"),
          Map.entry("3302", "宁波市"),
          Map.entry("3401", "合肥市"),
          Map.entry("3501", "福州市"),
          Map.entry("3502", "厦门市"),
          Map.entry("3601", "南昌市"),
          Map.entry("3701", "济南市"),
          Map.entry("3702", "青岛市"),
          Map.entry("4101", "郑州市"),
          Map.entry("4201", "武汉市"),
          Map.entry("4301", "长沙市"),
          Map.entry("4401", "广州市"),
          Map.entry("4403", "深圳市"),
          Map.entry("4406", "佛山市"),
          Map.entry("4419", "东莞市"),
          Map.entry("4501", "南宁市"),
          Map.entry("4601", "海口市"),
          Map.entry("5101", "成都市"),
          Map.entry("5201", "贵阳市"),
          Map.entry("5301", "昆明市"),
          Map.entry("6101", "西安市"),
          Map.entry("6201", "兰州市"));

  /** Municipalities directly under the central government: the city is the province. */
  private static final java.util.Set<String> MUNICIPALITIES =
      java.util.Set.of("11", "12", "31", "50");

  private Division() {}

  /** The city of a 6-digit division code, or null when this table does not know it. */
  public static String city(String divisionCode) {
    String province = divisionCode.substring(0, 2);
    if (MUNICIPALITIES.contains(province)) {
      return PROVINCES.get(province);
    }
    return CITIES.get(divisionCode.substring(0, 4));
  }

  /**
   * The GB/T 2260 code of a city named as people write it ("上海", "深圳市"), or empty when this table
   * does not know it: a municipality's province code, otherwise the prefecture's.
   */
  public static java.util.Optional<String> codeOfCity(String name) {
    if (name == null || name.isBlank()) {
      return java.util.Optional.empty();
    }
    String bare = bare(name);
    for (String m : MUNICIPALITIES) {
      if (bare(PROVINCES.get(m)).equals(bare)) {
        return java.util.Optional.of(m + "0000");
      }
    }
    return CITIES.entrySet().stream()
        .filter(c -> bare(c.getValue()).equals(bare))
        .map(c -> c.getKey() + "00")
        .findFirst();
  }

  private static String bare(String name) {
    String n = name.strip();
    return n.endsWith("市") ? n.substring(0, n.length() - 1) : n;
  }

  /** The province (or municipality) of a 6-digit division code, or null when unknown. */
  public static String province(String divisionCode) {
    return PROVINCES.get(divisionCode.substring(0, 2));
  }
}
