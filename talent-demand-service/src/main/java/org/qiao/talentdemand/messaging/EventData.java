package org.qiao.talentdemand.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.qiao.talentdemand.domain.Application;
import org.qiao.talentdemand.domain.Challenge;
import org.qiao.talentdemand.domain.Demand;
import org.qiao.talentdemand.domain.Enterprise;
import org.qiao.talentdemand.domain.Interest;
import org.qiao.talentdemand.domain.KnownStudent;
import org.qiao.talentdemand.domain.Offer;
import org.qiao.talentdemand.domain.Proposal;
import org.qiao.talentdemand.domain.SkillRequirement;
import org.qiao.talentdemand.domain.TrainingOrder;

/**
 * The {@code data} of this service's events: each aggregate's whole state after the change
 * (contracts/schemas/defs/*-state.json). Consumers need not call back for anything.
 */
final class EventData {

  private EventData() {}

  record EnterpriseRef(UUID id, String creditCode, String name, String sizeClass) {
    static EnterpriseRef of(Enterprise e) {
      return new EnterpriseRef(e.id, e.creditCode, e.name, e.sizeClass.name());
    }
  }

  record EnterpriseState(
      UUID enterpriseId,
      String creditCode,
      String name,
      String sizeClass,
      String industry,
      String divisionCode,
      String province,
      String city,
      long version,
      Instant updatedAt) {
    static EnterpriseState of(Enterprise e) {
      return new EnterpriseState(
          e.id,
          e.creditCode,
          e.name,
          e.sizeClass.name(),
          e.industry,
          e.divisionCode,
          e.province(),
          e.city(),
          e.version,
          e.updatedAt);
    }
  }

  record DemandState(
      UUID demandId,
      EnterpriseRef enterprise,
      String title,
      String description,
      String occupationCode,
      List<String> majorCodes,
      String minimumDegree,
      List<SkillRequirement> skills,
      int headcount,
      int filledCount,
      String city,
      Integer salaryMin,
      Integer salaryMax,
      String employmentType,
      LocalDate startDate,
      LocalDate validThrough,
      String status,
      Instant publishedAt,
      long version,
      Instant updatedAt) {
    static DemandState of(Demand d, Enterprise owner) {
      return new DemandState(
          d.id,
          EnterpriseRef.of(owner),
          d.title,
          d.description,
          d.occupationCode,
          d.majorCodes,
          d.minimumDegree == null ? null : d.minimumDegree.name(),
          d.skills,
          d.headcount,
          d.filledCount,
          d.city,
          d.salaryMin,
          d.salaryMax,
          d.employmentType.name(),
          d.startDate,
          d.validThrough,
          d.status.name(),
          d.publishedAt,
          d.version,
          d.updatedAt);
    }
  }

  record Award(UUID proposalId, String universityCode, int capacity, Instant awardedAt) {}

  record TrainingOrderState(
      UUID trainingOrderId,
      EnterpriseRef enterprise,
      String title,
      String description,
      List<String> majorCodes,
      int headcount,
      int cohortYear,
      List<SkillRequirement> skills,
      List<String> targetUniversities,
      LocalDate proposalDeadline,
      String fundingNote,
      String status,
      int awardedCapacity,
      List<Award> awards,
      long version,
      Instant updatedAt) {
    static TrainingOrderState of(TrainingOrder o, Enterprise owner, List<Proposal> awarded) {
      return new TrainingOrderState(
          o.id,
          EnterpriseRef.of(owner),
          o.title,
          o.description,
          o.majorCodes,
          o.headcount,
          o.cohortYear,
          o.skills,
          o.targetUniversities,
          o.proposalDeadline,
          o.fundingNote,
          o.status.name(),
          o.awardedCapacity,
          awarded.stream()
              .map(p -> new Award(p.id, p.universityCode, p.awardedCapacity, p.awardedAt))
              .toList(),
          o.version,
          o.updatedAt);
    }
  }

  record InterestRef(UUID interestId, String universityCode) {}

  record ChallengeState(
      UUID challengeId,
      EnterpriseRef enterprise,
      String title,
      String description,
      List<String> disciplineCodes,
      List<SkillRequirement> skills,
      Integer budgetMin,
      Integer budgetMax,
      LocalDate deadline,
      String status,
      int interestCount,
      InterestRef interest,
      long version,
      Instant updatedAt) {
    static ChallengeState of(Challenge c, Enterprise owner, Interest about) {
      return new ChallengeState(
          c.id,
          EnterpriseRef.of(owner),
          c.title,
          c.description,
          c.disciplineCodes,
          c.skills,
          c.budgetMin,
          c.budgetMax,
          c.deadline,
          c.status.name(),
          c.interestCount,
          about == null ? null : new InterestRef(about.id, about.universityCode),
          c.version,
          c.updatedAt);
    }
  }

  record ApplicationState(
      UUID applicationId,
      UUID demandId,
      EnterpriseRef enterprise,
      String studentId,
      String startedBy,
      String status,
      Instant answerBy,
      String endReason,
      long version,
      Instant updatedAt) {
    static ApplicationState of(Application a, Enterprise owner) {
      return new ApplicationState(
          a.id,
          a.demandId,
          EnterpriseRef.of(owner),
          a.studentId,
          a.startedBy.name(),
          a.status.name(),
          a.answerBy,
          a.endReason == null ? null : a.endReason.name(),
          a.version,
          a.updatedAt);
    }
  }

  /** A hire's outcome: pseudonymous attributes, the job, a salary band; no name, no figure. */
  record Placement(
      UUID placementId,
      UUID applicationId,
      UUID demandId,
      String studentId,
      String institutionCode,
      String majorCode,
      String degree,
      int graduationYear,
      String occupationCode,
      EnterpriseRef enterprise,
      String industry,
      String divisionCode,
      String salaryBand,
      LocalDate startDate,
      long daysToOffer,
      Instant hiredAt) {
    static Placement of(Application a, Demand d, Enterprise owner, KnownStudent s) {
      Offer o = a.offer();
      return new Placement(
          a.id,
          a.id,
          d.id,
          a.studentId,
          s.institutionCode,
          s.majorCode,
          s.degree,
          s.graduationYear,
          d.occupationCode,
          EnterpriseRef.of(owner),
          owner.industry,
          o.divisionCode(),
          o.salaryBand(),
          o.startDate(),
          a.daysToOffer(),
          a.hiredAt);
    }
  }
}
