package org.qiao.curriculum.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.ConsentDecision;
import org.qiao.curriculum.domain.GraduateDestination;
import org.qiao.curriculum.service.DestinationService;

@Schema(
    name = "GraduateDestination",
    description =
        "A graduate's destination (毕业去向), seen by the student and their institution only. Part of"
            + " the student's record: its ETag is the record's version.")
public record DestinationResponse(
    UUID studentId,
    String employerCreditCode,
    String employerName,
    String occupationCode,
    String divisionCode,
    LocalDate startDate,
    @Schema(description = "Who stated the details") GraduateDestination.Source source,
    @Schema(description = "PREFILLED from a hire on the platform until a person confirms it")
        GraduateDestination.State state,
    @Schema(description = "The hire that pre-filled it") UUID placementId,
    ConsentDecision.Party confirmedBy,
    Instant confirmedAt,
    Instant updatedAt) {

  static DestinationResponse of(DestinationService.View v) {
    GraduateDestination d = v.destination();
    return new DestinationResponse(
        v.student().id,
        d.employerCreditCode,
        d.employerName,
        d.occupationCode,
        d.divisionCode,
        d.startDate,
        d.source,
        d.state,
        d.placementId,
        d.confirmedBy,
        d.confirmedAt,
        d.updatedAt);
  }
}
