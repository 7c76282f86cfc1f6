package org.qiao.curriculum.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ProposalSubmission",
    description = "One of the institution's published plans for an ordered major")
public record ProposalRequest(
    @NotNull UUID trainingOrderId,
    @NotNull UUID coursePlanId,
    @Schema(example = "20") @NotNull @Min(1) @Max(5000) Integer capacity,
    @Schema(example = "微电子学院定制课程：数字IC设计、版图、验证实训") @Size(max = 5000) String summary) {}
