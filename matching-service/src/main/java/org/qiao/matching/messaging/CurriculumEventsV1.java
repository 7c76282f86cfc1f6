package org.qiao.matching.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Matching's reading of curriculum-service's events: only the fields it uses. */
final class CurriculumEventsV1 {

  private CurriculumEventsV1() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Institution(UUID institutionId, String code, String name, String kind) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProfilePublished(
      String pseudonymousId,
      Institution institution,
      String majorCode,
      String degree,
      int graduationYear,
      Integer cohortYear,
      List<ProfileSkill> skills,
      List<String> preferredCities,
      Instant consentGivenAt,
      long version,
      Instant updatedAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProfileSkill(String name, Integer level, boolean declared, boolean fromCourses) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Forgotten(
      String pseudonymousId, String institutionCode, String reason, Instant forgottenAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CoursePlanState(
      UUID coursePlanId,
      UUID lineId,
      int planVersion,
      Institution institution,
      String kind,
      String title,
      String majorCode,
      Integer cohortYear,
      Programme programme,
      List<PlanSkill> skills,
      String status,
      List<Contract> contracts,
      Instant publishedAt,
      long version,
      Instant updatedAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Programme(String occupationCode, Integer seats) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PlanSkill(String name, int level) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Contract(UUID trainingOrderId, int capacity, String status) {}
}
