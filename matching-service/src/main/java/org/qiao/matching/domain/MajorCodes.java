package org.qiao.matching.domain;

import java.util.Collection;

/** Major catalogue codes: 6-digit major, 4-digit class, 2-digit discipline (suffix T/K ignored). */
public final class MajorCodes {

  private MajorCodes() {}

  /** The 4-digit class of a major code ("080901" → "0809"). */
  public static String majorClass(String majorCode) {
    return majorCode == null || majorCode.length() < 4 ? null : majorCode.substring(0, 4);
  }

  public static boolean sameMajor(String a, String b) {
    return a != null
        && b != null
        && a.length() >= 6
        && b.length() >= 6
        && a.regionMatches(0, b, 0, 6);
  }

  /**
   * Whether a demand or order listing these majors concerns a major: no major given (the whole
   * institution), one listed in the same 4-digit class, or — where a listing may be empty — none
   * listed at all (open to every major).
   */
  public static boolean concerns(
      Collection<String> listed, String majorCode, boolean emptyMeansAny) {
    if (majorCode == null) {
      return true;
    }
    if (listed.isEmpty()) {
      return emptyMeansAny;
    }
    String cls = majorClass(majorCode);
    return listed.stream().anyMatch(m -> cls.equals(majorClass(m)));
  }
}
