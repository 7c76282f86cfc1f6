package org.qiao.matching.domain.ranking;

/**
 * The points of a match, the same in both directions (demand → students, student → demands). Skills
 * drive the score; a skill both mentors verified counts more than one only declared or taught. Hard
 * constraints (degree, city, graduation year) filter and add nothing.
 */
public final class MatchScoring {

  public static final int ESSENTIAL_VERIFIED = 12;
  public static final int ESSENTIAL_HELD = 8;
  public static final int OPTIONAL_VERIFIED = 3;
  public static final int OPTIONAL_HELD = 2;
  public static final int SAME_MAJOR = 6;
  public static final int SAME_CLASS = 4;
  public static final int SAME_DISCIPLINE = 2;

  private MatchScoring() {}

  public static int points(MajorMatch m) {
    return switch (m) {
      case SAME_MAJOR -> SAME_MAJOR;
      case SAME_CLASS -> SAME_CLASS;
      case SAME_DISCIPLINE -> SAME_DISCIPLINE;
      case NONE -> 0;
    };
  }

  /** Points as a percentage of the maximum, one decimal; 0 when nothing can be scored. */
  public static double percent(int points, int maxPoints) {
    return maxPoints == 0 ? 0 : Math.round(points * 1000.0 / maxPoints) / 10.0;
  }

  /** The most a demand's requirements can give: every skill verified, the same major. */
  public static int maxPoints(int essentialSkills, int optionalSkills, boolean listsMajors) {
    return essentialSkills * ESSENTIAL_VERIFIED
        + optionalSkills * OPTIONAL_VERIFIED
        + (listsMajors ? SAME_MAJOR : 0);
  }
}
