package org.qiao.internship.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.internship.domain.Incident;
import org.qiao.internship.domain.IncidentCells;
import org.qiao.internship.domain.IncidentType;
import org.qiao.internship.domain.Severity;
import org.qiao.internship.service.IncidentStatistics;

@Schema(name = "Incident")
public record IncidentResponse(
    UUID id,
    UUID internshipId,
    IncidentType type,
    Severity severity,
    LocalDate occurredOn,
    String cityCode,
    String description,
    String actions,
    String reportedBy,
    Instant createdAt,
    long version) {

  static IncidentResponse of(Incident x) {
    return new IncidentResponse(
        x.id,
        x.internshipId,
        x.type,
        x.severity,
        x.occurredOn,
        x.cityCode,
        x.description,
        x.actions,
        x.reportedBy,
        x.createdAt,
        x.version);
  }

  @Schema(
      name = "IncidentStatistics",
      description =
          "Incident counts by month of reporting, type, severity and place (GB/T 2260 codes) from"
              + " a daily snapshot; nothing about a person, and no count below 5")
  public record Statistics(
      @Schema(description = "First day of the first month covered") LocalDate from,
      @Schema(description = "Last day of the last month covered") LocalDate to,
      @Schema(
              description =
                  "The snapshot's day: the months closed by that day's close in China time; a"
                      + " snapshot never changes")
          LocalDate asOf,
      Instant computedAt,
      List<Cell> cells,
      @Schema(description = "Incidents in the shown cells (suppressed ones are not counted)")
          long total) {
    static Statistics of(IncidentStatistics.Published p) {
      return new Statistics(
          p.from().atDay(1),
          p.to().atEndOfMonth(),
          p.asOf(),
          p.computedAt(),
          p.cells().stream()
              .map(
                  c ->
                      new Cell(
                          c.month(),
                          c.type(),
                          c.severity(),
                          c.provinceCode(),
                          c.cityCode(),
                          c.incidents(),
                          c.suppressed()))
              .toList(),
          p.cells().stream()
              .filter(c -> !c.suppressed())
              .mapToLong(IncidentCells.Cell::incidents)
              .sum());
    }
  }

  @Schema(
      name = "IncidentStatisticsCell",
      description =
          "A city cell (at least 5 incidents), a province cell (the province's smaller city"
              + " counts of that type and severity together, at least 5, without their cities) or"
              + " the month's suppressed cell (only the month: some incidents are in no shown"
              + " cell)")
  public record Cell(
      @Schema(example = "2027-07", description = "Month the incidents were reported (China time)")
          String month,
      @Schema(description = "Null for the suppressed cell") IncidentType type,
      @Schema(description = "Null for the suppressed cell") Severity severity,
      @Schema(example = "310000", description = "Province-level GB/T 2260 code")
          String provinceCode,
      @Schema(
              example = "310000",
              description = "City-level GB/T 2260 code; null for a province or suppressed cell")
          String cityCode,
      @Schema(description = "At least 5; null for the suppressed cell") Long incidents,
      boolean suppressed) {}
}
