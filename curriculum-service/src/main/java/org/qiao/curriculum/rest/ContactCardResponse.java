package org.qiao.curriculum.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.Degree;
import org.qiao.curriculum.service.ContactGrantService;

@Schema(
    name = "ContactCard",
    description =
        "How to reach a student who applied or accepted an invitation, for the granted enterprise"
            + " only, while the grant lasts. Every read is recorded and shown to the student.")
public record ContactCardResponse(
    UUID applicationId,
    String name,
    String phone,
    String email,
    Institution institution,
    String majorCode,
    Degree degree,
    int graduationYear,
    Grant grant) {

  @Schema(name = "ContactCardInstitution")
  public record Institution(String code, String name) {}

  @Schema(name = "ContactCardGrant", description = "How long the card may be read")
  public record Grant(
      UUID id,
      Instant grantedAt,
      @Schema(description = "Null while the application is open") Instant endsAt) {}

  static ContactCardResponse of(ContactGrantService.Card c) {
    return new ContactCardResponse(
        c.grant().applicationId,
        c.student().name,
        c.student().phone,
        c.student().email,
        new Institution(c.institution().code, c.institution().name),
        c.student().majorCode,
        c.student().degree,
        c.student().graduationYear,
        new Grant(c.grant().id, c.grant().grantedAt, c.grant().endsAt));
  }
}
