package org.qiao.internship.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.internship.domain.Mentor;

@Schema(name = "MentorProfile", description = "A mentor as their organisation registers them")
public record MentorRequest(
    @Schema(example = "李工") @NotBlank @Size(max = 100) String name,
    @Schema(example = "高级验证工程师") @NotBlank @Size(max = 100) String title,
    @Schema(example = "[\"UVM验证\", \"SystemVerilog\"]") @Size(max = 50)
        List<@NotBlank @Size(max = 100) String> skills,
    @Schema(example = "3", description = "Most internships mentored at once")
        @NotNull
        @Min(1)
        @Max(Mentor.MAX_CAPACITY)
        Integer capacity) {

  Mentor.Profile profile() {
    return new Mentor.Profile(name, title, skills, capacity);
  }
}
