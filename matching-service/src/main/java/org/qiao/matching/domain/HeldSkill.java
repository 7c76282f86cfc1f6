package org.qiao.matching.domain;

/**
 * A skill a student holds as their profile says: declared by them and/or taught in courses they
 * passed (with the plan's level). {@code key} is what ranking compares ({@link
 * SkillVocabulary#keyOf}), {@code name} the name the profile used.
 */
public record HeldSkill(
    String key, String name, Integer level, boolean declared, boolean fromCourses) {}
