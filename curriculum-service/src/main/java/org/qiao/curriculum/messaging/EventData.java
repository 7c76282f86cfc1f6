package org.qiao.curriculum.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.qiao.curriculum.domain.ContactGrant;
import org.qiao.curriculum.domain.Course;
import org.qiao.curriculum.domain.CoursePlan;
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.domain.PlanContract;
import org.qiao.curriculum.domain.Programme;
import org.qiao.curriculum.domain.Proposal;
import org.qiao.curriculum.domain.SkillLevel;
import org.qiao.curriculum.domain.Student;

/**
 * The {@code data} of this service's events (contracts/schemas). A student appears only by
 * pseudonymous id: no name, number, phone or e-mail is ever part of an event.
 */
final class EventData {

  private EventData() {}

  record InstitutionState(
      UUID institutionId,
      String code,
      String codeKind,
      String name,
      String kind,
      String city,
      long version,
      Instant updatedAt) {
    static InstitutionState of(Institution i) {
      return new InstitutionState(
          i.id, i.code, i.codeKind, i.name, i.kind.name(), i.city, i.version, i.updatedAt);
    }
  }

  record InstitutionRef(UUID institutionId, String code, String name, String kind) {
    static InstitutionRef of(Institution i) {
      return new InstitutionRef(i.id, i.code, i.name, i.kind.name());
    }
  }

  record CourseData(
      String code,
      String name,
      BigDecimal credits,
      int hours,
      int term,
      String kind,
      boolean withEnterpriseMentor,
      List<SkillLevel> skills) {
    static CourseData of(Course c) {
      return new CourseData(
          c.code(),
          c.name(),
          c.credits(),
          c.hours(),
          c.term(),
          c.kind().name(),
          c.withEnterpriseMentor(),
          c.skills());
    }
  }

  record CoursePlanState(
      UUID coursePlanId,
      UUID lineId,
      Integer planVersion,
      InstitutionRef institution,
      String kind,
      String title,
      String catalogue,
      String catalogueEdition,
      String majorCode,
      Integer cohortYear,
      Programme programme,
      List<CourseData> courses,
      List<CoursePlan.TaughtSkill> skills,
      String status,
      UUID supersedesId,
      UUID supersededById,
      List<PlanContract> contracts,
      Instant publishedAt,
      long version,
      Instant updatedAt) {
    static CoursePlanState of(CoursePlan p, Institution owner) {
      return new CoursePlanState(
          p.id,
          p.lineId,
          p.planVersion,
          InstitutionRef.of(owner),
          p.kind.name(),
          p.title,
          p.catalogue == null ? null : p.catalogue.name(),
          p.catalogue == null ? null : p.catalogue.edition(),
          p.majorCode,
          p.cohortYear,
          p.programme,
          p.courses.stream().map(CourseData::of).toList(),
          p.taughtSkills(),
          p.status.name(),
          p.supersedesId,
          p.supersededById,
          p.contracts,
          p.publishedAt,
          p.version,
          p.updatedAt);
    }
  }

  /** A skill in a profile: declared by the student, taught by a course they passed, or both. */
  record ProfileSkill(String name, Integer level, boolean declared, boolean fromCourses) {}

  /** The part of a profile whose change is worth an event (no version, no time). */
  record ProfileContent(
      String pseudonymousId,
      InstitutionRef institution,
      String majorCode,
      String degree,
      int graduationYear,
      Integer cohortYear,
      List<ProfileSkill> skills,
      List<String> preferredCities,
      String consentTextVersion) {
    static ProfileContent of(Student s, Institution i) {
      Map<String, ProfileSkill> skills = new LinkedHashMap<>();
      for (SkillLevel c : s.courseSkills) {
        skills.put(c.key(), new ProfileSkill(c.name(), c.level(), false, true));
      }
      for (String d : s.declaredSkills) {
        ProfileSkill known = skills.get(SkillLevel.key(d));
        skills.put(
            SkillLevel.key(d),
            known == null
                ? new ProfileSkill(d, null, true, false)
                : new ProfileSkill(known.name(), known.level(), true, true));
      }
      return new ProfileContent(
          s.pseudonymousId,
          InstitutionRef.of(i),
          s.majorCode,
          s.degree.name(),
          s.graduationYear,
          s.cohortYear,
          new ArrayList<>(skills.values()),
          s.preferredCities,
          s.consentTextVersion);
    }
  }

  record StudentProfileState(
      String pseudonymousId,
      InstitutionRef institution,
      String majorCode,
      String degree,
      int graduationYear,
      Integer cohortYear,
      List<ProfileSkill> skills,
      List<String> preferredCities,
      String consentTextVersion,
      Instant consentGivenAt,
      long version,
      Instant updatedAt) {
    static StudentProfileState of(ProfileContent c, Student s) {
      return new StudentProfileState(
          c.pseudonymousId(),
          c.institution(),
          c.majorCode(),
          c.degree(),
          c.graduationYear(),
          c.cohortYear(),
          c.skills(),
          c.preferredCities(),
          c.consentTextVersion(),
          s.consentChangedAt,
          s.version,
          s.updatedAt);
    }
  }

  record StudentForgotten(
      String pseudonymousId, String institutionCode, String reason, Instant forgottenAt) {}

  record University(String institutionCode, String name) {}

  record ProposalSubmitted(
      UUID proposalId,
      UUID trainingOrderId,
      University university,
      UUID coursePlanId,
      String majorCode,
      String summary,
      int capacity,
      Instant submittedAt,
      long version) {
    static ProposalSubmitted of(Proposal p, Institution i) {
      return new ProposalSubmitted(
          p.id,
          p.trainingOrderId,
          new University(i.code, i.name),
          p.coursePlanId,
          p.majorCode,
          p.summary,
          p.capacity,
          p.submittedAt,
          p.version);
    }
  }

  record ProposalWithdrawn(
      UUID proposalId,
      UUID trainingOrderId,
      University university,
      Instant withdrawnAt,
      long version) {
    static ProposalWithdrawn of(Proposal p, Institution i) {
      return new ProposalWithdrawn(
          p.id, p.trainingOrderId, new University(i.code, i.name), p.withdrawnAt, p.version);
    }
  }

  record ContactGrantRevoked(
      UUID grantId, UUID applicationId, String studentId, UUID enterpriseId, Instant revokedAt) {
    static ContactGrantRevoked of(ContactGrant g) {
      return new ContactGrantRevoked(
          g.id, g.applicationId, g.studentId, g.enterpriseId, g.revokedAt);
    }
  }

  record JobSeekingResumed(String pseudonymousId, Instant resumedAt) {}
}
