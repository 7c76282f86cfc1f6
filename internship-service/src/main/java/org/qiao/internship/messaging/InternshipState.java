package org.qiao.internship.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.qiao.internship.domain.Goal;
import org.qiao.internship.domain.Internship;
import org.qiao.internship.domain.VerifiedSkill;

/**
 * What every internship event carries: the internship's state, with the student as a pseudonymous
 * id and nothing written about a person (no place, no evidence; termination as a reason code). Goal
 * descriptions are the plan's text, written before the internship.
 */
record InternshipState(
    UUID internshipId,
    String kind,
    String status,
    String studentId,
    String institutionCode,
    String enterpriseCode,
    UUID demandId,
    UUID trainingOrderId,
    UUID institutionMentorId,
    UUID enterpriseMentorId,
    LocalDate startDate,
    LocalDate endDate,
    String divisionCode,
    List<Goal> goals,
    List<String> acceptedBy,
    String terminationReason,
    List<VerifiedSkill> verifiedSkills,
    long version,
    Instant updatedAt) {

  static InternshipState of(Internship i) {
    return new InternshipState(
        i.id,
        i.kind.name(),
        i.status.name(),
        i.studentId,
        i.institutionCode,
        i.enterpriseCode,
        i.demandId,
        i.trainingOrderId,
        i.institutionMentorId,
        i.enterpriseMentorId,
        i.startDate,
        i.endDate,
        i.divisionCode,
        i.goals,
        i.acceptedBy.stream().map(Enum::name).sorted().toList(),
        i.terminationReason == null ? null : i.terminationReason.name(),
        i.verifiedSkills,
        i.version,
        i.updatedAt);
  }
}
