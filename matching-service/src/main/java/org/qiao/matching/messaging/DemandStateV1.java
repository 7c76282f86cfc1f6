package org.qiao.matching.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Matching's reading of the demand state every {@code qiao.demand.*.v1} event carries: only the
 * fields it uses; unknown ones are ignored, as the contract allows producers to add fields.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DemandStateV1(
    UUID demandId,
    Enterprise enterprise,
    String title,
    String occupationCode,
    List<String> majorCodes,
    String minimumDegree,
    List<Skill> skills,
    int headcount,
    int filledCount,
    String city,
    LocalDate validThrough,
    String status,
    long version,
    Instant publishedAt) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Enterprise(UUID id, String creditCode, String name, String sizeClass) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Skill(String name, boolean essential, int level) {}
}
