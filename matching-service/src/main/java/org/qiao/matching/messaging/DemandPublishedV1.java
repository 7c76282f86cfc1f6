package org.qiao.matching.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Matching's reading of {@code qiao.demand.published.v1}: only the fields it uses, unknown ones
 * ignored, as the contract allows producers to add fields.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DemandPublishedV1(
    UUID demandId,
    String enterpriseId,
    String title,
    String occupationCode,
    List<String> majorCodes,
    List<Skill> skills,
    int headcount,
    String city,
    LocalDate validThrough,
    String status,
    long version,
    Instant publishedAt) {

  public static final String TYPE = "qiao.demand.published.v1";

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Skill(String name, boolean essential, int level) {}
}
