package org.qiao.talentdemand.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.Application;
import org.qiao.talentdemand.domain.ApplicationStatus;
import org.qiao.talentdemand.domain.Side;

@Schema(
    name = "Application",
    description = "An invitation or application joining one student and one demand")
public record ApplicationResponse(
    UUID id,
    UUID demandId,
    UUID enterpriseId,
    @Schema(description = "The student's pseudonymous id", example = "sm4k2q7xz3h5n6p2r4t7v3w5y2a")
        String studentId,
    @Schema(description = "ENTERPRISE for an invitation, STUDENT for an application")
        Side startedBy,
    ApplicationStatus status,
    @Schema(description = "Unanswered by then, an invitation or application expires")
        Instant answerBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  static ApplicationResponse of(Application a) {
    return new ApplicationResponse(
        a.id,
        a.demandId,
        a.enterpriseId,
        a.studentId,
        a.startedBy,
        a.status,
        a.answerBy,
        a.createdAt,
        a.updatedAt,
        a.version);
  }
}
