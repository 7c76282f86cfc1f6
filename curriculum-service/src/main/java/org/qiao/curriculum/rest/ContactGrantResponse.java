package org.qiao.curriculum.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.ContactGrant;

@Schema(
    name = "ContactGrant",
    description =
        "The student's permission for one enterprise to read their contact card for one"
            + " application: given by applying or accepting an invitation, ended 30 days after the"
            + " application ended, or at once by revocation or forgetting.")
public record ContactGrantResponse(
    UUID id,
    UUID applicationId,
    Enterprise enterprise,
    Instant grantedAt,
    @Schema(description = "Null while the application is open") Instant endsAt,
    Instant revokedAt,
    ContactGrant.State state) {

  @Schema(name = "GrantedEnterprise")
  public record Enterprise(UUID id, String creditCode, String name) {}

  static ContactGrantResponse of(ContactGrant g, Clock clock) {
    return new ContactGrantResponse(
        g.id,
        g.applicationId,
        new Enterprise(g.enterpriseId, g.enterpriseCreditCode, g.enterpriseName),
        g.grantedAt,
        g.endsAt,
        g.revokedAt,
        g.state(clock.instant()));
  }
}
