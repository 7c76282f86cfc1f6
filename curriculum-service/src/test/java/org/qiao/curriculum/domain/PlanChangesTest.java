package org.qiao.curriculum.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanChangesTest {

  private static Course course(String code, SkillLevel... skills) {
    return new Course(
        code, "课程" + code, BigDecimal.valueOf(3), 48, 3, CourseKind.THEORY, false, List.of(skills));
  }

  private static SkillLevel s(String name, int level) {
    return new SkillLevel(name, level);
  }

  @Test
  void listsSkillsAddedRemovedAndRelevelledPerCourseAndCoursesAddedOrRemoved() {
    List<Course> v1 =
        List.of(
            course("A", s("Java", 2), s("SQL", 2)),
            course("B", s("Verilog", 3)),
            course("C", s("Excel", 1)));
    List<Course> v2 =
        List.of(
            course("A", s("java", 3), s("Kotlin", 2)),
            course("B", s("Verilog", 3)),
            course("D", s("PyTorch", 3)));

    List<PlanChanges.CourseChange> changes = PlanChanges.between(v1, v2);

    assertEquals(
        List.of(
            new PlanChanges.CourseChange(
                "A",
                "课程A",
                PlanChanges.Change.CHANGED,
                List.of(s("Kotlin", 2)),
                List.of(s("SQL", 2)),
                List.of(new PlanChanges.Relevelled("java", 2, 3))),
            new PlanChanges.CourseChange(
                "D",
                "课程D",
                PlanChanges.Change.ADDED,
                List.of(s("PyTorch", 3)),
                List.of(),
                List.of()),
            new PlanChanges.CourseChange(
                "C",
                "课程C",
                PlanChanges.Change.REMOVED,
                List.of(),
                List.of(s("Excel", 1)),
                List.of())),
        changes);
  }

  @Test
  void identicalVersionsHaveNoChanges() {
    List<Course> v = List.of(course("A", s("Java", 2)));
    assertEquals(List.of(), PlanChanges.between(v, v));
  }
}
