package org.qiao.curriculum.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.qiao.kit.codes.DivisionCodes;
import org.qiao.kit.problem.Rules;

/**
 * What matching may know of a student, under a pseudonymous id: studies, skills and preferences,
 * never who they are.
 */
public record StudentProfile(
    String majorCode,
    Degree degree,
    int graduationYear,
    Integer cohortYear,
    List<String> declaredSkills,
    List<String> passedCourses,
    List<String> preferredCities) {

  private static final Pattern MAJOR = Pattern.compile("\\d{6}[TK]?");

  public StudentProfile {
    if (majorCode == null || !MAJOR.matcher(majorCode).matches()) {
      throw Rules.invalid("majorCode", "must be a 6-digit major code with optional T or K");
    }
    if (degree == null) {
      throw Rules.invalid(
          "degree", "is required (VOCATIONAL, ASSOCIATE, BACHELOR, MASTER, DOCTOR)");
    }
    Rules.between("graduationYear", graduationYear, 2000, 2100);
    if (cohortYear != null) {
      Rules.between("cohortYear", cohortYear, 2000, 2100);
      if (cohortYear > graduationYear) {
        throw Rules.invalid("cohortYear", "must not be after the graduation year");
      }
    }
    declaredSkills = distinct("skills", declaredSkills, 100);
    passedCourses = distinct("passedCourses", passedCourses, 200);
    preferredCities = cityCodes(distinct("preferredCities", preferredCities, 20));
  }

  /**
   * Each preferred city as its city-level GB/T 2260 code (a code of any level, or a city name the
   * kit knows as exactly one code): statistics and matching then never carry a string a student
   * typed. The message does not repeat the entry (it may be personal).
   */
  private static List<String> cityCodes(List<String> cities) {
    Set<String> codes = new java.util.LinkedHashSet<>();
    for (String c : cities) {
      String code = DivisionCodes.cityCode(c);
      if (code == null) {
        throw Rules.invalid(
            "preferredCities",
            "entries must be GB/T 2260 division codes (such as 310000 or 320500) or the name of a"
                + " major city (such as 上海 or 苏州)");
      }
      codes.add(code);
    }
    return List.copyOf(codes);
  }

  private static List<String> distinct(String field, List<String> items, int max) {
    if (items == null) {
      return List.of();
    }
    if (items.size() > max) {
      throw Rules.invalid(field, "must have at most " + max + " entries");
    }
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (String item : items) {
      if (item == null || item.isBlank()) {
        throw Rules.invalid(field, "must not contain blank entries");
      }
      String s = item.strip();
      if (s.length() > 100) {
        throw Rules.invalid(field, "entries must be at most 100 characters");
      }
      if (seen.add(SkillLevel.key(s))) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }
}
