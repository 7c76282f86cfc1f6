package org.qiao.internship.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LogComment", description = "A mentor's comment on a weekly log")
public record CommentRequest(
    @Schema(example = "测试用例设计合理，下周补充功能覆盖率分析") @NotBlank @Size(max = 2000) String text) {}
