package org.qiao.talentdemand.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EnterpriseRegistration", description = "Registers the caller's enterprise")
public record EnterpriseRequest(
    @Schema(
            description = "Unified social credit code (GB 32100-2015); must equal the token's org",
            example = "91350200MA31E12PXF")
        @NotBlank
        @Size(max = 18)
        String creditCode,
    @Valid @NotNull EnterpriseProfileRequest profile) {}
