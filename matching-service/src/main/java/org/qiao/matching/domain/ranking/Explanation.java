package org.qiao.matching.domain.ranking;

import java.util.List;

/**
 * Why a pair matched: the demand's essential and optional skills the student holds, split into
 * verified by both mentors and only declared or taught; the essential skills missing; the major
 * level. Skill keys in the demand's order.
 */
public record Explanation(
    List<String> essentialVerified,
    List<String> essentialHeld,
    List<String> essentialMissing,
    List<String> optionalVerified,
    List<String> optionalHeld,
    MajorMatch majorMatch) {

  public int points() {
    return essentialVerified.size() * MatchScoring.ESSENTIAL_VERIFIED
        + essentialHeld.size() * MatchScoring.ESSENTIAL_HELD
        + optionalVerified.size() * MatchScoring.OPTIONAL_VERIFIED
        + optionalHeld.size() * MatchScoring.OPTIONAL_HELD
        + MatchScoring.points(majorMatch);
  }

  /** Computes the explanation of one pair directly (the reference every index must agree with). */
  public static Explanation of(DemandCriteria demand, Profile student) {
    List<String> ev = new java.util.ArrayList<>();
    List<String> eh = new java.util.ArrayList<>();
    List<String> em = new java.util.ArrayList<>();
    List<String> ov = new java.util.ArrayList<>();
    List<String> oh = new java.util.ArrayList<>();
    for (String s : demand.essentialSkills()) {
      (student.verifiedSkills().contains(s) ? ev : student.skills().contains(s) ? eh : em).add(s);
    }
    for (String s : demand.optionalSkills()) {
      if (student.verifiedSkills().contains(s)) {
        ov.add(s);
      } else if (student.skills().contains(s)) {
        oh.add(s);
      }
    }
    return new Explanation(
        ev, eh, em, ov, oh, MajorMatch.of(student.majorCode(), demand.majorCodes()));
  }

  /** Whether a student passes a demand's hard constraints. */
  public static boolean admits(DemandCriteria demand, Profile student) {
    return student.degree().satisfies(demand.minimumDegree())
        && (demand.graduationYear() == null || demand.graduationYear() == student.graduationYear())
        && (demand.cities().isEmpty()
            || student.cities().isEmpty()
            || student.cities().stream().anyMatch(demand.cities()::contains));
  }
}
