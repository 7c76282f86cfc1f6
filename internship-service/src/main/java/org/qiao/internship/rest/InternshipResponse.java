package org.qiao.internship.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.internship.domain.Evaluation;
import org.qiao.internship.domain.Goal;
import org.qiao.internship.domain.Internship;
import org.qiao.internship.domain.InternshipKind;
import org.qiao.internship.domain.InternshipStatus;
import org.qiao.internship.domain.Party;
import org.qiao.internship.domain.TerminationReason;
import org.qiao.internship.domain.VerifiedSkill;

@Schema(name = "Internship")
public record InternshipResponse(
    UUID id,
    InternshipKind kind,
    InternshipStatus status,
    @Schema(description = "Pseudonymous student id; null once the student was forgotten")
        String studentId,
    boolean studentForgotten,
    String institutionCode,
    String enterpriseCode,
    UUID demandId,
    UUID trainingOrderId,
    UUID institutionMentorId,
    UUID enterpriseMentorId,
    LocalDate startDate,
    LocalDate endDate,
    String divisionCode,
    String place,
    List<Goal> goals,
    List<Party> acceptedBy,
    List<Party> pendingAcceptances,
    TerminationReason terminationReason,
    List<Evaluation> evaluations,
    List<VerifiedSkill> verifiedSkills,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  static InternshipResponse of(Internship i) {
    return new InternshipResponse(
        i.id,
        i.kind,
        i.status,
        i.studentId,
        i.forgotten,
        i.institutionCode,
        i.enterpriseCode,
        i.demandId,
        i.trainingOrderId,
        i.institutionMentorId,
        i.enterpriseMentorId,
        i.startDate,
        i.endDate,
        i.divisionCode,
        i.place,
        i.goals,
        i.acceptedBy.stream().sorted().toList(),
        List.copyOf(i.pendingAcceptances()),
        i.terminationReason,
        i.evaluations,
        i.verifiedSkills,
        i.createdAt,
        i.updatedAt,
        i.version);
  }
}
