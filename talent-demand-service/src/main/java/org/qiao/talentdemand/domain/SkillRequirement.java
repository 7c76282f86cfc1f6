package org.qiao.talentdemand.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A skill asked for: essential skills are requirements, optional ones a bonus (as in ESCO); level
 * 1–5 says how much of it.
 */
public record SkillRequirement(String name, boolean essential, int level) {

  public SkillRequirement {
    if (name == null || name.isBlank()) {
      throw new DomainViolation("skills.name", "must not be blank");
    }
    if (level < 1 || level > 5) {
      throw new DomainViolation("skills.level", "must be between 1 and 5");
    }
    name = name.strip();
  }

  /** A skill list without the same skill twice (names compared case-insensitively). */
  public static List<SkillRequirement> distinct(List<SkillRequirement> skills) {
    if (skills == null) {
      return List.of();
    }
    Set<String> seen = new HashSet<>();
    for (SkillRequirement s : skills) {
      if (!seen.add(s.name().toLowerCase(Locale.ROOT))) {
        throw new DomainViolation("skills", "names '" + s.name() + "' twice");
      }
    }
    return List.copyOf(skills);
  }
}
