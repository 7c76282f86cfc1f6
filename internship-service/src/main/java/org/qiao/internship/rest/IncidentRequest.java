package org.qiao.internship.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.internship.domain.IncidentType;
import org.qiao.internship.domain.Severity;

@Schema(name = "IncidentReport", description = "An incident during a confirmed internship")
public record IncidentRequest(
    @NotNull IncidentType type,
    @NotNull Severity severity,
    @Schema(example = "2027-07-20") @NotNull LocalDate occurredOn,
    @Schema(example = "搬运设备时手部轻微划伤") @NotBlank @Size(max = 5000) String description,
    @Schema(example = "现场包扎，补充安全培训") @Size(max = 5000) String actions) {}
