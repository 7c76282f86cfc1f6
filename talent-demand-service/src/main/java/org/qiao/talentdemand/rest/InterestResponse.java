package org.qiao.talentdemand.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.Interest;

@Schema(name = "Interest", description = "A university lab's interest in a challenge")
public record InterestResponse(
    UUID id,
    UUID challengeId,
    String universityCode,
    String contactName,
    String message,
    Instant registeredAt) {

  static InterestResponse of(Interest i) {
    return new InterestResponse(
        i.id, i.challengeId, i.universityCode, i.contactName, i.message, i.registeredAt);
  }
}
