package org.qiao.talentdemand.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.DemandSkill;
import org.qiao.talentdemand.service.DemandService;

@Schema(name = "DemandRequest", description = "A talent demand as an enterprise states it")
public record DemandRequest(
    @Schema(example = "集成电路版图设计工程师") @NotBlank @Size(max = 200) String title,
    @Schema(description = "职业分类大典 code", example = "2-02-10-03")
        @NotNull
        @Pattern(regexp = "[1-8]-\\d{2}-\\d{2}-\\d{2}", message = "must look like 2-02-10-03")
        String occupationCode,
    @Schema(description = "Accepted major codes (6 digits, optional T/K)", example = "[\"080901\"]")
        @Size(max = 50)
        List<
                @NotNull
                @Pattern(regexp = "\\d{6}[TK]?", message = "must be 6 digits with optional T or K")
                String>
            majorCodes,
    @Size(max = 50) List<@Valid @NotNull Skill> skills,
    @Schema(example = "3") @NotNull @Min(1) @Max(10_000) Integer headcount,
    @Schema(example = "上海") @NotBlank @Size(max = 50) String city,
    @Schema(description = "Last day the demand is open (Asia/Shanghai)", example = "2027-06-30")
        LocalDate validThrough,
    @Schema(description = "Publish at once (default) or keep as a draft", defaultValue = "true")
        Boolean publish) {

  @Schema(name = "DemandSkill")
  public record Skill(
      @Schema(example = "Verilog") @NotBlank @Size(max = 100) String name,
      @Schema(description = "Essential = required; otherwise a bonus") @NotNull Boolean essential,
      @Schema(example = "3") @NotNull @Min(1) @Max(5) Integer level) {}

  DemandService.NewDemand toCommand() {
    return new DemandService.NewDemand(
        title,
        occupationCode,
        majorCodes == null ? List.of() : majorCodes,
        skills == null
            ? List.of()
            : skills.stream()
                .map(s -> new DemandSkill(s.name(), s.essential(), s.level()))
                .toList(),
        headcount,
        city,
        validThrough,
        publish == null || publish);
  }
}
