package org.qiao.internship.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.internship.domain.Goal;
import org.qiao.internship.domain.Internship;
import org.qiao.internship.domain.InternshipKind;

@Schema(
    name = "InternshipProposal",
    description =
        "An internship as the enterprise or the institution proposes it; the proposer's own code"
            + " must be its organisation's")
public record InternshipRequest(
    @NotNull InternshipKind kind,
    @Schema(example = "sm4k2q7xz3h5n6p2r4t7v3w5y2a", description = "Pseudonymous student id")
        @NotBlank
        @Size(max = 40)
        @Pattern(regexp = "s[a-z2-7]{26}")
        String studentId,
    @Schema(example = "4131010246") @NotBlank @Size(max = 18) String institutionCode,
    @Schema(example = "91310115MA1K4Q2X3B") @NotBlank @Size(max = 18) String enterpriseCode,
    @Schema(description = "The talent demand it serves, if any") UUID demandId,
    @Schema(description = "The training order it serves, if any") UUID trainingOrderId,
    @NotNull UUID institutionMentorId,
    @NotNull UUID enterpriseMentorId,
    @Schema(example = "2027-07-05") @NotNull LocalDate startDate,
    @Schema(example = "2027-08-27") @NotNull LocalDate endDate,
    @Schema(
            example = "310115",
            description = "Where it takes place: GB/T 2260 division code (浦东新区 310115)")
        @NotBlank
        @Size(min = 6, max = 6)
        @Pattern(regexp = "\\d{6}")
        String divisionCode,
    @Schema(example = "张江高科技园区 验证实验室") @NotBlank @Size(max = 200) String place,
    @NotEmpty @Size(max = 30) List<@Valid @NotNull GoalDto> goals) {

  @Schema(name = "Goal", description = "A goal of the plan and the skills it trains")
  public record GoalDto(
      @Schema(example = "独立完成一个模块的UVM验证环境") @NotBlank @Size(max = 500) String description,
      @Schema(example = "[\"UVM验证\"]") @NotEmpty @Size(max = 20)
          List<@NotBlank @Size(max = 100) String> skills) {}

  Internship.Terms terms() {
    return new Internship.Terms(
        kind,
        studentId,
        institutionCode,
        enterpriseCode,
        demandId,
        trainingOrderId,
        institutionMentorId,
        enterpriseMentorId,
        startDate,
        endDate,
        divisionCode,
        place,
        goals.stream().map(g -> new Goal(g.description(), g.skills())).toList());
  }
}
