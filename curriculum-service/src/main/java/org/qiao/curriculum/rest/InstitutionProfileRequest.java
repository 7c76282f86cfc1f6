package org.qiao.curriculum.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.domain.InstitutionKind;

@Schema(name = "InstitutionProfile", description = "What an institution says of itself")
public record InstitutionProfileRequest(
    @Schema(example = "复旦大学") @NotBlank @Size(max = 200) String name,
    @NotNull InstitutionKind kind,
    @Schema(example = "上海") @NotBlank @Size(max = 50) String city) {

  Institution.Profile toDomain() {
    return new Institution.Profile(name, kind, city);
  }
}
