package org.qiao.talentdemand.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.TrainingOrder;

@Schema(name = "TrainingOrderRequest", description = "An order-style training request (订单式培养)")
public record TrainingOrderRequest(
    @Schema(example = "2028届集成电路订单班") @NotBlank @Size(max = 200) String title,
    @Size(max = 5000) String description,
    @Schema(example = "[\"080704\"]") @NotEmpty @Size(max = 20)
        List<
                @NotNull @Size(max = 7)
                @Pattern(regexp = "\\d{6}[TK]?", message = "must be 6 digits with optional T or K")
                String>
            majorCodes,
    @Schema(example = "30") @NotNull @Min(1) @Max(5000) Integer headcount,
    @Schema(description = "Graduation year of the cohort to train", example = "2028")
        @NotNull
        @Min(TrainingOrder.FIRST_COHORT_YEAR)
        @Max(TrainingOrder.LAST_COHORT_YEAR)
        Integer cohortYear,
    @Size(max = 50) List<@Valid @NotNull SkillDto> skills,
    @Schema(
            description =
                "10-digit institution codes of the universities asked; empty = open to all",
            example = "[\"4131010246\"]")
        @Size(max = 100)
        List<
                @NotNull @Size(max = 10)
                @Pattern(regexp = "\\d{10}", message = "must be a 10-digit institution code")
                String>
            targetUniversities,
    @Schema(example = "2027-03-31") @NotNull LocalDate proposalDeadline,
    @Size(max = 1000) String fundingNote) {

  TrainingOrder.Terms toDomain() {
    return new TrainingOrder.Terms(
        title,
        description,
        majorCodes,
        headcount,
        cohortYear,
        SkillDto.toDomain(skills),
        targetUniversities,
        proposalDeadline,
        fundingNote);
  }
}
