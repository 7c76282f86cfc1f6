package org.qiao.matching.domain.ranking;

import java.util.List;
import java.util.Set;

/**
 * A demand as ranking reads it. Hard constraints: minimum degree (null = any), cities (empty = any;
 * a student passes when one of their preferred cities is listed or they prefer none) and graduation
 * year (null = any). Skill keys as in {@link Profile}; an essential skill listed twice counts once,
 * and a skill both essential and optional is essential.
 */
public record DemandCriteria(
    List<String> essentialSkills,
    List<String> optionalSkills,
    List<String> majorCodes,
    Degree minimumDegree,
    Set<String> cities,
    Integer graduationYear) {

  public DemandCriteria {
    essentialSkills = List.copyOf(essentialSkills.stream().distinct().toList());
    List<String> essential = essentialSkills;
    optionalSkills =
        List.copyOf(
            optionalSkills.stream().distinct().filter(s -> !essential.contains(s)).toList());
    majorCodes = List.copyOf(majorCodes);
    cities = Set.copyOf(cities);
  }

  public int maxPoints() {
    return MatchScoring.maxPoints(
        essentialSkills.size(), optionalSkills.size(), !majorCodes.isEmpty());
  }
}
