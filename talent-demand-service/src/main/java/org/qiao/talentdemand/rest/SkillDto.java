package org.qiao.talentdemand.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.SkillRequirement;

@Schema(name = "Skill", description = "A skill asked for: essential = required, otherwise a bonus")
public record SkillDto(
    @Schema(example = "Verilog") @NotBlank @Size(max = 100) String name,
    @Schema(example = "true") @NotNull Boolean essential,
    @Schema(description = "1 (basic) to 5 (expert)", example = "3") @NotNull @Min(1) @Max(5)
        Integer level) {

  static List<SkillRequirement> toDomain(List<SkillDto> skills) {
    return skills == null
        ? List.of()
        : skills.stream().map(s -> new SkillRequirement(s.name, s.essential, s.level)).toList();
  }

  static List<SkillDto> of(List<SkillRequirement> skills) {
    return skills.stream().map(s -> new SkillDto(s.name(), s.essential(), s.level())).toList();
  }
}
