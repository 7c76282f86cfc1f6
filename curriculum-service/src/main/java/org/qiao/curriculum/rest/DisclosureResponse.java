package org.qiao.curriculum.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.Disclosure;

@Schema(name = "Disclosure", description = "One read of the student's contact card")
public record DisclosureResponse(
    UUID id, UUID grantId, UUID applicationId, Enterprise enterprise, Instant readAt) {

  @Schema(name = "ReadingEnterprise")
  public record Enterprise(String creditCode, String name) {}

  static DisclosureResponse of(Disclosure d) {
    return new DisclosureResponse(
        d.id,
        d.grantId,
        d.applicationId,
        new Enterprise(d.enterpriseCreditCode, d.enterpriseName),
        d.readAt);
  }
}
