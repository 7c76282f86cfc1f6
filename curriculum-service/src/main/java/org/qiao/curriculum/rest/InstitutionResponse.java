package org.qiao.curriculum.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.domain.InstitutionKind;

@Schema(name = "Institution")
public record InstitutionResponse(
    UUID id,
    @Schema(description = "The 学校标识码, or a training provider's credit code") String code,
    @Schema(enumeration = {"INSTITUTION_CODE", "CREDIT_CODE"}) String codeKind,
    String name,
    InstitutionKind kind,
    String city,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  static InstitutionResponse of(Institution i) {
    return new InstitutionResponse(
        i.id, i.code, i.codeKind, i.name, i.kind, i.city, i.version, i.createdAt, i.updatedAt);
  }
}
