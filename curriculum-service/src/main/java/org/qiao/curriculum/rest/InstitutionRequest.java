package org.qiao.curriculum.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "InstitutionRegistration",
    description =
        "An institution registers with its 学校标识码; a training provider without one with its"
            + " unified social credit code.")
public record InstitutionRequest(
    @Schema(example = "4131010246", description = "学校标识码: 41 or 42, province, 0, school code")
        @Size(min = 10, max = 10)
        @Pattern(regexp = "\\d{10}")
        String institutionCode,
    @Schema(example = "91310115MA1K4TQX5E", description = "A training provider's credit code")
        @Size(min = 18, max = 18)
        @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}")
        String creditCode,
    @Valid @NotNull InstitutionProfileRequest profile) {}
