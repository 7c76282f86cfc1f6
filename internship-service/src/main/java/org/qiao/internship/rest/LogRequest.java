package org.qiao.internship.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WeeklyLog", description = "A week of the internship as the student logs it")
public record LogRequest(
    @Schema(example = "2027-07-05", description = "The Monday of the week") @NotNull
        LocalDate weekOf,
    @Schema(example = "搭建了FIFO模块的UVM验证环境，完成了10个测试用例") @NotBlank @Size(max = 5000) String text,
    @Schema(example = "38.5")
        @NotNull
        @DecimalMin("0")
        @DecimalMax("84")
        @Digits(integer = 2, fraction = 1)
        BigDecimal hours,
    @Schema(description = "Indexes (from 0) of the plan's goals worked on") @Size(max = 30)
        List<@NotNull @Min(0) @Max(29) Integer> goals) {}
