package org.qiao.matching.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Matching's reading of the events that close the loop (issue 16): applications and placements from
 * talent-demand-service, resumed job seeking from curriculum-service. Only the fields it uses;
 * unknown ones (an application's {@code endReason}) are ignored.
 */
final class OutcomeEventsV1 {

  private OutcomeEventsV1() {}

  /** The whole application state of every {@code qiao.application.<stage>.v1}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ApplicationState(
      UUID applicationId,
      UUID demandId,
      DemandStateV1.Enterprise enterprise,
      String studentId,
      String startedBy,
      String status,
      long version,
      Instant updatedAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PlacementRecorded(
      UUID placementId,
      UUID demandId,
      String studentId,
      String institutionCode,
      String majorCode,
      String degree,
      int graduationYear,
      String occupationCode,
      DemandStateV1.Enterprise enterprise,
      String industry,
      String divisionCode,
      String salaryBand,
      LocalDate startDate,
      int daysToOffer,
      Instant hiredAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record JobSeekingResumed(String pseudonymousId, Instant resumedAt) {}
}
