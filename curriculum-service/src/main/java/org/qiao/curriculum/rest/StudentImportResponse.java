package org.qiao.curriculum.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.ImportStatus;
import org.qiao.curriculum.domain.StudentImport;
import org.qiao.curriculum.service.ImportService;

@Schema(
    name = "StudentImport",
    description =
        "An import job: progress, counts and the first row errors (all of them: GET …/errors as"
            + " CSV).")
public record StudentImportResponse(
    UUID id,
    ImportStatus status,
    @Schema(enumeration = {"CSV", "XLSX", "JSON"}) String format,
    long fileBytes,
    @Schema(description = "Rows read so far") long rowsRead,
    @Schema(description = "Rows stored (created + updated + unchanged)") long rowsStored,
    long rowsCreated,
    long rowsUpdated,
    long rowsUnchanged,
    long rowsInvalid,
    long profilesPublished,
    long profilesForgotten,
    @Schema(description = "Why the file was refused or the job stopped") String failure,
    List<RowError> errors,
    @Schema(description = "More errors than shown: download the CSV") boolean errorsTruncated,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    long version) {

  @Schema(name = "ImportRowError")
  public record RowError(long row, String column, String reason) {}

  static StudentImportResponse of(
      StudentImport j, List<ImportService.ErrorLine> errors, int shown) {
    return new StudentImportResponse(
        j.id,
        j.status,
        j.format,
        j.fileBytes,
        j.rowsRead,
        j.rowsStored(),
        j.rowsCreated,
        j.rowsUpdated,
        j.rowsUnchanged,
        j.rowsInvalid,
        j.profilesPublished,
        j.profilesForgotten,
        j.failure,
        errors.stream()
            .limit(shown)
            .map(e -> new RowError(e.row(), e.column(), e.reason()))
            .toList(),
        errors.size() > shown,
        j.createdAt,
        j.startedAt,
        j.finishedAt,
        j.version);
  }
}
