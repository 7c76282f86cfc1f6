package org.qiao.curriculum.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.qiao.curriculum.domain.Course;
import org.qiao.curriculum.domain.CoursePlan;
import org.qiao.curriculum.domain.CoursePlanStatus;
import org.qiao.curriculum.domain.PlanKind;
import org.qiao.curriculum.domain.SkillLevel;
import org.qiao.curriculum.domain.StudentProfile;
import org.qiao.kit.problem.Rules;

/**
 * Skills a student holds from the courses they passed: the institution's published plan for their
 * major and cohort (or, without a cohort, the latest cohort up to their graduation year) names the
 * skills each course teaches. One instance serves one request or one import job (plans cached).
 */
final class CourseSkills {

  /** The plan used, and the skills of the passed courses at the plan's levels. */
  record Derived(UUID coursePlanId, List<SkillLevel> skills) {
    static final Derived NONE = new Derived(null, List.of());
  }

  private final UUID institutionId;
  private final Map<String, java.util.Optional<CoursePlan>> plans = new HashMap<>();

  CourseSkills(UUID institutionId) {
    this.institutionId = institutionId;
  }

  /**
   * @throws org.qiao.kit.problem.ProblemException (field passedCourses) for a course the plan does
   *     not have
   */
  Derived of(StudentProfile profile) {
    if (profile.passedCourses().isEmpty()) {
      return Derived.NONE;
    }
    CoursePlan plan = plan(profile);
    if (plan == null) {
      // No published plan to read skills from (yet): courses are kept, skills not derived.
      return Derived.NONE;
    }
    Map<String, Course> byCode = new HashMap<>();
    plan.courses.forEach(c -> byCode.put(c.code(), c));
    Map<String, SkillLevel> skills = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String code : profile.passedCourses()) {
      Course c = byCode.get(code);
      if (c == null) {
        unknown.add(code);
        continue;
      }
      for (SkillLevel s : c.skills()) {
        skills.merge(s.key(), s, (a, b) -> a.level() >= b.level() ? a : b);
      }
    }
    if (!unknown.isEmpty()) {
      // The count, not the codes: a report repeats no cell's value (ADR 0009).
      throw Rules.invalid(
          "passedCourses",
          unknown.size()
              + " of the courses are not in the published plan for major "
              + plan.majorCode
              + ", cohort "
              + plan.cohortYear);
    }
    return new Derived(plan.id, List.copyOf(skills.values()));
  }

  private CoursePlan plan(StudentProfile p) {
    String key = p.majorCode() + "/" + p.cohortYear() + "/" + p.graduationYear();
    return plans.computeIfAbsent(key, k -> java.util.Optional.ofNullable(find(p))).orElse(null);
  }

  private CoursePlan find(StudentProfile p) {
    return p.cohortYear() != null
        ? CoursePlan.<CoursePlan>find(
                "institutionId = ?1 and kind = ?2 and majorCode = ?3 and cohortYear = ?4"
                    + " and status = ?5",
                institutionId,
                PlanKind.MAJOR,
                p.majorCode(),
                p.cohortYear(),
                CoursePlanStatus.PUBLISHED)
            .firstResult()
        : CoursePlan.<CoursePlan>find(
                "institutionId = ?1 and kind = ?2 and majorCode = ?3 and cohortYear <= ?4"
                    + " and status = ?5 order by cohortYear desc",
                institutionId,
                PlanKind.MAJOR,
                p.majorCode(),
                p.graduationYear(),
                CoursePlanStatus.PUBLISHED)
            .firstResult();
  }
}
