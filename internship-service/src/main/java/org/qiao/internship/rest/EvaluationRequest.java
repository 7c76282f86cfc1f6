package org.qiao.internship.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.internship.domain.Rating;

@Schema(
    name = "EvaluationSubmission",
    description = "The calling mentor's rating of every planned skill, with evidence")
public record EvaluationRequest(
    @NotEmpty @Size(max = 200) List<@Valid @NotNull RatingDto> ratings) {

  @Schema(name = "SkillRating")
  public record RatingDto(
      @Schema(example = "UVM验证") @NotBlank @Size(max = 100) String skill,
      @Schema(example = "4") @NotNull @Min(1) @Max(5) Integer rating,
      @Schema(example = "独立搭建了FIFO模块的验证环境，覆盖率 96%") @NotBlank @Size(max = 2000) String evidence) {}

  List<Rating> toRatings() {
    return ratings.stream().map(r -> new Rating(r.skill(), r.rating(), r.evidence())).toList();
  }
}
