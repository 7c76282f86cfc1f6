package org.qiao.curriculum.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.Course;
import org.qiao.curriculum.domain.CourseKind;
import org.qiao.curriculum.domain.CoursePlan;
import org.qiao.curriculum.domain.MajorCatalogue;
import org.qiao.curriculum.domain.PlanKind;
import org.qiao.curriculum.domain.Programme;
import org.qiao.curriculum.domain.SkillLevel;

@Schema(
    name = "CoursePlanContent",
    description =
        "A plan for a major and cohort (kind MAJOR: catalogue, majorCode, cohortYear) or a training"
            + " provider's short programme (kind PROGRAMME: programme), with its courses.")
public record CoursePlanRequest(
    @NotNull PlanKind kind,
    @Schema(example = "集成电路设计与集成系统 2026 级培养方案") @NotBlank @Size(max = 200) String title,
    MajorCatalogue catalogue,
    @Schema(example = "080710T") @Size(min = 6, max = 7) @Pattern(regexp = "\\d{6}[TK]?")
        String majorCode,
    @Schema(example = "2026") @Min(2000) @Max(2100) Integer cohortYear,
    @Valid ProgrammeDto programme,
    @NotEmpty @Size(max = 300) List<@Valid @NotNull CourseDto> courses) {

  @Schema(name = "ProgrammeContent", description = "What makes a plan a short programme")
  public record ProgrammeDto(
      @Schema(example = "4-04-05-05", description = "职业分类大典 code of the target occupation")
          @NotNull
          @Size(max = 10)
          @Pattern(regexp = "[1-8]-\\d{2}-\\d{2}-\\d{2}")
          String occupationCode,
      @Schema(example = "120") @NotNull @Min(1) @Max(5000) Integer hours,
      @Schema(example = "人工智能训练师（四级）") @Size(max = 200) String certificateName,
      @Schema(example = "年满40周岁的在职或失业人员") @Size(max = 1000) String eligibility,
      @Schema(description = "Fee in yuan; 0 or absent: free") @Min(0) @Max(1_000_000)
          Integer feeYuan,
      @Schema(example = "40") @NotNull @Min(1) @Max(100_000) Integer seats) {

    Programme toDomain() {
      return new Programme(occupationCode, hours, certificateName, eligibility, feeYuan, seats);
    }
  }

  @Schema(name = "CourseContent")
  public record CourseDto(
      @Schema(example = "MIC3012") @NotBlank @Size(max = 30) String code,
      @Schema(example = "数字集成电路设计") @NotBlank @Size(max = 200) String name,
      @Schema(example = "3.5")
          @NotNull
          @DecimalMin("0")
          @DecimalMax("40")
          @Digits(integer = 2, fraction = 1)
          BigDecimal credits,
      @Schema(example = "56") @NotNull @Min(1) @Max(2000) Integer hours,
      @Schema(example = "5") @NotNull @Min(1) @Max(12) Integer term,
      @NotNull CourseKind kind,
      @Schema(description = "Taught together with an enterprise mentor")
          Boolean withEnterpriseMentor,
      @Size(max = 50) List<@Valid @NotNull SkillDto> skills) {

    Course toDomain() {
      return new Course(
          code,
          name,
          credits,
          hours,
          term,
          kind,
          Boolean.TRUE.equals(withEnterpriseMentor),
          skills == null ? List.of() : skills.stream().map(SkillDto::toDomain).toList());
    }
  }

  @Schema(name = "SkillLevelContent", description = "A skill and the level (1–5) taught or held")
  public record SkillDto(
      @Schema(example = "Verilog") @NotBlank @Size(max = 100) String name,
      @Schema(example = "3") @NotNull @Min(1) @Max(5) Integer level) {
    SkillLevel toDomain() {
      return new SkillLevel(name, level);
    }
  }

  CoursePlan.Content toDomain() {
    return new CoursePlan.Content(
        kind,
        title,
        catalogue,
        majorCode,
        cohortYear,
        programme == null ? null : programme.toDomain(),
        courses.stream().map(CourseDto::toDomain).toList());
  }
}
