package org.qiao.internship.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.internship.domain.HoursKind;

@Schema(name = "MentorHoursEntry", description = "Hours the calling mentor spent on one day")
public record HoursRequest(
    @Schema(example = "2027-07-06") @NotNull LocalDate day,
    @NotNull HoursKind kind,
    @Schema(example = "2.5")
        @NotNull
        @DecimalMin("0.1")
        @DecimalMax("24")
        @Digits(integer = 2, fraction = 1)
        BigDecimal hours,
    @Schema(description = "The internship they were for, if one") UUID internshipId) {}
