package org.qiao.talentdemand.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.Challenge;

@Schema(
    name = "ChallengeRequest",
    description = "A technical challenge (技术攻关课题) for university labs")
public record ChallengeRequest(
    @Schema(example = "晶圆缺陷检测算法") @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 10_000) String description,
    @Schema(description = "2-digit 学科门类 or 4-digit 一级学科 codes", example = "[\"0812\"]")
        @Size(max = 20)
        List<
                @NotNull @Size(max = 4)
                @Pattern(
                    regexp = "\\d{2}|\\d{4}",
                    message = "must be a 2- or 4-digit discipline code")
                String>
            disciplineCodes,
    @Size(max = 50) List<@Valid @NotNull SkillDto> skills,
    @Schema(description = "CNY", example = "200000") @PositiveOrZero @Max(1_000_000_000)
        Integer budgetMin,
    @Schema(description = "CNY", example = "500000") @PositiveOrZero @Max(1_000_000_000)
        Integer budgetMax,
    @Schema(example = "2027-05-31") @NotNull LocalDate deadline) {

  Challenge.Brief toDomain() {
    return new Challenge.Brief(
        title,
        description,
        disciplineCodes,
        SkillDto.toDomain(skills),
        budgetMin,
        budgetMax,
        deadline);
  }
}
