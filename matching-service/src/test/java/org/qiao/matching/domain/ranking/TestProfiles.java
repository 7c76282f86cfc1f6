package org.qiao.matching.domain.ranking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Test data builders for hand-written students and demands. */
final class TestProfiles {

  private TestProfiles() {}

  /** A regular pseudonymous id: "s" and 26 times the given base-32 character. */
  static String id(char c) {
    return "s" + String.valueOf(c).repeat(26);
  }

  static StudentBuilder student(String id) {
    return new StudentBuilder(id);
  }

  static DemandBuilder demand() {
    return new DemandBuilder();
  }

  static final class StudentBuilder {
    private final String id;
    private String institution = "10001";
    private String major = "080901";
    private Degree degree = Degree.BACHELOR;
    private int year = 2026;
    private final Set<String> cities = new HashSet<>();
    private final Set<String> skills = new HashSet<>();
    private final Set<String> verified = new HashSet<>();

    StudentBuilder(String id) {
      this.id = id;
    }

    StudentBuilder major(String m) {
      major = m;
      return this;
    }

    StudentBuilder degree(Degree d) {
      degree = d;
      return this;
    }

    StudentBuilder year(int y) {
      year = y;
      return this;
    }

    StudentBuilder cities(String... c) {
      cities.addAll(List.of(c));
      return this;
    }

    StudentBuilder skills(String... s) {
      skills.addAll(List.of(s));
      return this;
    }

    StudentBuilder verified(String... s) {
      verified.addAll(List.of(s));
      return this;
    }

    Profile build() {
      return new Profile(id, institution, major, degree, year, cities, skills, verified);
    }
  }

  static final class DemandBuilder {
    private final List<String> essential = new ArrayList<>();
    private final List<String> optional = new ArrayList<>();
    private final List<String> majors = new ArrayList<>();
    private Degree minimum;
    private final Set<String> cities = new HashSet<>();
    private Integer year;

    DemandBuilder essential(String... s) {
      essential.addAll(List.of(s));
      return this;
    }

    DemandBuilder optional(String... s) {
      optional.addAll(List.of(s));
      return this;
    }

    DemandBuilder majors(String... m) {
      majors.addAll(List.of(m));
      return this;
    }

    DemandBuilder minimum(Degree d) {
      minimum = d;
      return this;
    }

    DemandBuilder cities(String... c) {
      cities.addAll(List.of(c));
      return this;
    }

    DemandBuilder year(Integer y) {
      year = y;
      return this;
    }

    DemandCriteria build() {
      return new DemandCriteria(essential, optional, majors, minimum, cities, year);
    }
  }
}
