package org.qiao.talentdemand.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.Enterprise;
import org.qiao.talentdemand.domain.SizeClass;

@Schema(name = "Enterprise")
public record EnterpriseResponse(
    UUID id,
    String creditCode,
    String name,
    SizeClass sizeClass,
    String industry,
    @Schema(description = "GB/T 2260 division of registration, from the credit code")
        String divisionCode,
    String province,
    @Schema(description = "City of registration, from the division code (when known)") String city,
    String contactName,
    String contactPhone,
    String contactEmail,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  static EnterpriseResponse of(Enterprise e) {
    return new EnterpriseResponse(
        e.id,
        e.creditCode,
        e.name,
        e.sizeClass,
        e.industry,
        e.divisionCode,
        e.province(),
        e.city(),
        e.contactName,
        e.contactPhone,
        e.contactEmail,
        e.createdAt,
        e.updatedAt,
        e.version);
  }
}
