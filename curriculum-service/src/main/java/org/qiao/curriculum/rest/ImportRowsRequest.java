package org.qiao.curriculum.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.service.importing.ImportColumn;
import org.qiao.curriculum.service.importing.SourceRow;

@Schema(
    name = "StudentImportRows",
    description =
        "A cohort as JSON rows (the columns of a CSV export). Types and lengths are checked at"
            + " once (400); codes, years and consent per row, reported in the job (row = position,"
            + " from 1).")
public record ImportRowsRequest(@NotEmpty @Size(max = 5000) List<@Valid @NotNull Row> rows) {

  @Schema(name = "StudentImportRow")
  public record Row(
      @Schema(example = "张三") @Size(max = 100) String name,
      @Schema(example = "2022011234") @Size(max = 32) String studentNumber,
      @Schema(example = "13800138000") @Size(max = 20) String phone,
      @Schema(example = "zhangsan@example.edu.cn") @Size(max = 200) String email,
      @Schema(example = "080710T") @Size(max = 7) String majorCode,
      @Schema(example = "本科") @Size(max = 20) String degree,
      @Schema(example = "2026") @Size(max = 4) String graduationYear,
      @Schema(example = "2022") @Size(max = 4) String cohortYear,
      @Size(max = 100) List<@NotNull @Size(max = 100) String> skills,
      @Size(max = 200) List<@NotNull @Size(max = 30) String> passedCourses,
      @Schema(
              description =
                  "GB/T 2260 division codes or names of major cities that are exactly one code;"
                      + " anything else is a row error")
          @Size(max = 20)
          List<@NotNull @Size(max = 50) String> preferredCities,
      @Schema(example = "是", description = "是/否, yes/no") @Size(max = 10) String consent,
      @Schema(example = "2026-01") @Size(max = 50) String consentTextVersion,
      @Schema(example = "2026-03-01T10:00:00") @Size(max = 30) String consentAt) {

    SourceRow toSourceRow(long rowNumber) {
      Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
      put(cells, ImportColumn.NAME, name);
      put(cells, ImportColumn.STUDENT_NUMBER, studentNumber);
      put(cells, ImportColumn.PHONE, phone);
      put(cells, ImportColumn.EMAIL, email);
      put(cells, ImportColumn.MAJOR_CODE, majorCode);
      put(cells, ImportColumn.DEGREE, degree);
      put(cells, ImportColumn.GRADUATION_YEAR, graduationYear);
      put(cells, ImportColumn.COHORT_YEAR, cohortYear);
      put(cells, ImportColumn.DECLARED_SKILLS, skills == null ? null : String.join(";", skills));
      put(
          cells,
          ImportColumn.PASSED_COURSES,
          passedCourses == null ? null : String.join(";", passedCourses));
      put(
          cells,
          ImportColumn.PREFERRED_CITIES,
          preferredCities == null ? null : String.join(";", preferredCities));
      put(cells, ImportColumn.CONSENT, consent);
      put(cells, ImportColumn.CONSENT_TEXT_VERSION, consentTextVersion);
      put(cells, ImportColumn.CONSENT_AT, consentAt);
      return new SourceRow(rowNumber, cells);
    }

    private static void put(Map<ImportColumn, String> cells, ImportColumn c, String v) {
      if (v != null && !v.isBlank()) {
        cells.put(c, v.strip());
      }
    }
  }
}
