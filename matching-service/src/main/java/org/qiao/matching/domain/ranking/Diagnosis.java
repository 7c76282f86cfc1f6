package org.qiao.matching.domain.ranking;

import java.util.List;

/**
 * Recruitment diagnosis of a demand, exact counts over the consented students.
 *
 * @param passingHardConstraints students passing degree, cities and graduation year
 * @param withAllEssentialSkills of those, the ones holding every essential skill
 * @param qualified of those, the ones whose major is in the same 4-digit class as a listed one (all
 *     when no major is listed)
 * @param relaxations per requirement, how many more would qualify if it alone were dropped
 * @param missingAmongNearMisses essential skills most often missing among near-misses (students
 *     passing every other requirement but lacking one or two essential skills), most missed first
 */
public record Diagnosis(
    int passingHardConstraints,
    int withAllEssentialSkills,
    int qualified,
    List<Relaxation> relaxations,
    List<MissingSkill> missingAmongNearMisses) {

  /** A requirement of a demand that diagnosis relaxes one at a time. */
  public enum Requirement {
    ESSENTIAL_SKILL,
    MINIMUM_DEGREE,
    CITIES,
    GRADUATION_YEAR,
    MAJOR_CODES
  }

  /** {@code skill} is the skill key for ESSENTIAL_SKILL, null otherwise. */
  public record Relaxation(Requirement requirement, String skill, int additionalCandidates) {}

  public record MissingSkill(String skill, int nearMisses) {}
}
