package org.qiao.curriculum.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.Destination;

@Schema(
    name = "GraduateDestinationDetails",
    description =
        "Where the graduate went (毕业去向), as the student or their institution states it; a stated"
            + " destination is confirmed.")
public record DestinationRequest(
    @Schema(
            description = "The employer's unified social credit code (checked)",
            example = "91350200MA31E12PXF")
        @NotBlank
        @Size(max = 18)
        @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}")
        String employerCreditCode,
    @Schema(example = "厦门芯测科技有限公司") @NotBlank @Size(max = 200) String employerName,
    @Schema(description = "Occupation code (职业分类大典)", example = "2-02-10-01")
        @NotBlank
        @Size(max = 10)
        @Pattern(regexp = "[1-8]-\\d{2}-\\d{2}-\\d{2}")
        String occupationCode,
    @Schema(description = "Where the job is: a GB/T 2260 division code", example = "350200")
        @NotBlank
        @Size(max = 6)
        @Pattern(regexp = "\\d{6}")
        String divisionCode,
    @Schema(example = "2027-07-01") @NotNull LocalDate startDate) {

  Destination details() {
    return new Destination(
        employerCreditCode, employerName, occupationCode, divisionCode, startDate);
  }
}
