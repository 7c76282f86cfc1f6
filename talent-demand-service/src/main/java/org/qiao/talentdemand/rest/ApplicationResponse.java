package org.qiao.talentdemand.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.Application;
import org.qiao.talentdemand.domain.ApplicationStatus;
import org.qiao.talentdemand.domain.Offer;
import org.qiao.talentdemand.domain.Side;

@Schema(
    name = "Application",
    description = "An invitation or application joining one student and one demand")
public record ApplicationResponse(
    UUID id,
    UUID demandId,
    UUID enterpriseId,
    @Schema(
            description =
                "The student's pseudonymous id; null once the student was forgotten (the"
                    + " application is then kept only as a count)",
            example = "sm4k2q7xz3h5n6p2r4t7v3w5y2a")
        String studentId,
    @Schema(description = "ENTERPRISE for an invitation, STUDENT for an application")
        Side startedBy,
    ApplicationStatus status,
    @Schema(description = "Unanswered by then, an invitation or application expires")
        Instant answerBy,
    @Schema(
            description =
                "Why the platform ended it on a party's behalf (the demand filled, closed or expired;"
                    + " the student revoked contact or was forgotten); null otherwise")
        Application.EndReason endReason,
    @Schema(description = "The enterprise's offer, once made") OfferResponse offer,
    @Schema(description = "When the student accepted the offer") Instant hiredAt,
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
        a.endReason,
        OfferResponse.of(a.offer()),
        a.hiredAt,
        a.createdAt,
        a.updatedAt,
        a.version);
  }

  @Schema(name = "Offer", description = "An offer (录用通知)")
  public record OfferResponse(
      @Schema(description = "Monthly, CNY") int salaryMin,
      @Schema(description = "Monthly, CNY") int salaryMax,
      LocalDate startDate,
      @Schema(description = "The last day (China time) the student may accept") LocalDate answerBy,
      @Schema(description = "Where the job is: GB/T 2260 division code", example = "310115")
          String divisionCode) {
    static OfferResponse of(Offer o) {
      return o == null
          ? null
          : new OfferResponse(
              o.salaryMin(), o.salaryMax(), o.startDate(), o.answerBy(), o.divisionCode());
    }
  }
}
