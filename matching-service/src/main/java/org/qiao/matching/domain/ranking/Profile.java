package org.qiao.matching.domain.ranking;

import java.util.HashSet;
import java.util.Set;

/**
 * What ranking knows of one consented student, under the pseudonymous id. Skills are skill keys (a
 * vocabulary code, or {@code "~" + SkillText.key(name)} for a name the vocabulary does not know); a
 * verified skill is also held. No preferred city means any city.
 */
public record Profile(
    String studentId,
    String institutionCode,
    String majorCode,
    Degree degree,
    int graduationYear,
    Set<String> cities,
    Set<String> skills,
    Set<String> verifiedSkills) {

  public Profile {
    cities = Set.copyOf(cities);
    verifiedSkills = Set.copyOf(verifiedSkills);
    Set<String> held = new HashSet<>(skills);
    held.addAll(verifiedSkills);
    skills = Set.copyOf(held);
  }
}
