package org.qiao.curriculum.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.Degree;
import org.qiao.curriculum.domain.PersonalData;
import org.qiao.curriculum.domain.StudentProfile;

@Schema(
    name = "StudentRecord",
    description =
        "A student's personal data (kept only in this service) and matchable profile. Consent is"
            + " the student's to give.")
public record StudentRequest(
    @Schema(example = "张三") @NotBlank @Size(max = 100) String name,
    @Schema(example = "2022011234")
        @NotBlank
        @Size(max = 32)
        @Pattern(regexp = "[A-Za-z0-9-]{1,32}")
        String studentNumber,
    // The contract states the rules PersonalData enforces (a bound the service refuses is no
    // bound).
    @Schema(example = "13800138000", pattern = "^((\\+86)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$")
        @Size(max = 20)
        String phone,
    @Schema(example = "zhangsan@example.edu.cn", format = "email") @Size(max = 200) String email,
    @Schema(example = "080710T") @NotNull @Size(min = 6, max = 7) @Pattern(regexp = "\\d{6}[TK]?")
        String majorCode,
    @NotNull Degree degree,
    @Schema(example = "2026") @NotNull @Min(2000) @Max(2100) Integer graduationYear,
    @Schema(example = "2022") @Min(2000) @Max(2100) Integer cohortYear,
    @Schema(description = "Skills the student declares") @Size(max = 100)
        List<@NotBlank @Size(max = 100) String> skills,
    @Schema(description = "Codes of the courses of the published plan the student passed")
        @Size(max = 200)
        List<@NotBlank @Size(max = 30) String> passedCourses,
    @Schema(
            description =
                "Cities the student would work in: GB/T 2260 division codes (stored as the city's"
                    + " code: 310115 → 310000) or the name of a major city that is exactly one code"
                    + " (上海, 苏州市); anything else is refused",
            example = "[\"310000\", \"苏州\"]")
        @Size(max = 20)
        List<@NotBlank @Size(max = 50) String> preferredCities) {

  PersonalData person() {
    return new PersonalData(name, studentNumber, phone, email);
  }

  StudentProfile profile() {
    return new StudentProfile(
        majorCode, degree, graduationYear, cohortYear, skills, passedCourses, preferredCities);
  }
}
