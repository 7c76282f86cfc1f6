package org.qiao.matching.domain.ranking;

import java.util.Collection;

/**
 * How close a student's major is to the majors a demand lists, by the structure of the major
 * catalogue code: 6-digit major ("080901", suffix T/K ignored), 4-digit class ("0809"), 2-digit
 * discipline ("08").
 */
public enum MajorMatch {
  SAME_MAJOR,
  SAME_CLASS,
  SAME_DISCIPLINE,
  NONE;

  /** The closest level over the listed majors; NONE when none is listed. */
  public static MajorMatch of(String studentMajor, Collection<String> listed) {
    MajorMatch best = NONE;
    for (String m : listed) {
      MajorMatch level = between(studentMajor, m);
      if (level.compareTo(best) < 0) {
        best = level;
      }
    }
    return best;
  }

  static MajorMatch between(String a, String b) {
    if (a == null || b == null || a.length() < 6 || b.length() < 6) {
      return NONE;
    }
    if (a.regionMatches(0, b, 0, 6)) {
      return SAME_MAJOR;
    }
    if (a.regionMatches(0, b, 0, 4)) {
      return SAME_CLASS;
    }
    return a.regionMatches(0, b, 0, 2) ? SAME_DISCIPLINE : NONE;
  }
}
