package org.qiao.internship.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.qiao.kit.problem.Rules;

/** One goal of an internship's plan and the skills it trains. */
public record Goal(String description, List<String> skills) {

  public Goal {
    description = Rules.required("goals.description", description);
    if (skills == null || skills.isEmpty()) {
      throw Rules.invalid("goals.skills", "name at least one skill the goal trains");
    }
    List<String> clean = new ArrayList<>();
    for (String s : skills) {
      clean.add(Rules.required("goals.skills", s));
    }
    skills = List.copyOf(clean);
  }

  /** Every skill of the plan once, in plan order, compared case-insensitively. */
  public static List<String> plannedSkills(List<Goal> goals) {
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (Goal g : goals) {
      for (String s : g.skills()) {
        if (seen.add(key(s))) {
          out.add(s);
        }
      }
    }
    return out;
  }

  public static String key(String skill) {
    return skill.strip().toLowerCase(Locale.ROOT);
  }
}
