package org.qiao.talentdemand.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.Degree;
import org.qiao.talentdemand.domain.DemandDetails;
import org.qiao.talentdemand.domain.EmploymentType;

@Schema(name = "DemandRequest", description = "A talent demand as an enterprise states it")
public record DemandRequest(
    @Schema(example = "集成电路版图设计工程师") @NotBlank @Size(max = 200) String title,
    @Size(max = 5000) String description,
    @Schema(description = "职业分类大典 code", example = "2-02-10-03")
        @NotNull
        @Size(max = 10)
        @Pattern(regexp = "[1-8]-\\d{2}-\\d{2}-\\d{2}", message = "must look like 2-02-10-03")
        String occupationCode,
    @Schema(description = "Accepted major codes (6 digits, optional T/K)", example = "[\"080704\"]")
        @Size(max = 50)
        List<
                @NotNull @Size(max = 7)
                @Pattern(regexp = "\\d{6}[TK]?", message = "must be 6 digits with optional T or K")
                String>
            majorCodes,
    Degree minimumDegree,
    @Size(max = 50) List<@Valid @NotNull SkillDto> skills,
    @Schema(example = "3") @NotNull @Min(1) @Max(10_000) Integer headcount,
    @Schema(example = "上海") @NotBlank @Size(max = 50) String city,
    @Schema(description = "Monthly, CNY", example = "12000") @PositiveOrZero @Max(1_000_000)
        Integer salaryMin,
    @Schema(description = "Monthly, CNY", example = "20000") @PositiveOrZero @Max(1_000_000)
        Integer salaryMax,
    @Schema(defaultValue = "FULL_TIME") EmploymentType employmentType,
    LocalDate startDate,
    @Schema(description = "Last day the demand is open (China time)", example = "2027-06-30")
        @NotNull
        LocalDate validThrough,
    @Schema(
            description =
                "On creation: publish at once (default) or keep a private draft. Not allowed on"
                    + " update.",
            defaultValue = "true")
        Boolean publish) {

  DemandDetails toDomain() {
    return new DemandDetails(
        title,
        description,
        occupationCode,
        majorCodes,
        minimumDegree,
        SkillDto.toDomain(skills),
        headcount,
        city,
        salaryMin,
        salaryMax,
        employmentType == null ? EmploymentType.FULL_TIME : employmentType,
        startDate,
        validThrough);
  }

  boolean publishNow() {
    return publish == null || publish;
  }
}
