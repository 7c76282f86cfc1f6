package org.qiao.curriculum.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.qiao.kit.problem.Rules;

/** A skill taught or held, with a level 1–5. Names compare case-insensitively. */
public record SkillLevel(String name, int level) {

  public SkillLevel {
    name = Rules.required("skills.name", name);
    Rules.between("skills.level", level, 1, 5);
  }

  public String key() {
    return key(name);
  }

  public static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /** The list without the same skill twice. */
  public static List<SkillLevel> distinct(String field, List<SkillLevel> skills) {
    if (skills == null) {
      return List.of();
    }
    Set<String> seen = new HashSet<>();
    List<SkillLevel> out = new ArrayList<>();
    for (SkillLevel s : skills) {
      if (s == null) {
        throw Rules.invalid(field, "must not contain null");
      }
      if (!seen.add(s.key())) {
        throw Rules.invalid(field, "names '" + s.name() + "' twice");
      }
      out.add(s);
    }
    return List.copyOf(out);
  }
}
