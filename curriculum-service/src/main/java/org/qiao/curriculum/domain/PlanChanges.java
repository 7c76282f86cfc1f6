package org.qiao.curriculum.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of a plan, per course: skills added, removed, or taught at
 * another level, and courses added or removed. The market feedback loop reads it to see whether a
 * gap it reported has been closed.
 */
public final class PlanChanges {

  private PlanChanges() {}

  public enum Change {
    ADDED,
    REMOVED,
    CHANGED
  }

  public record Relevelled(String name, int fromLevel, int toLevel) {}

  public record CourseChange(
      String courseCode,
      String courseName,
      Change change,
      List<SkillLevel> skillsAdded,
      List<SkillLevel> skillsRemoved,
      List<Relevelled> skillsRelevelled) {}

  /** Course changes from {@code from} to {@code to}, in the order of the newer plan's courses. */
  public static List<CourseChange> between(List<Course> from, List<Course> to) {
    Map<String, Course> old = new LinkedHashMap<>();
    from.forEach(c -> old.put(c.code(), c));
    List<CourseChange> out = new ArrayList<>();
    for (Course c : to) {
      Course before = old.remove(c.code());
      if (before == null) {
        out.add(
            new CourseChange(c.code(), c.name(), Change.ADDED, c.skills(), List.of(), List.of()));
      } else {
        CourseChange diff = skills(before, c);
        if (diff != null) {
          out.add(diff);
        }
      }
    }
    for (Course gone : old.values()) {
      out.add(
          new CourseChange(
              gone.code(), gone.name(), Change.REMOVED, List.of(), gone.skills(), List.of()));
    }
    return out;
  }

  private static CourseChange skills(Course before, Course after) {
    Map<String, SkillLevel> old = new LinkedHashMap<>();
    before.skills().forEach(s -> old.put(s.key(), s));
    List<SkillLevel> added = new ArrayList<>();
    List<Relevelled> relevelled = new ArrayList<>();
    for (SkillLevel s : after.skills()) {
      SkillLevel was = old.remove(s.key());
      if (was == null) {
        added.add(s);
      } else if (was.level() != s.level()) {
        relevelled.add(new Relevelled(s.name(), was.level(), s.level()));
      }
    }
    List<SkillLevel> removed = List.copyOf(old.values());
    if (added.isEmpty() && removed.isEmpty() && relevelled.isEmpty()) {
      return null;
    }
    return new CourseChange(
        after.code(),
        after.name(),
        Change.CHANGED,
        List.copyOf(added),
        removed,
        List.copyOf(relevelled));
  }
}
