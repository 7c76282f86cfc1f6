package org.qiao.talentdemand.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data: a valid demand body, changed only where a test says so. */
public final class DemandRequestBuilder {

  private final Map<String, Object> body = new LinkedHashMap<>();

  private DemandRequestBuilder() {
    body.put("title", "集成电路版图设计工程师");
    body.put("occupationCode", "2-02-10-03");
    body.put("majorCodes", List.of("080901", "080704"));
    body.put(
        "skills",
        new ArrayList<>(
            List.of(
                Map.of("name", "Verilog", "essential", true, "level", 4),
                Map.of("name", "Python", "essential", false, "level", 2))));
    body.put("headcount", 3);
    body.put("city", "上海");
    body.put("validThrough", "2099-06-30");
  }

  public static DemandRequestBuilder aDemand() {
    return new DemandRequestBuilder();
  }

  public DemandRequestBuilder with(String field, Object value) {
    body.put(field, value);
    return this;
  }

  public DemandRequestBuilder without(String field) {
    body.remove(field);
    return this;
  }

  public Map<String, Object> build() {
    return body;
  }
}
