package org.qiao.matching.domain.ranking;

import java.util.Set;

/**
 * What a ranking shows of a student beside the explanation, under the pseudonymous id: read from
 * the index, so showing a top costs no database read per student (and no skills are decoded).
 */
public record StudentCard(
    String studentId,
    String institutionCode,
    String majorCode,
    Degree degree,
    int graduationYear,
    Set<String> cities) {

  public StudentCard {
    cities = Set.copyOf(cities);
  }
}
