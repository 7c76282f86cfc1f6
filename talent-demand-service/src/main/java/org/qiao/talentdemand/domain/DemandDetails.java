package org.qiao.talentdemand.domain;

import java.time.LocalDate;
import java.util.List;

/** Everything an enterprise states about a demand, checked as a whole. */
public record DemandDetails(
    String title,
    String description,
    String occupationCode,
    List<String> majorCodes,
    Degree minimumDegree,
    List<SkillRequirement> skills,
    int headcount,
    String city,
    Integer salaryMin,
    Integer salaryMax,
    EmploymentType employmentType,
    LocalDate startDate,
    LocalDate validThrough) {

  public DemandDetails {
    if (title == null || title.isBlank()) {
      throw new DomainViolation("title", "must not be blank");
    }
    title = title.strip();
    occupationCode = Codes.occupation("occupationCode", occupationCode);
    majorCodes = Codes.majors("majorCodes", majorCodes);
    skills = SkillRequirement.distinct(skills);
    if (headcount < 1) {
      throw new DomainViolation("headcount", "must be at least 1");
    }
    if (city == null || city.isBlank()) {
      throw new DomainViolation("city", "must not be blank");
    }
    city = city.strip();
    if (salaryMin != null && salaryMax != null && salaryMin > salaryMax) {
      throw new DomainViolation("salaryMax", "must not be below salaryMin");
    }
    if (employmentType == null) {
      throw new DomainViolation("employmentType", "is required");
    }
    if (validThrough == null) {
      throw new DomainViolation("validThrough", "is required");
    }
    CalendarDate.plausible("validThrough", validThrough);
    CalendarDate.plausible("startDate", startDate);
  }
}
