package org.qiao.talentdemand.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.Enterprise;
import org.qiao.talentdemand.domain.SizeClass;

@Schema(name = "EnterpriseProfile", description = "What an enterprise says about itself")
public record EnterpriseProfileRequest(
    @Schema(example = "厦门芯测科技有限公司") @NotBlank @Size(max = 200) String name,
    @Schema(description = "企业划型") @NotNull SizeClass sizeClass,
    @Schema(example = "集成电路") @NotBlank @Size(max = 100) String industry,
    @Schema(example = "王经理") @NotBlank @Size(max = 100) String contactName,
    @Schema(example = "+86 592 1234567")
        @Size(max = 30)
        @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "must be a phone number")
        String contactPhone,
    @Schema(example = "hr@example.cn", format = "email") @Size(max = 200) @Email
        String contactEmail) {

  Enterprise.Profile toDomain() {
    return new Enterprise.Profile(
        name, sizeClass, industry, contactName, contactPhone, contactEmail);
  }
}
