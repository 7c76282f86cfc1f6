package org.qiao.curriculum.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.Degree;
import org.qiao.curriculum.domain.SkillLevel;
import org.qiao.curriculum.domain.Student;

@Schema(
    name = "Student",
    description =
        "A student's record as the student and their own institution see it (nobody else does).")
public record StudentResponse(
    UUID id,
    @Schema(description = "What every other service knows the student by") String pseudonymousId,
    String name,
    String studentNumber,
    String phone,
    String email,
    String majorCode,
    Degree degree,
    int graduationYear,
    Integer cohortYear,
    List<String> declaredSkills,
    List<String> passedCourses,
    @Schema(
            description =
                "Skills of the passed courses, at the levels of the plan that teaches them")
        List<SkillLevel> courseSkills,
    UUID coursePlanId,
    @Schema(description = "City-level GB/T 2260 division codes", example = "[\"310000\"]")
        List<String> preferredCities,
    ConsentState consent,
    @Schema(description = "Whether the profile is published to matching") boolean published,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  @Schema(name = "Consent")
  public record ConsentState(boolean given, String textVersion, Instant changedAt) {}

  static StudentResponse of(Student s) {
    return new StudentResponse(
        s.id,
        s.pseudonymousId,
        s.name,
        s.studentNumber,
        s.phone,
        s.email,
        s.majorCode,
        s.degree,
        s.graduationYear,
        s.cohortYear,
        s.declaredSkills,
        s.passedCourses,
        s.courseSkills,
        s.coursePlanId,
        s.preferredCities,
        new ConsentState(s.consentGiven, s.consentTextVersion, s.consentChangedAt),
        s.isPublished(),
        s.version,
        s.createdAt,
        s.updatedAt);
  }
}
