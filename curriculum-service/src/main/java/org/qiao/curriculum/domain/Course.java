package org.qiao.curriculum.domain;

import java.math.BigDecimal;
import java.util.List;
import org.qiao.kit.problem.Rules;

/** One course of a plan: what it teaches (skills with levels), how, and when. */
public record Course(
    String code,
    String name,
    BigDecimal credits,
    int hours,
    int term,
    CourseKind kind,
    boolean withEnterpriseMentor,
    List<SkillLevel> skills) {

  public Course {
    code = Rules.required("courses.code", code);
    name = Rules.required("courses.name", name);
    if (credits == null || credits.signum() < 0 || credits.compareTo(BigDecimal.valueOf(40)) > 0) {
      throw Rules.invalid("courses.credits", "must be between 0 and 40");
    }
    if (credits.stripTrailingZeros().scale() > 1) {
      throw Rules.invalid("courses.credits", "must have at most one decimal place");
    }
    Rules.between("courses.hours", hours, 1, 2000);
    Rules.between("courses.term", term, 1, 12);
    if (kind == null) {
      throw Rules.invalid("courses.kind", "is required");
    }
    skills = SkillLevel.distinct("courses.skills", skills);
  }
}
